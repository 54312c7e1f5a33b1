/**
 * Whether a prediction is an extrapolation: its feature value lies outside the range of the rows the
 * line was fitted on, where the data says nothing about whether the line still holds. The one rule
 * every surface that shows or serves a prediction marks it by (the form, `<bmi-predictor>`, the
 * server); `acceptedRange` stays the hard limit beyond which nothing is predicted at all.
 */
import type { InputRange } from './predict.ts';

/** True when `value` lies outside the training data's range (its ends included in the data). */
export function isExtrapolation(dataRange: InputRange, value: number): boolean {
  return value < dataRange.min || value > dataRange.max;
}

/** Decimals that show a range's ends to about three significant digits of the larger one. */
function baseDecimals(range: InputRange): number {
  const magnitude = Math.max(Math.abs(range.min), Math.abs(range.max));
  return magnitude > 0 ? Math.min(10, Math.max(0, 2 - Math.floor(Math.log10(magnitude)))) : 0;
}

/**
 * The data's range as words, "19.9 to 31.0", with enough decimals that `value` (which lies outside
 * it) does not appear to lie inside the rounded ends: 30.996 gives "19.8669 to 30.9956", not "… 31.0".
 */
export function formatDataRange(range: InputRange, value: number): string {
  let decimals = baseDecimals(range);
  const shown = (bound: number, places: number) => Number(bound.toFixed(places));
  while (decimals < 10 && value >= shown(range.min, decimals) && value <= shown(range.max, decimals)) decimals += 1;
  return `${range.min.toFixed(decimals)} to ${range.max.toFixed(decimals)}`;
}

/**
 * "BMI 40 is outside the data (19.9 to 31.0): an extrapolation", or undefined inside the data.
 * `shown` is the value as the reader wrote it (the typed text, or the number).
 */
export function extrapolationNote(featureLabel: string, value: number, dataRange: InputRange, shown = String(value)): string | undefined {
  if (!isExtrapolation(dataRange, value)) return undefined;
  return `${featureLabel} ${shown} is outside the data (${formatDataRange(dataRange, value)}): an extrapolation`;
}
