/**
 * What R's `summary(lm(target ~ feature))` says about a line on the rows it was fitted on, in float64:
 * each coefficient's estimate, standard error, t value, two-sided p-value and 95% confidence interval;
 * the residual standard error and its degrees of freedom; R², adjusted R²; the F statistic and its
 * p-value. It describes the line as it is given, so a line still being trained gets the summary of
 * where it stands; for the least-squares line the numbers are R's.
 */
import { fUpperTailP, studentTQuantile, studentTTwoSidedP } from './distributions.ts';
import { INTERVAL_LEVEL, intervalOverflow, type Interval, type IntervalBasis, type IntervalStatistics } from './intervals.ts';
import type { InputRange, Line } from '../model/predict.ts';
import type { Result } from '../result.ts';
import { mseAt, type Moments } from './moments.ts';

export interface Coefficient {
  estimate: number;
  standardError: number;
  /** estimate / standardError. */
  t: number;
  /** Two-sided p-value of t with the residual degrees of freedom. */
  p: number;
  /** The `level` confidence interval of the estimate. */
  confidenceInterval: Interval;
}

export interface FitSummary {
  slope: Coefficient;
  intercept: Coefficient;
  residualStandardError: number;
  degreesOfFreedom: number;
  r2: number;
  adjustedR2: number;
  /** The F statistic on 1 and `degreesOfFreedom` degrees of freedom, and its p-value. */
  f: number;
  fP: number;
  /** Everything the line's prediction and confidence intervals need. */
  basis: IntervalBasis;
}

export type FitSummaryResult = Result<{ summary: FitSummary }>;

/**
 * The two-sided t quantile for `level`, remembered per degrees of freedom: the quantile is an iterative
 * search (milliseconds), and a run's provisional summaries ask for the same one again and again.
 */
const quantiles = new Map<string, number>();
export function tQuantileOf(level: number, degreesOfFreedom: number): number {
  const key = `${level}:${degreesOfFreedom}`;
  let quantile = quantiles.get(key);
  if (quantile === undefined) {
    quantile = studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom);
    quantiles.set(key, quantile);
  }
  return quantile;
}

/**
 * The sums every statistic here is built from, or why the rows cannot carry them. They come from the
 * rows' moments (see `moments.ts`), so a summary costs the same at 163 rows as at a million.
 */
function basisOf(line: Line, rows: Moments, level: number): Result<{ basis: IntervalBasis; totalSquares: number }> {
  const { n, meanX: featureMean, sxx: featureSumOfSquares, syy: totalSquares } = rows;
  if (n < 3) return { ok: false, error: `the line was fitted on ${n} row${n === 1 ? '' : 's'}, and standard errors need at least 3` };
  // Below the rounding of the sums it is made from, the residual sum of squares is an exact fit's 0.
  const rounding = 64 * Number.EPSILON * (totalSquares + line.slope ** 2 * featureSumOfSquares);
  const fromMoments = n * mseAt(rows, line);
  const residualSquares = fromMoments > rounding ? fromMoments : 0;
  if (!(featureSumOfSquares > 0)) return { ok: false, error: 'the feature has the same value in every row it was fitted on' };
  const degreesOfFreedom = n - 2;
  const residualStandardError = Math.sqrt(residualSquares / degreesOfFreedom);
  const tQuantile = tQuantileOf(level, degreesOfFreedom);
  const basis: IntervalBasis = { level, rows: n, featureMean, featureSumOfSquares, residualStandardError, degreesOfFreedom, tQuantile };
  if (![featureMean, featureSumOfSquares, residualStandardError, tQuantile, totalSquares].every(Number.isFinite)) {
    return { ok: false, error: 'the sums of squares of the rows it was fitted on overflow' };
  }
  return { ok: true, basis, totalSquares };
}

/**
 * What a model keeps for its intervals: the basis, or why there is none (too few rows, a constant
 * feature). Stored in the weights file, so predicting an interval needs no distribution code.
 */
export function intervalStatistics(line: Line, moments: Moments, featureRange?: InputRange, level = INTERVAL_LEVEL): IntervalStatistics {
  const result = basisOf(line, moments, level);
  if (!result.ok) return { unavailable: result.error };
  // Intervals that would overflow somewhere the model answers (data near the largest doubles) are none.
  const overflow = featureRange && intervalOverflow(line, result.basis, featureRange);
  return overflow
    ? { unavailable: 'its bounds overflow the numbers a computer holds at the ends of the range it answers for' }
    : result.basis;
}

/** One row of the coefficient table: t, p and the confidence interval of an estimate and its standard error. */
export function coefficient(
  estimate: number,
  standardError: number,
  basis: Pick<IntervalBasis, 'level' | 'degreesOfFreedom' | 'tQuantile'>,
): Coefficient {
  const t = estimate / standardError;
  const half = basis.tQuantile * standardError;
  return {
    estimate,
    standardError,
    t,
    p: studentTTwoSidedP(t, basis.degreesOfFreedom),
    confidenceInterval: { level: basis.level, low: estimate - half, high: estimate + half },
  };
}

/** The summary of `line` on the rows it was fitted on (their moments). */
export function fitSummary(line: Line, moments: Moments, level = INTERVAL_LEVEL): FitSummaryResult {
  const sums = basisOf(line, moments, level);
  if (!sums.ok) return { ok: false, error: `No fit summary: ${sums.error}.` };
  const { basis, totalSquares } = sums;
  const { rows, featureMean, featureSumOfSquares, residualStandardError: s, degreesOfFreedom: df } = basis;
  if (s === 0) return { ok: false, error: 'No fit summary: the line passes through every row exactly, so there is no error to estimate.' };
  const residualSquares = s * s * df;
  const r2 = totalSquares === 0 ? 0 : 1 - residualSquares / totalSquares;
  // A line far from the optimum (early in training) can explain less than the mean does: F is then 0.
  const f = Math.max(0, totalSquares - residualSquares) / (s * s);
  return {
    ok: true,
    summary: {
      slope: coefficient(line.slope, s / Math.sqrt(featureSumOfSquares), basis),
      intercept: coefficient(line.intercept, s * Math.sqrt(1 / rows + featureMean ** 2 / featureSumOfSquares), basis),
      residualStandardError: s,
      degreesOfFreedom: df,
      r2,
      adjustedR2: 1 - ((1 - r2) * (rows - 1)) / df,
      f,
      fP: fUpperTailP(f, 1, df),
      basis,
    },
  };
}
