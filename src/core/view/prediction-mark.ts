/**
 * What the scatter plot marks for the value in the prediction field: the point (x, ŷ) on the model's
 * line and its 95% prediction interval, computed as the prediction form computes its answer, so the
 * mark and the answer never disagree. Nothing is marked for text the form would refuse.
 */
import { acceptedRange, checkInput, predictFinite } from '../model/predict.ts';
import type { Model } from '../model/model.ts';
import { intervalsAt, type Interval } from '../stats/intervals.ts';
import { isExtrapolation } from '../model/extrapolation.ts';

export interface PredictionMark {
  /** The feature value typed, e.g. a BMI. */
  x: number;
  /** The line's prediction there. */
  y: number;
  /** Where 95% of new observations at x fall, when the model carries interval statistics. */
  interval?: Interval;
  /** x lies outside the data the line was fitted on. */
  extrapolation: boolean;
}

/** The mark for `text` typed in the prediction field of `model`, or null when the form would refuse it. */
export function predictionMark(model: Model | null, text: string): PredictionMark | null {
  if (!model) return null;
  const check = checkInput(text, 'value', acceptedRange(model.feature));
  if (!check.ok) return null;
  const predicted = predictFinite(model, check.value);
  if (!predicted.ok) return null;
  const mark = { x: check.value, y: predicted.value, extrapolation: isExtrapolation(model.feature, check.value) };
  const interval = intervalsAt(model, check.value)?.predictionInterval;
  return interval ? { ...mark, interval } : mark;
}
