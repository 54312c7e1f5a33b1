/**
 * The first and second moments of several feature columns and a target: the centred cross-product
 * matrix S = Σ (x − x̄)(x − x̄)ᵀ, Σ (x − x̄)(y − ȳ) and Σ (y − ȳ)², in float64 and two passes (means
 * first), as `moments.ts` does for one feature. Everything the exact fit, its summary, the intervals
 * and the MSE of any coefficients need, from one pass over the rows.
 */
import { oncePerColumnSet } from '../data/once-per-columns.ts';
import { quadraticForm } from './cholesky.ts';
import type { Hyperplane } from '../model/predict.ts';
import type { Metrics } from './metrics.ts';

export type { Hyperplane } from '../model/predict.ts';

export interface CrossProducts {
  n: number;
  /** d: how many feature columns. */
  d: number;
  /** x̄ of each feature. */
  means: Float64Array;
  meanY: number;
  /** S: Σ (xⱼ − x̄ⱼ)(xₖ − x̄ₖ), row-major d × d. */
  sxx: Float64Array;
  /** Σ (xⱼ − x̄ⱼ)(y − ȳ) of each feature. */
  sxy: Float64Array;
  /** Σ (y − ȳ)² */
  syy: number;
}

export function crossProductsOf(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): CrossProducts {
  const d = columns.length;
  const n = y.length;
  const means = new Float64Array(d);
  let sumY = 0;
  for (let i = 0; i < n; i++) sumY += y[i];
  columns.forEach((column, j) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += column[i];
    means[j] = sum / n;
  });
  const meanY = sumY / n;
  const sxx = new Float64Array(d * d);
  const sxy = new Float64Array(d);
  const deviation = new Float64Array(d);
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dy = y[i] - meanY;
    syy += dy * dy;
    for (let j = 0; j < d; j++) {
      const dx = columns[j][i] - means[j];
      deviation[j] = dx;
      sxy[j] += dx * dy;
      for (let k = 0; k <= j; k++) sxx[j * d + k] += dx * deviation[k];
    }
  }
  for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) sxx[k * d + j] = sxx[j * d + k];
  return { n, d, means, meanY, sxx, sxy, syy };
}

/** The cross-products of the columns, computed once per set of columns (see once-per-columns.ts). */
export const columnCrossProducts = oncePerColumnSet(crossProductsOf);

/** The cross-products of some of the features (by index, in that order): no pass over the rows. */
export function crossProductsOfFeatures(m: CrossProducts, indices: readonly number[]): CrossProducts {
  const d = indices.length;
  const sxx = new Float64Array(d * d);
  indices.forEach((from, j) => indices.forEach((other, k) => (sxx[j * d + k] = m.sxx[from * m.d + other])));
  return {
    n: m.n,
    d,
    means: Float64Array.from(indices, (j) => m.means[j]),
    meanY: m.meanY,
    sxx,
    sxy: Float64Array.from(indices, (j) => m.sxy[j]),
    syy: m.syy,
  };
}

/**
 * The exact mean squared error of any coefficients on the rows, from the moments alone: with
 * c = ȳ − βᵀx̄ − b, MSE = (Syy − 2βᵀSxy + βᵀSβ) / n + c².
 */
export function mseOfHyperplane(m: CrossProducts, plane: Hyperplane): number {
  const beta = plane.coefficients;
  let offset = m.meanY - plane.intercept;
  let cross = 0;
  for (let j = 0; j < m.d; j++) {
    offset -= beta[j] * m.means[j];
    cross += beta[j] * m.sxy[j];
  }
  return (m.syy - 2 * cross + quadraticForm(m.sxx, beta, m.d)) / m.n + offset * offset;
}

/** MSE, RMSE and R² of any coefficients on the rows, from the moments alone (as `metricsAt` for a line). */
export function metricsOfHyperplane(m: CrossProducts, plane: Hyperplane): Metrics {
  // Rounding can take an exact fit's MSE a hair below zero.
  const mse = Math.max(0, mseOfHyperplane(m, plane));
  return { mse, rmse: Math.sqrt(mse), r2: m.syy === 0 ? 0 : 1 - (mse * m.n) / m.syy };
}
