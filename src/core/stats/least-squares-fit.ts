/**
 * The exact least-squares fit of several features, as R's `lm` makes it: by Cholesky factorization of
 * the standardized cross-products (the correlation matrix, so columns of very different scales do not
 * lose precision to each other), one feature at a time in the order given. A feature that is constant,
 * or (to R's tolerance) a linear combination of the features before it, is aliased: R reports its
 * coefficient as "not defined because of singularities" (NA) and fits the others without it. Never a
 * silent NaN or a huge number.
 */
import { choleskyFactor, inverseFromCholesky, solveCholesky, solveLower } from './cholesky.ts';
import { crossProductsOfFeatures, type CrossProducts, type Hyperplane } from './cross-products.ts';

/**
 * R's `lm.fit` tolerance (1e-7) on the length of what is left of a column once the columns before it
 * (the intercept's included) are taken out, relative to the column's own length: compared here as
 * squares.
 */
const ALIASING_TOLERANCE = 1e-7;

export interface LeastSquaresFit extends Hyperplane {
  /** The features fitted (indices into the columns given, in order): the coefficients are theirs. */
  fitted: number[];
  /** The features left out because of singularities (indices, in order). */
  aliased: number[];
  /** S⁻¹ of the fitted features, row-major: what their standard errors and the intervals need. */
  inverse: Float64Array;
  /** The cross-products of the fitted features alone. */
  moments: CrossProducts;
}

/** Which features are aliased, in order: the pivoted Cholesky of R's QR, column by column. */
export function aliasedFeatures(m: CrossProducts): number[] {
  const accepted: number[] = [];
  const aliased: number[] = [];
  for (let j = 0; j < m.d; j++) {
    const squares = m.sxx[j * m.d + j];
    // R's QR sees the column itself, not centred: its length² is S_jj + n·x̄_j².
    const ownLength = squares + m.n * m.means[j] ** 2;
    if (!(squares > 0) || residualFraction(m, accepted, j) * squares <= ALIASING_TOLERANCE ** 2 * ownLength) aliased.push(j);
    else accepted.push(j);
  }
  return aliased;
}

/**
 * The fraction of feature j's centred sum of squares that the accepted features do not explain:
 * 1 − r² of j on them, from the correlation matrix's Cholesky factor.
 */
function residualFraction(m: CrossProducts, accepted: readonly number[], j: number): number {
  if (accepted.length === 0) return 1;
  const k = accepted.length;
  const correlation = correlationMatrix(m, accepted);
  const factor = choleskyFactor(correlation, k);
  if (!factor) return 0;
  const scaleJ = Math.sqrt(m.sxx[j * m.d + j]);
  const withJ = accepted.map((a) => m.sxx[a * m.d + j] / (Math.sqrt(m.sxx[a * m.d + a]) * scaleJ));
  const projection = solveLower(factor, withJ, k);
  let explained = 0;
  for (const value of projection) explained += value * value;
  return Math.max(0, 1 - explained);
}

/** The correlation matrix of the given features: D·S·D with D = diag(1/√S_jj). */
function correlationMatrix(m: CrossProducts, features: readonly number[]): Float64Array {
  const k = features.length;
  const out = new Float64Array(k * k);
  features.forEach((a, i) =>
    features.forEach((b, j) => (out[i * k + j] = m.sxx[a * m.d + b] / Math.sqrt(m.sxx[a * m.d + a] * m.sxx[b * m.d + b]))),
  );
  return out;
}

/**
 * The least-squares coefficients of the features that are not aliased, the intercept, and S⁻¹ of
 * those features. With no feature left, the fit is the mean of the target.
 */
export function leastSquaresFit(m: CrossProducts): LeastSquaresFit {
  const aliased = aliasedFeatures(m);
  const fitted = Array.from({ length: m.d }, (_, j) => j).filter((j) => !aliased.includes(j));
  const moments = crossProductsOfFeatures(m, fitted);
  const k = fitted.length;
  const solved = standardizedCholesky(moments);
  // Aliasing took out every column that could make the factor fail; this guards the impossible.
  if (!solved) throw new Error('The cross-product matrix of the fitted features is not positive definite.');
  const { factor, scales } = solved;
  const scaled = solveCholesky(
    factor,
    Array.from({ length: k }, (_, j) => moments.sxy[j] * scales[j]),
    k,
  );
  const coefficients = Array.from({ length: k }, (_, j) => scaled[j] * scales[j]);
  const inverse = inverseOf(solved, k);
  let intercept = m.meanY;
  coefficients.forEach((coefficient, j) => (intercept -= coefficient * moments.means[j]));
  return { coefficients, intercept, fitted, aliased, inverse, moments };
}

/** The Cholesky factor of the correlation matrix of every feature, with D's diagonal (1/√S_jj). */
function standardizedCholesky(m: CrossProducts): { factor: Float64Array; scales: Float64Array } | undefined {
  const all = Array.from({ length: m.d }, (_, j) => j);
  if (all.some((j) => !(m.sxx[j * m.d + j] > 0))) return undefined;
  const factor = choleskyFactor(correlationMatrix(m, all), m.d);
  return factor && { factor, scales: Float64Array.from(all, (j) => 1 / Math.sqrt(m.sxx[j * m.d + j])) };
}

/** S⁻¹ = D·R⁻¹·D from the correlation matrix's factor. */
function inverseOf({ factor, scales }: { factor: Float64Array; scales: Float64Array }, k: number): Float64Array {
  return inverseFromCholesky(factor, k).map((value, at) => value * scales[Math.floor(at / k)] * scales[at % k]);
}

/** S⁻¹ of every feature, or undefined when S is singular (a constant or aliased feature). */
export function inverseCrossProducts(m: CrossProducts): Float64Array | undefined {
  const solved = standardizedCholesky(m);
  return solved && inverseOf(solved, m.d);
}
