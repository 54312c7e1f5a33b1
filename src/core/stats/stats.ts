/**
 * Float64 statistics: the closed-form least-squares line (the reference every training run is judged
 * against), the error metrics, and the standardization training uses inside.
 */
import { fitOfMoments, momentsOf } from './moments.ts';
import type { Line, Weights } from '../model/predict.ts';
import type { Metrics } from './metrics.ts';

export type { Metrics } from './metrics.ts';

/** Mean and population standard deviation of a column. */
export interface Scaling {
  mean: number;
  std: number;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

export function scalingOf(values: ArrayLike<number>): Scaling {
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - m) ** 2;
  return scalingFrom(m, squares, values.length);
}

/** The scaling of a column from its mean and Σ (v − mean)² over its n values. */
export function scalingFrom(mean: number, squares: number, n: number): Scaling {
  const std = Math.sqrt(squares / n);
  // A constant column would divide by zero; leave it unscaled instead.
  return { mean, std: std > 0 ? std : 1 };
}

export function standardize(values: ArrayLike<number>, scaling: Scaling): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - scaling.mean) / scaling.std;
  return out;
}

export function range(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  return { min, max };
}

/** Ordinary least squares for y = slope·x + intercept, in float64 and O(n). */
export function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>): Line {
  return fitOfMoments(momentsOf(x, y));
}

export function metricsOf(line: Line, x: ArrayLike<number>, y: ArrayLike<number>): Metrics {
  const my = mean(y);
  let residual = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    residual += (line.slope * x[i] + line.intercept - y[i]) ** 2;
    total += (y[i] - my) ** 2;
  }
  const mse = residual / x.length;
  return { mse, rmse: Math.sqrt(mse), r2: total === 0 ? 0 : 1 - residual / total };
}

/** How far an MSE lies above the best possible one, as a fraction (0.001 = 0.1 %). */
export function gapToOptimum(mse: number, optimumMse: number): number {
  return optimumMse === 0 ? mse : (mse - optimumMse) / optimumMse;
}

/** Converts a line fitted on standardized x and y back to raw units. */
export function lineToRawUnits(scaled: Line, xScaling: Scaling, yScaling: Scaling): Line {
  const slope = (scaled.slope * yScaling.std) / xScaling.std;
  const intercept = yScaling.mean + yScaling.std * scaled.intercept - slope * xScaling.mean;
  return { slope, intercept };
}

/** Converts a raw-unit line into the standardized space (the inverse of `lineToRawUnits`). */
export function lineToScaledUnits(raw: Line, xScaling: Scaling, yScaling: Scaling): Line {
  const slope = (raw.slope * xScaling.std) / yScaling.std;
  const intercept = (raw.slope * xScaling.mean + raw.intercept - yScaling.mean) / yScaling.std;
  return { slope, intercept };
}

/**
 * Converts weights fitted on standardized features and target back to raw units: each feature's
 * coefficient is wⱼ·σy/σⱼ and the intercept μy + σy·b − Σ coefficientⱼ·μⱼ. With one feature (no
 * `moreWeights`) it is `lineToRawUnits`.
 */
export function weightsToRawUnits(scaled: Weights, features: readonly Scaling[], target: Scaling): Weights {
  if (scaled.moreWeights === undefined) return lineToRawUnits(scaled, features[0], target);
  const slopes = [scaled.slope, ...scaled.moreWeights].map((w, j) => (w * target.std) / features[j].std);
  let intercept = target.mean + target.std * scaled.intercept;
  slopes.forEach((slope, j) => (intercept -= slope * features[j].mean));
  return { slope: slopes[0], intercept, moreWeights: slopes.slice(1) };
}

/** Converts raw-unit weights into the standardized space (the inverse of `weightsToRawUnits`). */
export function weightsToScaledUnits(raw: Weights, features: readonly Scaling[], target: Scaling): Weights {
  if (raw.moreWeights === undefined) return lineToScaledUnits(raw, features[0], target);
  const slopes = [raw.slope, ...raw.moreWeights];
  let offset = raw.intercept - target.mean;
  slopes.forEach((slope, j) => (offset += slope * features[j].mean));
  const scaled = slopes.map((slope, j) => (slope * features[j].std) / target.std);
  return { slope: scaled[0], intercept: offset / target.std, moreWeights: scaled.slice(1) };
}

/** Columns standardized by their scalings, one after the other (feature j of row i at j·n + i), in float32. */
export function standardizeColumns(columns: readonly ArrayLike<number>[], scalings: readonly Scaling[]): Float32Array {
  const n = columns.length === 0 ? 0 : columns[0].length;
  const out = new Float32Array(n * columns.length);
  columns.forEach((column, j) => out.set(standardize(column, scalings[j]), j * n));
  return out;
}
