/**
 * Prediction is plain arithmetic on a raw-unit line. This module imports only a type, so the embeddable
 * element, the HTTP server and the prediction form can use it without TensorFlow.js.
 */
import type { Result } from '../result.ts';

/** A straight line in raw units: target = slope · feature + intercept. */
export interface Line {
  slope: number;
  intercept: number;
}

/**
 * The weights of a training run: a line, and with several features the weights of the features after
 * the first (`slope` is the first's). Standardized or raw units, as the holder says.
 */
export interface Weights extends Line {
  moreWeights?: readonly number[];
}

/** The weights as coefficients (one per feature, in order) and intercept. */
export function weightsAsHyperplane(weights: Weights): Hyperplane {
  return { coefficients: [weights.slope, ...(weights.moreWeights ?? [])], intercept: weights.intercept };
}

/** Coefficients in raw units on several features: target = Σ coefficients[j] · inputs[j] + intercept. */
export interface Hyperplane {
  coefficients: readonly number[];
  intercept: number;
}

/** target = Σ coefficients[j] · inputs[j] + intercept. */
export function predictHyperplane(plane: Hyperplane, inputs: ArrayLike<number>): number {
  let sum = plane.intercept;
  plane.coefficients.forEach((coefficient, j) => (sum += coefficient * inputs[j]));
  return sum;
}

/** The feature values a prediction is accepted for. */
export interface InputRange {
  min: number;
  max: number;
}

export type InputCheck = Result<{ value: number }>;

export function predict(line: Line, feature: number): number {
  return line.slope * feature + line.intercept;
}

export type PredictionOutcome = Result<{ value: number }>;

/**
 * The prediction, or a message when it is not a finite number (an extreme line can overflow): what
 * every surface that shows or serves a prediction uses, so Infinity or NaN never reaches a user.
 */
export function predictFinite(line: Line, feature: number, featureLabel = 'this value'): PredictionOutcome {
  const value = predict(line, feature);
  return Number.isFinite(value)
    ? { ok: true, value }
    : {
        ok: false,
        error: `The model gives no finite prediction for ${featureLabel} ${feature}: its line is too steep for the numbers a computer holds.`,
      };
}

/**
 * Why a line cannot answer across the range it accepts (its predictions at either end are not finite
 * numbers, or the range itself is not), or undefined when it can. A line is straight, so finite at
 * both ends means finite everywhere between.
 */
export function rangeEndsError(line: Line, dataRange: InputRange): string | undefined {
  const { min, max } = acceptedRange(dataRange);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return 'the range of inputs it answers for is not finite';
  const ends = [predict(line, min), predict(line, max)];
  if (ends.every(Number.isFinite)) return undefined;
  return `its predictions at the ends of the range it answers for (${formatBound(min)} to ${formatBound(max)}) are ${ends.map(String).join(' and ')}, not finite numbers`;
}

/**
 * Why coefficients on several features cannot answer across the box of ranges they accept (a
 * prediction anywhere in it could overflow, or a range is not finite), or undefined when they can:
 * |b| + Σ |cⱼ| · max(|minⱼ|, |maxⱼ|) bounds every prediction in the box.
 */
export function boxEndsError(plane: Hyperplane, dataRanges: readonly InputRange[]): string | undefined {
  const accepted = dataRanges.map(acceptedRange);
  if (accepted.some(({ min, max }) => !Number.isFinite(min) || !Number.isFinite(max)))
    return 'the range of inputs it answers for is not finite';
  let bound = Math.abs(plane.intercept);
  plane.coefficients.forEach((c, j) => (bound += Math.abs(c) * Math.max(Math.abs(accepted[j].min), Math.abs(accepted[j].max))));
  return Number.isFinite(bound) ? undefined : 'its predictions over the ranges it answers for overflow: they are not finite numbers';
}

/**
 * The range a prediction is accepted for: the training data's range widened by its own span on each
 * side (a line says little far outside the data), never below zero for a feature that never is.
 */
export function acceptedRange(dataRange: InputRange): InputRange {
  const span = Math.max(dataRange.max - dataRange.min, Math.abs(dataRange.max) * 0.1, 1e-9);
  const min = dataRange.min >= 0 ? Math.max(0, dataRange.min - span) : dataRange.min - span;
  return { min, max: dataRange.max + span };
}

function formatBound(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/**
 * Whether a comma in the text is followed by exactly three digits ("1,000", "24,500", "1,000.5"): that
 * reads as a thousands separator as readily as a decimal comma, so it is refused rather than guessed.
 */
export function hasThousandsSeparator(text: string): boolean {
  return /\d,\d{3}(?!\d)/.test(text);
}

/**
 * Reads a plain decimal number as people type it ("24.5", "24,5", "-3", "1e-4"); anything else
 * (hex, "Infinity", "NaN", spaces inside, empty text, a possible thousands separator as in "1,000")
 * gives undefined. Huge exponents give ±Infinity.
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (hasThousandsSeparator(trimmed)) return undefined;
  const normalized = /^[+-]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalized) ? Number(normalized) : undefined;
}

/**
 * Checks what a user typed. Accepts a plain decimal number (a comma as the decimal mark too, unless
 * it could be a thousands separator) inside
 * `range`; everything else gets a message that says what is wrong, never a number.
 */
export function checkInput(text: string, featureLabel: string, range?: InputRange): InputCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: `Enter a ${featureLabel} value.` };
  const value = parseDecimal(trimmed);
  if (value === undefined && hasThousandsSeparator(trimmed)) {
    return { ok: false, error: `"${trimmed}" is ambiguous: use a dot for decimals (e.g. 24.5), and no thousands separators.` };
  }
  if (value === undefined) {
    return { ok: false, error: `"${trimmed}" is not a number. Enter ${featureLabel} as digits, e.g. 24.5.` };
  }
  if (!Number.isFinite(value)) return { ok: false, error: `${featureLabel} must be a finite number.` };
  if (range && value < 0 && range.min >= 0) {
    return { ok: false, error: `${featureLabel} cannot be negative.` };
  }
  if (range && (value < range.min || value > range.max)) {
    return {
      ok: false,
      error: `${featureLabel} ${trimmed} is outside the range this model can answer for (${formatBound(range.min)} to ${formatBound(range.max)}).`,
    };
  }
  return { ok: true, value };
}
