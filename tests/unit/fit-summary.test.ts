import { describe, expect, it } from 'vitest';
import jStat from 'jstat';
import { fitSummary, intervalStatistics } from '../../src/core/stats/fit-summary.ts';
import { confidenceInterval, intervalsAt, isIntervalBasis, predictionInterval } from '../../src/core/stats/intervals.ts';
import { splitDataset } from '../../src/core/data/split.ts';
import { leastSquares } from '../../src/core/stats/stats.ts';
import { bundledDataset } from './bundled-data.ts';
import { R_INTERVALS, R_SUMMARY, relativeError } from './statistics-reference.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';

const RELATIVE = 1e-6;

function expectRelative(actual: number, expected: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  expect(relativeError(actual, expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(RELATIVE);
}

function summaryOf(x: ArrayLike<number>, y: ArrayLike<number>) {
  const result = fitSummary(leastSquares(x, y), momentsOf(x, y));
  if (!result.ok) throw new Error(result.error);
  return result.summary;
}

describe('fit summary of the least-squares line on all 163 rows, against R', () => {
  const { x, y } = bundledDataset;
  const line = leastSquares(x, y);
  const summary = summaryOf(x, y);

  it('matches the coefficient table: standard errors, t, p and 95% intervals', () => {
    for (const name of ['slope', 'intercept'] as const) {
      const got = summary[name];
      const want = R_SUMMARY[name];
      expectRelative(got.standardError, want.standardError);
      expectRelative(got.t, want.t);
      expectRelative(got.p, want.p);
      expectRelative(got.confidenceInterval.low, want.low);
      expectRelative(got.confidenceInterval.high, want.high);
      expect(got.confidenceInterval.level).toBe(0.95);
    }
    expect(summary.slope.estimate).toBe(line.slope);
    expect(summary.intercept.estimate).toBe(line.intercept);
  });

  it('matches the residual standard error, its degrees of freedom, R², adjusted R², F and its p', () => {
    expectRelative(summary.residualStandardError, R_SUMMARY.residualStandardError);
    expect(summary.degreesOfFreedom).toBe(R_SUMMARY.degreesOfFreedom);
    expectRelative(summary.r2, R_SUMMARY.r2);
    expectRelative(summary.adjustedR2, R_SUMMARY.adjustedR2);
    expectRelative(summary.f, R_SUMMARY.f);
    expectRelative(summary.fP, R_SUMMARY.fP);
    expectRelative(summary.basis.tQuantile, R_SUMMARY.tQuantile);
  });

  it('gives the confidence and prediction intervals R gives at each BMI', () => {
    for (const row of R_INTERVALS) {
      const mean = confidenceInterval(line, summary.basis, row.bmi);
      const observation = predictionInterval(line, summary.basis, row.bmi);
      expectRelative(mean.low, row.confidence[0]);
      expectRelative(mean.high, row.confidence[1]);
      expectRelative(observation.low, row.prediction[0]);
      expectRelative(observation.high, row.prediction[1]);
    }
  });

  it('keeps the same basis as intervalStatistics, which models store', () => {
    expect(intervalStatistics(line, momentsOf(x, y))).toEqual(summary.basis);
    const both = intervalsAt({ ...line, intervals: summary.basis }, 28.45);
    expectRelative(both!.predictionInterval.low, 65.7149079933);
    expectRelative(both!.confidenceInterval.high, 80.7283731208);
  });
});

describe('fit summary on a training split, against the textbook formulas on that split', () => {
  const { train } = splitDataset(bundledDataset, 0.2, 42);
  const { x, y } = train;
  const n = x.length;
  // Independent route: the normal equations' inverse (XᵀX)⁻¹ gives both coefficient variances.
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sxx += x[i] ** 2;
    sy += y[i];
    sxy += x[i] * y[i];
  }
  const det = n * sxx - sx * sx;
  const slope = (n * sxy - sx * sy) / det;
  const intercept = (sxx * sy - sx * sxy) / det;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (y[i] - slope * x[i] - intercept) ** 2;
    sst += (y[i] - sy / n) ** 2;
  }
  const df = n - 2;
  const s2 = sse / df;
  const seSlope = Math.sqrt((s2 * n) / det);
  const seIntercept = Math.sqrt((s2 * sxx) / det);
  const summary = summaryOf(x, y);

  it('uses the split rows: n − 2 degrees of freedom, other numbers than on all rows', () => {
    expect(n).toBe(130);
    expect(summary.degreesOfFreedom).toBe(128);
    expect(relativeError(summary.slope.standardError, R_SUMMARY.slope.standardError)).toBeGreaterThan(1e-3);
  });

  it('matches estimates, standard errors, t, residual SE, R², adjusted R² and F', () => {
    expectRelative(summary.slope.estimate, slope);
    expectRelative(summary.intercept.estimate, intercept);
    expectRelative(summary.slope.standardError, seSlope);
    expectRelative(summary.intercept.standardError, seIntercept);
    expectRelative(summary.slope.t, slope / seSlope);
    expectRelative(summary.intercept.t, intercept / seIntercept);
    expectRelative(summary.residualStandardError, Math.sqrt(s2));
    expectRelative(summary.r2, 1 - sse / sst);
    expectRelative(summary.adjustedR2, 1 - sse / df / (sst / (n - 1)));
    expectRelative(summary.f, (sst - sse) / s2);
  });

  it('has a t quantile, p-values and intervals consistent with the t distribution on that df', () => {
    const q = summary.basis.tQuantile;
    expect(Math.abs(jStat.studentt.cdf(q, df) - 0.975)).toBeLessThan(1e-8);
    // With one feature F = t², so the F test's p and the slope's two-sided p are the same number.
    expectRelative(summary.fP, summary.slope.p);
    expectRelative(summary.intercept.p, 2 * (1 - jStat.studentt.cdf(Math.abs(summary.intercept.t), df)));
    expectRelative(summary.slope.confidenceInterval.low, slope - q * seSlope);
    expectRelative(summary.intercept.confidenceInterval.high, intercept + q * seIntercept);
    const x0 = 28.45;
    const fitted = slope * x0 + intercept;
    const xbar = sx / n;
    const sxxCentered = sxx - n * xbar * xbar;
    const half = q * Math.sqrt(s2 * (1 + 1 / n + (x0 - xbar) ** 2 / sxxCentered));
    const observation = predictionInterval({ slope: summary.slope.estimate, intercept: summary.intercept.estimate }, summary.basis, x0);
    expectRelative(observation.low, fitted - half);
    expectRelative(observation.high, fitted + half);
  });
});

describe('fit summary refusals and lines still training', () => {
  it('needs at least 3 rows and a feature that varies, and says so', () => {
    const two = fitSummary({ slope: 1, intercept: 0 }, momentsOf([1, 2], [1, 3]));
    expect(two).toEqual({ ok: false, error: 'No fit summary: the line was fitted on 2 rows, and standard errors need at least 3.' });
    const constant = fitSummary({ slope: 0, intercept: 2 }, momentsOf([5, 5, 5], [1, 2, 3]));
    expect(constant.ok).toBe(false);
    expect(intervalStatistics({ slope: 0, intercept: 2 }, momentsOf([5, 5, 5], [1, 2, 3]))).toEqual({
      unavailable: 'the feature has the same value in every row it was fitted on',
    });
    expect(isIntervalBasis(intervalStatistics({ slope: 1, intercept: 0 }, momentsOf([1, 2], [1, 3])))).toBe(false);
  });

  it('refuses a line through every row (zero residual error) instead of an infinite t', () => {
    const exact = fitSummary({ slope: 2, intercept: 1 }, momentsOf([1, 2, 3], [3, 5, 7]));
    expect(exact.ok).toBe(false);
    // Its intervals exist and have zero width: finite numbers.
    const basis = intervalStatistics({ slope: 2, intercept: 1 }, momentsOf([1, 2, 3], [3, 5, 7]));
    expect(isIntervalBasis(basis) && predictionInterval({ slope: 2, intercept: 1 }, basis, 2)).toEqual({ level: 0.95, low: 5, high: 5 });
  });

  it('describes a line far from the optimum as it stands: larger error, F at 0 when it explains less than the mean', () => {
    const { x, y } = bundledDataset;
    const untrained = fitSummary({ slope: 0, intercept: 0 }, momentsOf(x, y));
    if (!untrained.ok) throw new Error(untrained.error);
    expect(untrained.summary.residualStandardError).toBeGreaterThan(R_SUMMARY.residualStandardError * 5);
    expect(untrained.summary.r2).toBeLessThan(0);
    expect(untrained.summary.f).toBe(0);
    expect(untrained.summary.fP).toBe(1);
    for (const value of Object.values(untrained.summary.slope)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  });
});
