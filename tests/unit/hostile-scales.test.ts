/**
 * Issue 22, class 1: ticks, axis ranges, the landscape's window, grid, pixel mapping and colour scale
 * under numbers no real data set has (a tiny spread at 1e16, spreads of 1e-300, ±1e308, a run
 * diverging on data around 1e150): bounded, finite, no exception.
 */
import { describe, expect, it } from 'vitest';
import { niceTicks, tickLabels } from '../../src/core/view/tick-labels.ts';
import { axisRange, visibleSpan } from '../../src/core/view/axis-range.ts';
import { LandscapeFrame } from '../../src/core/view/landscape-frame.ts';
import { colourAt, finiteRange, heatColour } from '../../src/core/view/heat-scale.ts';
import { contourLevels, landscapeBounds, lossGrid, type LandscapeBounds } from '../../src/core/stats/loss-landscape.ts';
import { momentsOf, type Moments } from '../../src/core/stats/moments.ts';

/** Ranges a chart can be asked to show, from the and beyond. */
const HOSTILE_RANGES: [number, number][] = [
  [1e16, 1e16 + 40],
  [2 ** 53, 2 ** 53 + 2],
  [1e17, 1e17 + 16],
  [-1e16 - 30, -1e16],
  [9.999e22, 1.0001e23],
  [0, 1e-300],
  [1e-300, 3e-300],
  [0, 5e-324],
  [-1e308, 1e308],
  [-Number.MAX_VALUE, Number.MAX_VALUE],
  [1e150, 1e151],
  [-1e-300, 1e-300],
];

describe('nice ticks and their labels under hostile ranges', () => {
  it.each(HOSTILE_RANGES)('[%d, %d]: at most 2·count + 2 ticks, ascending, distinct, finite, inside the range', (min, max) => {
    for (const count of [1, 3, 5, 12]) {
      const ticks = niceTicks(min, max, count);
      expect(ticks.length).toBeLessThanOrEqual(2 * count + 2);
      for (let i = 0; i < ticks.length; i++) {
        expect(Number.isFinite(ticks[i])).toBe(true);
        if (i > 0) expect(ticks[i]).toBeGreaterThan(ticks[i - 1]);
      }
      const labels = tickLabels(ticks);
      // Distinct ticks get distinct labels, however close they are.
      expect(new Set(labels).size).toBe(ticks.length);
    }
  });

  it('at 1e16 ± tens (past 2^53) give round ticks with labels that differ', () => {
    const ticks = niceTicks(1e16, 1e16 + 40, 4);
    expect(ticks).toEqual([1e16, 1e16 + 10, 1e16 + 20, 1e16 + 30, 1e16 + 40]);
    expect(tickLabels(ticks)).toEqual([
      '1.000000000000000e+16',
      '1.000000000000001e+16',
      '1.000000000000002e+16',
      '1.000000000000003e+16',
      '1.000000000000004e+16',
    ]);
  });

  it('give nothing for a range that is empty, reversed or not finite', () => {
    expect(niceTicks(5, 5)).toEqual([]);
    expect(niceTicks(5, 4)).toEqual([]);
    expect(niceTicks(0, Infinity)).toEqual([]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
    expect(niceTicks(0, 1, 0)).toEqual([]);
  });
});

describe('axis ranges', () => {
  it('keep ordinary data as before: 4% of the span on each side, ±1 around a single value', () => {
    expect(axisRange(10, 20)).toEqual([10 - 0.4, 20 + 0.4]);
    expect(axisRange(3, 3)).toEqual([2, 4]);
    expect(axisRange(null, null)).toEqual([0, 1]);
  });

  it.each(HOSTILE_RANGES)('[%d, %d]: finite ends whose span is finite and at least 2^-40 of their size', (min, max) => {
    const [low, high] = axisRange(min, max);
    expect(Number.isFinite(low) && Number.isFinite(high) && Number.isFinite(high - low)).toBe(true);
    expect(high - low).toBeGreaterThanOrEqual(Math.max(Math.abs(low), Math.abs(high)) * 2 ** -40);
    expect(high).toBeGreaterThan(low);
  });

  it('ignore ends that are not finite numbers', () => {
    expect(axisRange(Number.NaN, 5)).toEqual([4, 6]);
    expect(axisRange(-Infinity, Infinity)).toEqual([0, 1]);
    expect(visibleSpan(Number.NaN, Number.NaN)).toEqual([-0.5, 0.5]);
  });
});

/** Moments of the data: a target around 1e16 varying by tens, the feature ±1. */
const offsetMoments = momentsOf([-1, 1, -1, 1, 0], [1e16, 1e16 + 30, 1e16 + 10, 1e16 + 40, 1e16 + 20]);
/** Data around 1e150 (its MSE away from the optimum overflows). */
const hugeMoments = momentsOf([1e150, 2e150, 3e150, 4e150], [1e150, 3e150, 2e150, 5e150]);
/** Spreads of 1e-300. */
const tinyMoments = momentsOf([1e-300, 2e-300, 3e-300, 4e-300], [1e-300, 3e-300, 2e-300, 5e-300]);
/** Moments no data gives, but an element may be handed. */
const brokenMoments: Moments = { n: 3, meanX: 1e308, meanY: -1e308, sxx: 5e-324, sxy: 1e308, syy: Infinity };

const MOMENTS: [string, Moments][] = [
  ['1e16 offset, tiny spread', offsetMoments],
  ['data around 1e150', hugeMoments],
  ['spreads of 1e-300', tinyMoments],
  ['overflowing moments', brokenMoments],
];

function expectDrawable(bounds: LandscapeBounds): void {
  for (const { min, max } of [bounds.slope, bounds.intercept]) {
    expect(Number.isFinite(min) && Number.isFinite(max) && Number.isFinite(max - min)).toBe(true);
    expect(max).toBeGreaterThan(min);
  }
}

describe('the loss landscape under hostile moments', () => {
  it.each(MOMENTS)('%s: a finite window in both units, also with a diverging path', (_, m) => {
    const diverging = [
      { slope: 0, intercept: 0 },
      { slope: 1e300, intercept: -1e300 },
      { slope: Infinity, intercept: Number.NaN },
      { slope: -1.7e308, intercept: 1.7e308 },
    ];
    for (const space of ['raw', 'standardized'] as const) {
      expectDrawable(landscapeBounds(m, space));
      const bounds = landscapeBounds(m, space, [diverging]);
      expectDrawable(bounds);
      const grid = lossGrid(m, space, bounds, 12, 8);
      // min and max are finite, or NaN when no cell is.
      expect(Number.isNaN(grid.min) || (Number.isFinite(grid.min) && Number.isFinite(grid.max))).toBe(true);
      for (const value of grid.values)
        for (const channel of heatColour(value, grid.min, grid.max)) expect(Number.isFinite(channel)).toBe(true);
      for (const level of contourLevels(grid.min, grid.max, 9)) expect(Number.isFinite(level)).toBe(true);
    }
  });

  it('data around 1e150: the grid overflows away from the optimum, and those cells get the top colour', () => {
    const bounds = landscapeBounds(hugeMoments, 'raw', [[{ slope: 1e160, intercept: 0 }]]);
    const grid = lossGrid(hugeMoments, 'raw', bounds, 12, 8);
    expect([...grid.values].some((value) => !Number.isFinite(value))).toBe(true);
    expect(heatColour(Infinity, grid.min, grid.max)).toEqual(colourAt(1));
    expect(heatColour(Number.NaN, grid.min, grid.max)).toEqual(colourAt(1));
  });
});

describe('the colour scale', () => {
  it('holds every value to the map, NaN at the top', () => {
    expect(colourAt(-5)).toEqual(colourAt(0));
    expect(colourAt(7)).toEqual(colourAt(1));
    expect(colourAt(Number.NaN)).toEqual(colourAt(1));
    expect(heatColour(5, 5, 5)).toEqual(colourAt(0));
    expect(heatColour(1e308, 0, 1.7e308).every(Number.isFinite)).toBe(true);
    expect(finiteRange([Number.NaN, 3, Infinity, -2])).toEqual({ min: -2, max: 3 });
    expect(finiteRange([Number.NaN, Infinity])).toBeUndefined();
  });
});

describe('the landscape frame: value ↔ pixel', () => {
  const area = { left: 58, top: 10, width: 400, height: 200 };
  const frame = new LandscapeFrame({ slope: { min: 0, max: 4 }, intercept: { min: -10, max: 10 } }, area);

  it('maps the window onto the plot area, intercept up, and back', () => {
    expect(frame.position({ slope: 0, intercept: 10 })).toEqual([58, 10]);
    expect(frame.position({ slope: 4, intercept: -10 })).toEqual([458, 210]);
    expect(frame.position({ slope: 1, intercept: 0 })).toEqual([158, 110]);
    expect(frame.x(2)).toBe(258);
    expect(frame.y(5)).toBe(60);
    expect(frame.pixelAt(0.5, 0.25)).toEqual([258, 60]);
    expect(frame.lineAt(158, 110)).toEqual({ slope: 1, intercept: 0 });
    expect(frame.lineAt(57, 110)).toBeUndefined();
  });

  it('gives a finite pixel for any line, far off the canvas for lines far off the window', () => {
    for (const line of [
      { slope: 1e308, intercept: -1e308 },
      { slope: Infinity, intercept: -Infinity },
      { slope: Number.NaN, intercept: 0 },
    ]) {
      const [x, y] = frame.position(line);
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(x < 0 || x > 500 || y < 0 || y > 300).toBe(true);
    }
    const wide = new LandscapeFrame({ slope: { min: -1.7e308, max: 1.7e308 }, intercept: { min: -1.7e308, max: 1.7e308 } }, area);
    expect(wide.position({ slope: 0, intercept: 0 })).toEqual([258, 110]);
    expect(wide.lineAt(458, 10)).toEqual({ slope: 1.7e308, intercept: 1.7e308 });
  });
});
