import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/core/view/format.ts';
import { describeRunEnd } from '../../src/core/train/run-end.ts';

describe('formatCount', () => {
  it("groups thousands the locale's way", () => {
    expect(formatCount(149_997, 'en-US')).toBe('149,997');
    expect(formatCount(1_000_000, 'de-DE')).toBe('1.000.000');
    // French groups with a narrow no-break space.
    expect(formatCount(100_000, 'fr-FR')).toBe('100\u202f000');
    expect(formatCount(163, 'en-US')).toBe('163');
    // Nothing to group below a thousand: the digits 0-9, as every other number on the page.
    expect(formatCount(999, 'ar-EG')).toBe('999');
    expect(formatCount(1000, 'en-US')).toBe('1,000');
  });

  it('is used for epoch counts in the run summary', () => {
    expect(describeRunEnd({ reason: 'stopped' }, 12_345)).toBe(`Stopped after ${formatCount(12_345)} epochs; kept the weights reached.`);
    expect(formatCount(12_345)).not.toBe('12345');
  });
});
