/**
 * 95% intervals around a line's prediction, as plain arithmetic on the few numbers a model carries
 * (`IntervalBasis`): no distribution code, so `<bmi-predictor>`, the server and the form use it as
 * cheaply as `predict`. The formulas are those of R's `predict.lm(..., interval = ...)`.
 */
import { fixedWithMinus } from '../text.ts';
import { acceptedRange, predict, predictHyperplane, type Hyperplane, type InputRange, type Line } from '../model/predict.ts';
import { quadraticForm } from './cholesky.ts';

/** What the intervals of a fitted line need, from the rows it was fitted on. */
export interface IntervalBasis {
  /** The coverage of the intervals, 0.95. */
  level: number;
  /** n: the rows the line was fitted on. */
  rows: number;
  /** x̄: the mean feature value of those rows. */
  featureMean: number;
  /** Sxx = Σ(x − x̄)² over those rows. */
  featureSumOfSquares: number;
  /** s = √(Σ residual² / (n − 2)), in target units. */
  residualStandardError: number;
  /** n − 2. */
  degreesOfFreedom: number;
  /** The Student-t quantile at 1 − (1 − level) / 2 with `degreesOfFreedom`. */
  tQuantile: number;
}

/**
 * What the intervals of a fit on several features need: `IntervalBasis` with the feature means x̄ and
 * S⁻¹, the inverse of the centred cross-product matrix of the fitted features, in their place.
 */
export interface JointIntervalBasis {
  level: number;
  rows: number;
  /** x̄ of each feature, in the model's order. */
  featureMeans: number[];
  /** S⁻¹, d × d (rows of the matrix). */
  inverseCrossProducts: number[][];
  /** s = √(Σ residual² / (n − p)), p = d + 1. */
  residualStandardError: number;
  /** n − p. */
  degreesOfFreedom: number;
  tQuantile: number;
  /**
   * The largest leverage of the training rows, max 1/n + (xᵢ − x̄)ᵀ S⁻¹ (xᵢ − x̄): a point whose
   * leverage is above it lies outside the data's joint range, even with each value inside its own
   * column's range. Absent in files written before it was kept.
   */
  maxLeverage?: number;
}

/** Why a model has no intervals, when it cannot have them. */
export interface IntervalsUnavailable {
  unavailable: string;
}

export type IntervalStatistics = IntervalBasis | JointIntervalBasis | IntervalsUnavailable;

export interface Interval {
  level: number;
  low: number;
  high: number;
}

/** A prediction with both 95% intervals. */
export interface PredictionWithIntervals {
  prediction: number;
  /** Where a new observation at this feature value falls, with probability `level`. */
  predictionInterval: Interval;
  /** Where the mean target at this feature value lies, with confidence `level`. */
  confidenceInterval: Interval;
}

export const INTERVAL_LEVEL = 0.95;

/** The note for a model whose weights came from a version 1 file (no `intervals` at all). */
export const NO_INTERVALS_IN_VERSION_1 =
  'its weights file is version 1, which carries no interval statistics; train it again (or continue training) for a version 2 file with intervals';

/** The one-feature basis. */
export function isIntervalBasis(statistics: IntervalStatistics | undefined): statistics is IntervalBasis {
  return statistics !== undefined && 'featureSumOfSquares' in statistics;
}

/** The several-feature basis. */
export function isJointIntervalBasis(statistics: IntervalStatistics | undefined): statistics is JointIntervalBasis {
  return statistics !== undefined && 'inverseCrossProducts' in statistics;
}

/**
 * (x₀ − x̄)ᵀ S⁻¹ (x₀ − x̄): how far the inputs lie from the training rows' centre, in the units of
 * their spread (the point's leverage is 1/n plus this).
 */
export function distanceFromCentre(basis: JointIntervalBasis, inputs: ArrayLike<number>): number {
  const d = basis.featureMeans.length;
  const offset = basis.featureMeans.map((mean, j) => inputs[j] - mean);
  return quadraticForm(basis.inverseCrossProducts.flat(), offset, d);
}

/** A point's leverage, 1/n + (x₀ − x̄)ᵀ S⁻¹ (x₀ − x̄), when it is above the largest of the training rows; else undefined. */
export function leverageOutside(basis: JointIntervalBasis, inputs: ArrayLike<number>): number | undefined {
  const leverage = 1 / basis.rows + distanceFromCentre(basis, inputs);
  return basis.maxLeverage !== undefined && leverage > basis.maxLeverage ? leverage : undefined;
}

/** Both intervals at several inputs (in the model's feature order), or undefined when one is not finite. */
export function jointIntervalsAt(
  plane: Hyperplane,
  basis: JointIntervalBasis,
  inputs: ArrayLike<number>,
): Omit<PredictionWithIntervals, 'prediction'> | undefined {
  const fitted = predictHyperplane(plane, inputs);
  const { rows, residualStandardError: s, tQuantile, level } = basis;
  const spread = 1 / rows + distanceFromCentre(basis, inputs);
  const around = (newObservation: number): Interval => {
    const half = tQuantile * s * Math.sqrt(newObservation + spread);
    return { level, low: fitted - half, high: fitted + half };
  };
  const forObservation = around(1);
  const forMean = around(0);
  const bounds = [forObservation.low, forObservation.high, forMean.low, forMean.high];
  return bounds.every(Number.isFinite) ? { predictionInterval: forObservation, confidenceInterval: forMean } : undefined;
}

function interval(line: Line, basis: IntervalBasis, feature: number, newObservation: number): Interval {
  const fitted = predict(line, feature);
  const { rows, featureMean, featureSumOfSquares, residualStandardError: s, tQuantile, level } = basis;
  const half = tQuantile * s * Math.sqrt(newObservation + 1 / rows + (feature - featureMean) ** 2 / featureSumOfSquares);
  return { level, low: fitted - half, high: fitted + half };
}

/** The interval that holds the mean target at `feature` with confidence `basis.level`. */
export function confidenceInterval(line: Line, basis: IntervalBasis, feature: number): Interval {
  return interval(line, basis, feature, 0);
}

/** The interval that holds a new observation at `feature` with probability `basis.level`. */
export function predictionInterval(line: Line, basis: IntervalBasis, feature: number): Interval {
  return interval(line, basis, feature, 1);
}

/** Both intervals, or undefined when the model carries none or one is not finite. */
export function intervalsAt(
  model: Line & { intervals?: IntervalStatistics },
  feature: number,
): Omit<PredictionWithIntervals, 'prediction'> | undefined {
  if (!isIntervalBasis(model.intervals)) return undefined;
  const forObservation = predictionInterval(model, model.intervals, feature);
  const forMean = confidenceInterval(model, model.intervals, feature);
  const bounds = [forObservation.low, forObservation.high, forMean.low, forMean.high];
  return bounds.every(Number.isFinite) ? { predictionInterval: forObservation, confidenceInterval: forMean } : undefined;
}

/** Why a model's predictions come without an interval, or undefined when they come with one. */
export function intervalNote(model: { intervals?: IntervalStatistics }): string | undefined {
  const { intervals } = model;
  if (intervals !== undefined && !('unavailable' in intervals)) return undefined;
  return `No 95% interval: ${intervals?.unavailable ?? NO_INTERVALS_IN_VERSION_1}.`;
}

/**
 * The note for a prediction whose interval bounds are not finite numbers. A weights file whose
 * intervals overflow is refused when it is read, and a model whose would is made without them, so only
 * a model from elsewhere can meet it; the form, `<bmi-predictor>` and the server say the same.
 */
export const NON_FINITE_INTERVAL_NOTE = 'No 95% interval: its bounds are not finite numbers.';

/** Why the prediction of a one-feature model at `feature` comes without an interval, or undefined when it comes with one. */
export function intervalNoteAt(model: Line & { intervals?: IntervalStatistics }, feature: number): string | undefined {
  if (isIntervalBasis(model.intervals)) return intervalsAt(model, feature) ? undefined : NON_FINITE_INTERVAL_NOTE;
  return intervalNote(model);
}

/**
 * Which field of the basis makes an interval overflow somewhere in the range the model answers for
 * (`dataRange` is its training rows' feature range, widened by `acceptedRange`), and at which end; or
 * undefined when every bound there is a finite number. The half-width is convex in the feature and the
 * line straight, so the ends of the range are where the bounds are largest.
 */
export function intervalOverflow(
  line: Line,
  basis: IntervalBasis,
  dataRange: InputRange,
): { field: 'residualStandardError' | 'featureMean' | 'featureSumOfSquares'; at: number } | undefined {
  const { min, max } = acceptedRange(dataRange);
  for (const at of [min, max]) {
    if (intervalsAt({ ...line, intervals: basis }, at)) continue;
    const distance = (at - basis.featureMean) ** 2;
    // The feature's distance from its mean, then its spread, else the error's size, t · s.
    const field = !Number.isFinite(distance)
      ? 'featureMean'
      : !Number.isFinite(distance / basis.featureSumOfSquares)
        ? 'featureSumOfSquares'
        : 'residualStandardError';
    return { field, at };
  }
  return undefined;
}

/** "65.7 to 92.0" (a real minus sign for negative bounds). */
export function formatInterval(interval: Interval, decimals: number): string {
  const bound = (value: number): string => fixedWithMinus(value, decimals);
  return `${bound(interval.low)} to ${bound(interval.high)}`;
}
