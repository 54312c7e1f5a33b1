import { describe, expect, it } from 'vitest';
import { niceTicks, tickLabels } from '../../src/core/view/tick-labels.ts';

describe('tick labels', () => {
  it('give close large ticks enough digits to differ', () => {
    expect(tickLabels([2.1e14, 2.15e14, 2.2e14])).toEqual(['2.10e+14', '2.15e+14', '2.20e+14']);
    expect(tickLabels([1e30, 2e30])).toEqual(['1e+30', '2e+30']);
  });

  it('write ordinary losses as plain numbers, and keep the blanks uPlot asks for', () => {
    expect(tickLabels([43, 43.5, 44, null])).toEqual(['43', '43.5', '44', '']);
    expect(tickLabels([43.0211, 43.0212])).toEqual(['43.0211', '43.0212']);
  });

  it('switch the whole axis to exponents once one tick is large', () => {
    expect(tickLabels([0, 5e5, 1e6])).toEqual(['0e+0', '5e+5', '1e+6']);
  });
});

describe('nice ticks', () => {
  it('are round steps inside the range', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-0.37, 5.41, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(1, 1)).toEqual([]);
  });
});
