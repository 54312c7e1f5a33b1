import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/core/data/dataset.ts';
import { crossProductsOf, mseOfHyperplane } from '../../src/core/stats/cross-products.ts';
import { predictHyperplane } from '../../src/core/model/predict.ts';
import { aliasedFeatures, leastSquaresFit } from '../../src/core/stats/least-squares-fit.ts';
import { INTERCEPT_TERM, regressionSummary } from '../../src/core/stats/regression-summary.ts';
import { jointIntervalsAt } from '../../src/core/stats/intervals.ts';
import { fitSummary } from '../../src/core/stats/fit-summary.ts';
import { leastSquares } from '../../src/core/stats/stats.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';
import { bundledDataset } from './bundled-data.ts';
import { R_LM_DATA_SETS, rFixture } from './r-lm-fixtures.ts';
import { relativeError } from './statistics-reference.ts';

const RELATIVE = 1e-6;

function expectRelative(actual: number | undefined, expected: number | undefined, what: string): void {
  expect(expected, what).toBeDefined();
  expect(Number.isFinite(actual), `${what}: ${actual}`).toBe(true);
  expect(relativeError(actual!, expected!), `${what}: ${actual} vs R's ${expected}`).toBeLessThanOrEqual(RELATIVE);
}

function columnsOf(csv: string, names: readonly string[]): Float64Array[] {
  const table = parseTable(csv);
  if ('error' in table) throw new Error(table.error);
  return names.map((name) => table.values.get(name)!);
}

describe.each(R_LM_DATA_SETS)('summary(lm()) of %s, against R', (name) => {
  const { fixture, csv } = rFixture(name);
  const [y, ...columns] = columnsOf(csv, [fixture.target, ...fixture.features]);
  const moments = crossProductsOf(columns, y);
  const fit = leastSquaresFit(moments);
  const result = regressionSummary(fit, fit.moments, { names: fixture.features, fitted: fit.fitted });
  if (!result.ok) throw new Error(result.error);
  const { summary } = result;

  it('names the same features not defined because of singularities, and fits the others', () => {
    const aliased = fixture.coefficients.filter((term) => term.aliased).map((term) => term.name);
    expect(fit.aliased.map((j) => fixture.features[j])).toEqual(aliased);
    expect(summary.terms.filter((term) => term.coefficient === null).map((term) => term.name)).toEqual(aliased);
    expect(summary.terms.map((term) => term.name)).toEqual([INTERCEPT_TERM, ...fixture.features]);
  });

  it('gives R’s estimate, standard error, t, p and 95% interval of every coefficient', () => {
    summary.terms.forEach((term, i) => {
      const want = fixture.coefficients[i];
      expect(term.name).toBe(want.name);
      if (want.aliased) return;
      const got = term.coefficient!;
      expectRelative(got.estimate, want.estimate, `${term.name} estimate`);
      expectRelative(got.standardError, want.standardError, `${term.name} standard error`);
      expectRelative(got.t, want.t, `${term.name} t`);
      expectRelative(got.p, want.p, `${term.name} p`);
      expectRelative(got.confidenceInterval.low, want.low, `${term.name} 2.5 %`);
      expectRelative(got.confidenceInterval.high, want.high, `${term.name} 97.5 %`);
    });
  });

  it('gives R’s residual standard error, degrees of freedom, R², adjusted R², F and its p', () => {
    expectRelative(summary.residualStandardError, fixture.residualStandardError, 'residual standard error');
    expect(summary.degreesOfFreedom).toBe(fixture.degreesOfFreedom);
    expectRelative(summary.r2, fixture.r2, 'R²');
    expectRelative(summary.adjustedR2, fixture.adjustedR2, 'adjusted R²');
    expectRelative(summary.f, fixture.f, 'F');
    expect(summary.fDegreesOfFreedom).toEqual([fixture.fDf1, fixture.fDf2]);
    expectRelative(summary.fP, fixture.fP, 'F p-value');
    expectRelative(summary.basis.tQuantile, fixture.tQuantile, 't quantile');
  });

  it('gives predict.lm’s prediction and confidence intervals', () => {
    for (const point of fixture.predictions) {
      const inputs = fit.fitted.map((j) => point.inputs[fixture.features[j]]);
      const intervals = jointIntervalsAt(fit, summary.basis, inputs);
      expectRelative(predictHyperplane(fit, inputs), point.fitted, 'fitted');
      expectRelative(intervals?.predictionInterval.low, point.prediction[0], 'prediction low');
      expectRelative(intervals?.predictionInterval.high, point.prediction[1], 'prediction high');
      expectRelative(intervals?.confidenceInterval.low, point.confidence[0], 'confidence low');
      expectRelative(intervals?.confidenceInterval.high, point.confidence[1], 'confidence high');
    }
  });
});

describe('least squares on several features', () => {
  it('with one feature, is the one-feature fit and summary', () => {
    const { x, y } = bundledDataset;
    const fit = leastSquaresFit(crossProductsOf([x], y));
    const line = leastSquares(x, y);
    expect(relativeError(fit.coefficients[0], line.slope)).toBeLessThan(1e-12);
    expect(relativeError(fit.intercept, line.intercept)).toBeLessThan(1e-12);
    const one = fitSummary(line, momentsOf(x, y));
    const several = regressionSummary(fit, fit.moments, { names: ['Bmi'], fitted: [0] });
    if (!one.ok || !several.ok) throw new Error('no summary');
    const [intercept, slope] = several.summary.terms.map((term) => term.coefficient!);
    expect(relativeError(slope.standardError, one.summary.slope.standardError)).toBeLessThan(1e-12);
    expect(relativeError(intercept.standardError, one.summary.intercept.standardError)).toBeLessThan(1e-12);
    expect(relativeError(several.summary.f, one.summary.f)).toBeLessThan(1e-12);
  });

  it('calls a constant column and a copy of another aliased, never NaN', () => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 7]);
    const constant = new Float64Array(6).fill(3);
    const y = Float64Array.from([2, 4.1, 5.9, 8.2, 9.9, 14.1]);
    const copy = a.map((v) => 2 * v);
    const m = crossProductsOf([constant, a, copy], y);
    expect(aliasedFeatures(m)).toEqual([0, 2]);
    const fit = leastSquaresFit(m);
    expect([...fit.coefficients, fit.intercept].every(Number.isFinite)).toBe(true);
    expect(fit.fitted).toEqual([1]);
  });

  it('keeps features of very different scales apart (a column in millions beside one in thousandths)', () => {
    const n = 50;
    const big = Float64Array.from({ length: n }, (_, i) => 1e6 * (i + 1));
    const small = Float64Array.from({ length: n }, (_, i) => 1e-3 * Math.sin(i));
    const y = Float64Array.from({ length: n }, (_, i) => 2e-6 * big[i] + 3000 * small[i] + 1 + 0.01 * Math.cos(3 * i));
    const fit = leastSquaresFit(crossProductsOf([big, small], y));
    expect(fit.aliased).toEqual([]);
    expect(relativeError(fit.coefficients[0], 2e-6)).toBeLessThan(1e-3);
    expect(relativeError(fit.coefficients[1], 3000)).toBeLessThan(1e-2);
  });

  it('gives the MSE of any coefficients from the moments alone', () => {
    const a = Float64Array.from([1, 2, 3, 4, 5]);
    const b = Float64Array.from([2, 1, 4, 3, 6]);
    const y = Float64Array.from([3, 4, 8, 9, 12]);
    const plane = { coefficients: [0.7, 1.3], intercept: -0.4 };
    let direct = 0;
    for (let i = 0; i < 5; i++) direct += (predictHyperplane(plane, [a[i], b[i]]) - y[i]) ** 2;
    expect(mseOfHyperplane(crossProductsOf([a, b], y), plane)).toBeCloseTo(direct / 5, 12);
  });

  it('refuses a summary with too few rows, saying why', () => {
    const m = crossProductsOf([Float64Array.from([1, 2, 3]), Float64Array.from([1, 0, 2])], Float64Array.from([1, 2, 4]));
    const fit = leastSquaresFit(m);
    const result = regressionSummary(fit, fit.moments, { names: ['a', 'b'], fitted: fit.fitted });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/3 coefficients and 3 rows; standard errors need at least 4 rows/);
  });
});
