/**
 * A point's influence with several features against R: `hatvalues`, `cooks.distance` and
 * `coef(lm(…[-i, ]))` of every row of R's data sets (tests/fixtures/r-lm, by scripts/r-lm-fixtures.R),
 * a collinear set among them, and one where the downdate cancels and the refit comes from the rows.
 */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/core/data/dataset.ts';
import { crossProductsOf } from '../../src/core/stats/cross-products.ts';
import {
  crossProductsWithout,
  featuresInfluenceOf,
  furthestFromLine,
  furthestFromPlane,
  influenceOf,
  isFeaturesInfluence,
  isInfluence,
} from '../../src/core/stats/influence.ts';
import { leastSquaresFit } from '../../src/core/stats/least-squares-fit.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';
import { rowOfLabel } from '../../src/core/view/point-text.ts';
import { bundledDataset as data } from './bundled-data.ts';
import { R_LM_DATA_SETS, R_LM_FAR_POINT, rFixture } from './r-lm-fixtures.ts';
import { relativeError } from './statistics-reference.ts';

const RELATIVE = 1e-6;

function expectRelative(actual: number, expected: number, what: string): void {
  expect(Number.isFinite(actual), `${what}: ${actual}`).toBe(true);
  // Near 0 (a Cook's distance of 2e-5), relative to 1e-12 at least.
  const error = Math.abs(expected) < 1e-12 ? Math.abs(actual - expected) / 1e-12 : relativeError(actual, expected);
  expect(error, `${what}: ${actual} vs R's ${expected}`).toBeLessThanOrEqual(RELATIVE);
}

function load(name: string) {
  const { fixture, csv } = rFixture(name);
  const table = parseTable(csv);
  if ('error' in table) throw new Error(table.error);
  const [y, ...columns] = [fixture.target, ...fixture.features].map((column) => table.values.get(column)!);
  return { fixture, y, columns, moments: crossProductsOf(columns, y) };
}

describe.each([...R_LM_DATA_SETS, R_LM_FAR_POINT])("every row's influence on lm() of %s, against R", (name) => {
  const { fixture, y, columns, moments } = load(name);

  it("gives R's leverage, Cook's distance and refit without the row, for every row", () => {
    for (let row = 0; row < y.length; row++) {
      const influence = featuresInfluenceOf(columns, y, row, moments);
      if (!isFeaturesInfluence(influence)) throw new Error(`row ${row + 1}: ${influence.unavailable}`);
      const at = `row ${row + 1}`;
      expectRelative(influence.leverage, fixture.leverage[row], `${at} leverage`);
      // R's Cook's distance of a leverage it rounds to 1 is its rounding's (7e13 for the 1e8 row):
      // there, the refit and the leverage are the check.
      if (fixture.leverage[row] < 1) expectRelative(influence.cooksDistance, fixture.cooksDistance[row], `${at} Cook's distance`);
      const [intercept, ...coefficients] = fixture.refits[row];
      expectRelative(influence.refit.intercept, intercept!, `${at} refit intercept`);
      const defined = coefficients.flatMap((value, j) => (value === null ? [] : [j]));
      expect(influence.fitted).toEqual(defined);
      influence.fitted.forEach((j, a) =>
        expectRelative(influence.refit.coefficients[a], coefficients[j]!, `${at} refit ${fixture.features[j]}`),
      );
    }
  });
});

describe('the rank-one downdate', () => {
  it('equals the cross-products of the other rows where it keeps its digits', () => {
    const { y, columns, moments } = load('swiss');
    const row = 17;
    const dx = Array.from(moments.means, (mean, j) => columns[j][row] - mean);
    const rest = crossProductsWithout(moments, dx, y[row] - moments.meanY);
    const keep = (_: number, i: number) => i !== row;
    const direct = crossProductsOf(
      columns.map((column) => column.filter(keep)),
      y.filter(keep),
    );
    expect(rest.n).toBe(direct.n);
    for (const key of ['means', 'sxx', 'sxy'] as const)
      rest[key].forEach((value, at) => expect(relativeError(value, direct[key][at])).toBeLessThan(1e-12));
    expect(relativeError(rest.syy, direct.syy)).toBeLessThan(1e-12);
  });

  it('loses the refit to cancellation for a row with Air.Flow 1e8, where the rows give it exactly', () => {
    const { fixture, y, columns, moments } = load(R_LM_FAR_POINT);
    const row = 20;
    const fit = leastSquaresFit(moments);
    const dx = Array.from(fit.moments.means, (mean, j) => columns[j][row] - mean);
    const downdated = leastSquaresFit(crossProductsWithout(fit.moments, dx, y[row] - fit.moments.meanY));
    const want = fixture.refits[row][1]!;
    // What the downdate alone would say, far from R: the reason the rows are read again.
    expect(relativeError(downdated.coefficients[0], want)).toBeGreaterThan(1e-3);
    const influence = featuresInfluenceOf(columns, y, row, moments);
    if (!isFeaturesInfluence(influence)) throw new Error(influence.unavailable);
    expectRelative(influence.refit.coefficients[0], want, 'refit Air.Flow');
  });
});

describe('the rows furthest from a plane', () => {
  it("are found the same over the whole data and over two ranges of rows, with the data's row numbers", () => {
    const { y, columns, moments } = load('swiss');
    const fit = leastSquaresFit(moments);
    const plane = { coefficients: fit.coefficients, intercept: fit.intercept };
    const whole = furthestFromPlane(plane, columns, y, 5);
    const halves = [...furthestFromPlane(plane, columns, y, 5, 0, 20), ...furthestFromPlane(plane, columns, y, 5, 20, y.length)]
      .sort((a, b) => Math.abs(b.residual) - Math.abs(a.residual))
      .slice(0, 5);
    expect(halves).toEqual(whole);
    // Each residual is the row's own: y minus the plane's prediction.
    for (const { index, residual } of whole)
      expect(residual).toBeCloseTo(
        y[index] - columns.reduce((sum, column, j) => sum + plane.coefficients[j] * column[index], plane.intercept),
        10,
      );
  });
});

describe('what has no answer with several features', () => {
  it('says the other rows are singular when a feature is constant without the row (R: leverage 1, a coefficient NA)', () => {
    const x1 = [1, 2, 3, 4, 5, 6];
    const x2 = [0, 0, 0, 0, 0, 7];
    const y = [1.2, 2.1, 2.9, 4.2, 5.1, 3.3];
    expect(featuresInfluenceOf([x1, x2], y, 5)).toEqual({ unavailable: 'others-singular' });
    expect(isFeaturesInfluence(featuresInfluenceOf([x1, x2], y, 0))).toBe(true);
  });

  it('needs n − p ≥ 1 rows, and a feature to fit', () => {
    expect(
      featuresInfluenceOf(
        [
          [1, 2, 4],
          [3, 1, 2],
        ],
        [1, 2, 3],
        0,
      ),
    ).toEqual({ unavailable: 'too-few-rows' });
    expect(
      featuresInfluenceOf(
        [
          [2, 2, 2, 2],
          [5, 5, 5, 5],
        ],
        [1, 2, 3, 4],
        0,
      ),
    ).toEqual({ unavailable: 'constant-feature' });
  });
});

describe('one piece for one feature and several', () => {
  it('with one feature, the d-feature influence and the furthest rows are the one-feature numbers', () => {
    const tonga = rowOfLabel(data, 'Tonga');
    expect(tonga).toBeGreaterThanOrEqual(0);
    const one = influenceOf(data, tonga, momentsOf(data.x, data.y));
    const several = featuresInfluenceOf([data.x], data.y, tonga);
    if (!isInfluence(one) || !isFeaturesInfluence(several)) throw new Error('no influence');
    expect(relativeError(several.leverage, one.leverage)).toBeLessThan(1e-12);
    expect(relativeError(several.cooksDistance, one.cooksDistance)).toBeLessThan(1e-10);
    expect(relativeError(several.refit.coefficients[0], one.refit.slope)).toBeLessThan(1e-10);
    const line = { slope: 2.5184, intercept: 7.2287 };
    expect(furthestFromPlane({ coefficients: [line.slope], intercept: line.intercept }, [data.x], data.y, 5)).toEqual(
      furthestFromLine(line, data.x, data.y, 5),
    );
  });
});
