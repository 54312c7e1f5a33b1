import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_POINTS, sampledRowsOf, sampleRowsByX } from '../../src/core/view/display-sample.ts';

describe('the rows a plot draws', () => {
  it('draws every row of a small data set, in ascending x', () => {
    const x = Float64Array.of(3, 1, 2);
    expect(Array.from(sampleRowsByX(x))).toEqual([1, 2, 0]);
  });

  it('draws an even sample of a big one, at most MAX_DRAWN_POINTS rows, in ascending x', () => {
    const x = Float64Array.from({ length: 12_345 }, (_, i) => Math.sin(i));
    const rows = sampleRowsByX(x);
    expect(rows.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect(rows.length).toBeGreaterThan(MAX_DRAWN_POINTS / 2);
    for (let i = 1; i < rows.length; i++) expect(x[rows[i]]).toBeGreaterThanOrEqual(x[rows[i - 1]]);
  });

  it('samples a column once: the same rows object for the same column, new rows for another', () => {
    const x = Float64Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    const rows = sampledRowsOf(x);
    expect(Array.from(rows)).toEqual(Array.from(sampleRowsByX(x)));
    expect(sampledRowsOf(x)).toBe(rows);
    expect(sampledRowsOf(x.slice())).not.toBe(rows);
  });
});
