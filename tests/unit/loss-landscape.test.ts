/** The exact loss landscape: MSE over (slope, intercept) from the moments, in raw and standardized units. */
import { describe, expect, it } from 'vitest';
import { cellLine, contourLevels, fromSpace, landscapeBounds, lossGrid, toSpace } from '../../src/core/stats/loss-landscape.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';
import { bundledDataset as data } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

const moments = momentsOf(data.x, data.y);
const passMse = (slope: number, intercept: number): number => {
  let sum = 0;
  for (let i = 0; i < data.x.length; i++) sum += (slope * data.x[i] + intercept - data.y[i]) ** 2;
  return sum / data.x.length;
};

describe('loss landscape', () => {
  it('each cell holds the MSE a pass over the rows gives, and the lowest cell is next to the optimum', () => {
    const bounds = landscapeBounds(moments, 'raw');
    const grid = lossGrid(moments, 'raw', bounds, 41, 41);
    for (const [column, row] of [
      [0, 0],
      [40, 40],
      [7, 30],
      [20, 20],
    ] as const) {
      const line = cellLine(bounds, 41, 41, column, row);
      expect(grid.values[row * 41 + column]).toBeCloseTo(passMse(line.slope, line.intercept), 7);
    }
    // 41 cells across a window centred on the optimum: the middle cell's centre is the optimum.
    const centre = cellLine(bounds, 41, 41, 20, 20);
    expect(centre.slope).toBeCloseTo(REFERENCE.slope, 9);
    expect(centre.intercept).toBeCloseTo(REFERENCE.intercept, 8);
    expect(grid.min).toBeCloseTo(REFERENCE.mse, 8);
  });

  it('in standardized units the optimum is (r, 0) and the same lines have the same MSE', () => {
    const optimum = toSpace(REFERENCE, 'standardized', moments);
    expect(optimum.slope).toBeCloseTo(Math.sqrt(REFERENCE.r2), 6);
    expect(optimum.intercept).toBeCloseTo(0, 9);
    const bounds = landscapeBounds(moments, 'standardized');
    const grid = lossGrid(moments, 'standardized', bounds, 9, 9);
    const raw = fromSpace(cellLine(bounds, 9, 9, 2, 6), 'standardized', moments);
    expect(grid.values[6 * 9 + 2]).toBeCloseTo(passMse(raw.slope, raw.intercept), 7);
  });

  it('widens to hold a path that starts far away (the untrained line) and ignores non-finite points', () => {
    const start = { slope: 0, intercept: moments.meanY };
    const far = { slope: -10, intercept: 400 };
    const bounds = landscapeBounds(moments, 'raw', [[start, { slope: NaN, intercept: 1 }], [far]]);
    expect(bounds.slope.min).toBeLessThan(-10);
    expect(bounds.intercept.max).toBeGreaterThan(400);
    expect(Number.isFinite(bounds.slope.max)).toBe(true);
  });

  it('contour levels rise from just above the optimum to half the highest excess', () => {
    const levels = contourLevels(43, 143, 5);
    expect(levels).toEqual([43 + 100 / 32, 43 + 100 / 16, 43 + 100 / 8, 43 + 100 / 4, 43 + 100 / 2]);
    expect(contourLevels(43, 43)).toEqual([]);
  });
});
