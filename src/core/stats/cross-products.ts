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

/**
 * The two passes of `crossProductsOf` over any ranges of rows, in order: the means (`meansOver`)
 * over every row first, then the products (`productsOver`). Each sum takes the rows in the same
 * order however the ranges cut them, so a pass cut in slices (row-slices.ts) gives the very same
 * numbers as one pass.
 */
export class CrossProductsPass {
  private readonly d: number;
  private readonly n: number;
  private readonly means: Float64Array;
  private sumY = 0;
  private meanY = 0;
  private readonly sxx: Float64Array;
  private readonly sxy: Float64Array;
  private readonly deviation: Float64Array;
  private syy = 0;

  constructor(
    private readonly columns: readonly ArrayLike<number>[],
    private readonly y: ArrayLike<number>,
  ) {
    this.d = columns.length;
    this.n = y.length;
    this.means = new Float64Array(this.d);
    this.sxx = new Float64Array(this.d * this.d);
    this.sxy = new Float64Array(this.d);
    this.deviation = new Float64Array(this.d);
  }

  /** Adds rows `from` to `to` (exclusive) to the sums the means come from. */
  meansOver(from: number, to: number): void {
    const { y, columns, means } = this;
    let sumY = this.sumY;
    for (let i = from; i < to; i++) sumY += y[i];
    this.sumY = sumY;
    columns.forEach((column, j) => {
      let sum = means[j];
      for (let i = from; i < to; i++) sum += column[i];
      means[j] = sum;
    });
  }

  /** Adds rows `from` to `to` to the products, once the means are in (the first call turns the sums into means). */
  productsOver(from: number, to: number): void {
    const { y, columns, means, sxx, sxy, deviation, d, n } = this;
    if (from === 0) {
      for (let j = 0; j < d; j++) means[j] /= n;
      this.meanY = this.sumY / n;
    }
    const meanY = this.meanY;
    let syy = this.syy;
    for (let i = from; i < to; i++) {
      const dy = y[i] - meanY;
      syy += dy * dy;
      for (let j = 0; j < d; j++) {
        const dx = columns[j][i] - means[j];
        deviation[j] = dx;
        sxy[j] += dx * dy;
        for (let k = 0; k <= j; k++) sxx[j * d + k] += dx * deviation[k];
      }
    }
    this.syy = syy;
  }

  /** The cross-products, once both passes have covered every row. */
  result(): CrossProducts {
    const { d, n, means, meanY, sxx, sxy, syy } = this;
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) sxx[k * d + j] = sxx[j * d + k];
    return { n, d, means, meanY, sxx, sxy, syy };
  }
}

export function crossProductsOf(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): CrossProducts {
  const pass = new CrossProductsPass(columns, y);
  pass.meansOver(0, y.length);
  pass.productsOver(0, y.length);
  return pass.result();
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
