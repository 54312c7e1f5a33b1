/**
 * Issue 22, class 2: a point's influence on data made to break the closed-form downdate, against R
 * (`tests/r/influence.R` wrote `influence-reference.json`). An undefined refit is said to be undefined,
 * with its reason; a defined one is computed accurately, however much removing the point cancels.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { influenceOf, isInfluence } from '../../src/core/stats/influence.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';

interface Reference {
  name: string;
  x: number[];
  y: number[];
  refitDefined: boolean[];
  refitSlope: (number | null)[];
  refitIntercept: (number | null)[];
  leverage: (number | null)[];
  cooksDistance: (number | null)[];
}

const sets = JSON.parse(readFileSync(fileURLToPath(new URL('./influence-reference.json', import.meta.url)), 'utf8')) as Reference[];
const set = (name: string): Reference => sets.find((s) => s.name === name)!;

function expectRelative(actual: number, expected: number, tolerance: number): void {
  // Near 0 (a Cook's distance R gives as 6e-33 for an exact 0), absolutely.
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-12));
}

describe("a point's influence against R, on data that breaks the downdate", () => {
  it.each(sets.map((s) => [s.name, s] as const))('%s: each row refits as R does, or says why it cannot', (_, reference) => {
    const rows = { x: reference.x, y: reference.y };
    const moments = momentsOf(rows.x, rows.y);
    reference.x.forEach((_x, row) => {
      const result = influenceOf(rows, row, moments);
      if (!reference.refitDefined[row]) {
        expect(result).toEqual({ unavailable: 'others-constant-feature' });
        return;
      }
      if (!isInfluence(result)) throw new Error(`row ${row}: ${result.unavailable}`);
      for (const value of [result.leverage, result.cooksDistance, result.refit.slope, result.refit.intercept])
        expect(Number.isFinite(value)).toBe(true);
      const slope = reference.refitSlope[row];
      if (slope !== null) expectRelative(result.refit.slope, slope, 1e-6);
      if (slope !== null) expectRelative(result.refit.intercept, reference.refitIntercept[row]!, 1e-6);
      const leverage = reference.leverage[row];
      if (leverage !== null) expectRelative(result.leverage, leverage, 1e-7);
      const cooks = reference.cooksDistance[row];
      // R rounds a leverage a hair below 1 to 1 and gives no Cook's distance; elsewhere they agree.
      if (cooks !== null && leverage !== null && leverage < 1) expectRelative(result.cooksDistance, cooks, 1e-6);
    });
  });

  it('every other BMI equal: no line without the point, never a made-up slope or a NaN', () => {
    const { x, y } = set('leverage one');
    expect(influenceOf({ x, y }, 7)).toEqual({ unavailable: 'others-constant-feature' });
    // Equal up to the rounding of their mean (0.1 is not a double): the same answer.
    const tenth = set('leverage one at 0.1');
    expect(influenceOf({ x: tenth.x, y: tenth.y }, 7)).toEqual({ unavailable: 'others-constant-feature' });
  });

  it('one x at 1e9 among BMIs: the other seven rows define a line, computed from the rows (slope 3.5051)', () => {
    const { x, y, refitSlope, refitIntercept } = set('one x at 1e9');
    const result = influenceOf({ x, y }, 7);
    if (!isInfluence(result)) throw new Error(result.unavailable);
    expect(result.refit.slope).toBeCloseTo(refitSlope[7]!, 10);
    expect(result.refit.intercept).toBeCloseTo(refitIntercept[7]!, 8);
    expect(result.refit.slope).toBeCloseTo(3.5051, 4);
  });

  it('every row with the same x: no line at all', () => {
    expect(influenceOf({ x: [0.1, 0.1, 0.1, 0.1], y: [1, 2, 3, 5] }, 2)).toEqual({ unavailable: 'constant-feature' });
    expect(influenceOf({ x: [4, 4, 4], y: [1, 2, 3] }, 0)).toEqual({ unavailable: 'constant-feature' });
  });
});
