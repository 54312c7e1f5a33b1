/** The loss landscape's slice over two parameters of a fit of several features (mtcars: mpg ~ wt + hp + qsec). */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/core/data/dataset.ts';
import { crossProductsOf, mseOfHyperplane } from '../../src/core/stats/cross-products.ts';
import { leastSquaresFit } from '../../src/core/stats/least-squares-fit.ts';
import { LossSlice } from '../../src/core/stats/loss-slice.ts';
import { rFixture } from './r-lm-fixtures.ts';

const { fixture, csv } = rFixture('mtcars');
const table = parseTable(csv);
if ('error' in table) throw new Error(table.error);
const [y, ...columns] = [fixture.target, ...fixture.features].map((name) => table.values.get(name)!);
const moments = crossProductsOf(columns, y);
const best = leastSquaresFit(moments);
const bestPlane = { coefficients: best.coefficients, intercept: best.intercept };
// A run part way: every parameter off the optimum.
const held = { coefficients: [-2, -0.03, 0.9], intercept: 20 };
const INTERCEPT = 3;

describe.each(['raw', 'standardized'] as const)('a slice in %s units', (space) => {
  it.each([
    [0, INTERCEPT],
    [0, 1],
    [1, 2],
  ] as const)('over parameters %i and %i: the grid is the exact MSE, and its optimum the lowest point', (u, v) => {
    const slice = new LossSlice(moments, held, [u, v], space);
    // The held point is where the run is: its MSE is the plane's.
    expect(slice.mse(slice.centre)).toBeCloseTo(mseOfHyperplane(moments, held), 9);
    const bounds = slice.bounds();
    const grid = slice.grid(bounds, 7, 5);
    const cellAt = (column: number, row: number) => ({
      slope: bounds.slope.min + ((column + 0.5) / 7) * (bounds.slope.max - bounds.slope.min),
      intercept: bounds.intercept.max - ((row + 0.5) / 5) * (bounds.intercept.max - bounds.intercept.min),
    });
    for (const [column, row] of [
      [0, 0],
      [3, 2],
      [6, 4],
    ])
      expect(grid.values[row * 7 + column] / slice.mse(cellAt(column, row))).toBeCloseTo(1, 9);
    const optimum = slice.optimum()!;
    const lowest = slice.mse(optimum);
    const step = 1e-3 * (bounds.slope.max - bounds.slope.min);
    const stepV = 1e-3 * (bounds.intercept.max - bounds.intercept.min);
    for (const [du, dv] of [
      [step, 0],
      [-step, 0],
      [0, stepV],
      [0, -stepV],
    ])
      expect(slice.mse({ slope: optimum.slope + du, intercept: optimum.intercept + dv })).toBeGreaterThan(lowest);
    // The other parameters stay where they are held.
    const plane = slice.fromSpace(optimum);
    const back = new LossSlice(moments, plane, [u, v], space);
    expect(back.centre.slope).toBeCloseTo(optimum.slope, 9);
  });

  it("held at the least-squares optimum, the slice's optimum is the least-squares fit's", () => {
    const slice = new LossSlice(moments, bestPlane, [0, INTERCEPT], space);
    const optimum = slice.optimum()!;
    const exact = slice.toSpace(bestPlane);
    expect(optimum.slope / exact.slope).toBeCloseTo(1, 9);
    expect(optimum.intercept / exact.intercept).toBeCloseTo(1, 9);
  });
});

describe('a slice without an optimum', () => {
  it('says none when a chosen coefficient moves no prediction (a constant feature)', () => {
    const constant = crossProductsOf([columns[0], new Float64Array(y.length).fill(3)], y);
    const slice = new LossSlice(constant, { coefficients: [1, 0], intercept: 0 }, [1, 0], 'raw');
    // The constant's coefficient and the intercept move the same level: every point of a line is as low.
    expect(new LossSlice(constant, { coefficients: [1, 0], intercept: 0 }, [1, 2], 'raw').optimum()).toBeUndefined();
    expect(slice.optimum()).toBeDefined();
  });
});
