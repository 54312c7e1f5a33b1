/**
 * What R's `summary(lm(target ~ a + b + ...))` says about coefficients on several features, on the
 * rows they were fitted on, in float64 and from the rows' cross-products alone: per coefficient the
 * estimate, standard error, t, two-sided p and 95% confidence interval (a feature left out because of
 * singularities is listed as such); the residual standard error on n − p degrees of freedom; R²,
 * adjusted R²; F on (p − 1, n − p) and its p-value. Like `fit-summary.ts` for one feature, it
 * describes the coefficients as given, so a run still going gets the summary of where it stands.
 */
import { coefficient, tQuantileOf, type Coefficient } from './fit-summary.ts';
import { fUpperTailP } from './distributions.ts';
import { INTERVAL_LEVEL, type IntervalStatistics, type JointIntervalBasis } from './intervals.ts';
import { inverseCrossProducts } from './least-squares-fit.ts';
import { choleskyFactor, quadraticForm } from './cholesky.ts';
import { mseOfHyperplane, type CrossProducts, type Hyperplane } from './cross-products.ts';
import type { Result } from '../result.ts';

/** R's name of the intercept's row. */
export const INTERCEPT_TERM = '(Intercept)';

export interface SummaryTerm {
  name: string;
  /** Null when the feature was left out: "not defined because of singularities" (R's NA). */
  coefficient: Coefficient | null;
}

export interface RegressionSummary {
  /** The intercept first, then every feature in the order given, as R prints them. */
  terms: SummaryTerm[];
  residualStandardError: number;
  /** n − p, p = the fitted features + 1. */
  degreesOfFreedom: number;
  r2: number;
  adjustedR2: number;
  /** The F statistic on `fDegreesOfFreedom` (p − 1, n − p) and its p-value. */
  f: number;
  fDegreesOfFreedom: [number, number];
  fP: number;
  /** Everything the prediction and confidence intervals need. */
  basis: JointIntervalBasis;
}

/** The features a summary names: every one chosen, and which of them were fitted (the others are aliased). */
export interface SummaryTerms {
  names: readonly string[];
  /** Indices into `names` of the features the coefficients belong to, in order. */
  fitted: readonly number[];
}

function basisOf(
  plane: Hyperplane,
  rows: CrossProducts,
  level: number,
): Result<{ basis: JointIntervalBasis; inverse: Float64Array; residualSquares: number }> {
  const { n, d } = rows;
  const degreesOfFreedom = n - d - 1;
  if (degreesOfFreedom < 1) {
    return {
      ok: false,
      error: `the fit has ${d + 1} coefficients and ${n} row${n === 1 ? '' : 's'}; standard errors need at least ${d + 2} rows`,
    };
  }
  const inverse = inverseCrossProducts(rows);
  if (!inverse) return { ok: false, error: 'a feature is constant, or a linear combination of the others, on the rows it was fitted on' };
  // Below the rounding of the sums it is made from, the residual sum of squares is an exact fit's 0.
  const rounding = 64 * Number.EPSILON * (rows.syy + quadraticForm(rows.sxx, plane.coefficients, d));
  const fromMoments = n * mseOfHyperplane(rows, plane);
  const residualSquares = fromMoments > rounding ? fromMoments : 0;
  const residualStandardError = Math.sqrt(residualSquares / degreesOfFreedom);
  const tQuantile = tQuantileOf(level, degreesOfFreedom);
  const basis: JointIntervalBasis = {
    level,
    rows: n,
    featureMeans: Array.from(rows.means),
    inverseCrossProducts: Array.from({ length: d }, (_, j) => Array.from(inverse.subarray(j * d, (j + 1) * d))),
    residualStandardError,
    degreesOfFreedom,
    tQuantile,
  };
  if (![...inverse, ...rows.means, residualStandardError, tQuantile, rows.syy].every(Number.isFinite)) {
    return { ok: false, error: 'the sums of squares of the rows it was fitted on overflow' };
  }
  return { ok: true, basis, inverse, residualSquares };
}

/**
 * What a model on several features keeps for its intervals: the basis, or why there is none. Given
 * the training rows' feature columns (those of `moments`, in order), it keeps their largest leverage
 * too, the edge of the data's joint range.
 */
export function jointIntervalStatistics(
  plane: Hyperplane,
  moments: CrossProducts,
  level = INTERVAL_LEVEL,
  columns?: readonly ArrayLike<number>[],
): IntervalStatistics {
  const result = basisOf(plane, moments, level);
  if (!result.ok) return { unavailable: result.error };
  if (!columns) return result.basis;
  const maxLeverage = largestLeverage(result.basis, result.inverse, columns);
  return Number.isFinite(maxLeverage) ? { ...result.basis, maxLeverage } : result.basis;
}

/**
 * max over rows of 1/n + (xᵢ − x̄)ᵀ S⁻¹ (xᵢ − x̄), as ‖Lᵀ(xᵢ − x̄)‖² with S⁻¹ = L·Lᵀ (half the work
 * of the quadratic form, one pass over the rows). Capped at 1, which no row's leverage exceeds.
 */
function largestLeverage(basis: JointIntervalBasis, inverse: Float64Array, columns: readonly ArrayLike<number>[]): number {
  const d = columns.length;
  const factor = choleskyFactor(inverse, d);
  if (!factor) return Number.NaN;
  const means = basis.featureMeans;
  const offset = new Float64Array(d);
  let largest = 0;
  for (let i = 0; i < basis.rows; i++) {
    for (let j = 0; j < d; j++) offset[j] = columns[j][i] - means[j];
    let sum = 0;
    for (let k = 0; k < d; k++) {
      let projected = 0;
      for (let j = k; j < d; j++) projected += factor[j * d + k] * offset[j];
      sum += projected * projected;
    }
    if (sum > largest) largest = sum;
  }
  return Math.min(1, 1 / basis.rows + largest);
}

/**
 * The summary of `plane` (coefficients of the fitted features) on the rows it was fitted on, given
 * their cross-products (`moments`, of the fitted features only).
 */
export function regressionSummary(
  plane: Hyperplane,
  moments: CrossProducts,
  terms: SummaryTerms,
  level = INTERVAL_LEVEL,
): Result<{ summary: RegressionSummary }> {
  const sums = basisOf(plane, moments, level);
  if (!sums.ok) return { ok: false, error: `No fit summary: ${sums.error}.` };
  const { basis, inverse, residualSquares } = sums;
  const { n, d, means, syy } = moments;
  const { residualStandardError: s, degreesOfFreedom: df } = basis;
  if (s === 0) return { ok: false, error: 'No fit summary: the fit passes through every row exactly, so there is no error to estimate.' };
  const r2 = syy === 0 ? 0 : 1 - residualSquares / syy;
  // Coefficients far from the optimum (early in training) can explain less than the mean does: F is then 0.
  const f = d === 0 ? 0 : Math.max(0, syy - residualSquares) / d / (s * s);
  const interceptError = s * Math.sqrt(1 / n + quadraticForm(inverse, means, d));
  const fittedTerm = new Map(terms.fitted.map((feature, j) => [feature, j]));
  const featureTerms = terms.names.map((name, feature): SummaryTerm => {
    const j = fittedTerm.get(feature);
    return {
      name,
      coefficient: j === undefined ? null : coefficient(plane.coefficients[j], s * Math.sqrt(inverse[j * d + j]), basis),
    };
  });
  return {
    ok: true,
    summary: {
      terms: [{ name: INTERCEPT_TERM, coefficient: coefficient(plane.intercept, interceptError, basis) }, ...featureTerms],
      residualStandardError: s,
      degreesOfFreedom: df,
      r2,
      adjustedR2: 1 - ((1 - r2) * (n - 1)) / df,
      f,
      fDegreesOfFreedom: [d, df],
      fP: d === 0 ? 1 : fUpperTailP(f, d, df),
      basis,
    },
  };
}
