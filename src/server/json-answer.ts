/**
 * The JSON answer of `POST /predict`: the input, the prediction and, when the weights file carries
 * them (version 2), the 95% prediction and confidence intervals in one shape,
 * `{"level": 0.95, "low": …, "high": …}`. Without them the answer says why in `intervalNote`.
 * `extrapolation` says whether the input lies outside the training data's range, with
 * `extrapolationNote` in words when it does. The form answer stays the plain number, the original
 * tool's contract.
 */
import { extrapolationNote } from '../core/model/extrapolation.ts';
import { intervalNote, intervalsAt, type Interval } from '../core/stats/intervals.ts';
import type { PredictApi } from './predict-api.ts';

export type JsonAnswer = Record<string, number | Interval | string | boolean>;

export function jsonAnswer(api: PredictApi, value: number, prediction: number): JsonAnswer {
  const intervals = intervalsAt(api.model, value);
  const answer: JsonAnswer = { [api.field]: value, [api.resultField]: prediction };
  if (intervals) {
    answer.predictionInterval = intervals.predictionInterval;
    answer.confidenceInterval = intervals.confidenceInterval;
  } else {
    answer.intervalNote = intervalNote(api.model) ?? 'No 95% interval: its bounds are not finite numbers.';
  }
  const extrapolation = extrapolationNote(api.label, value, api.model.feature);
  answer.extrapolation = extrapolation !== undefined;
  if (extrapolation) answer.extrapolationNote = extrapolation;
  return answer;
}
