/**
 * The JSON answer of `POST /predict`: the input, the prediction and, when the weights file carries
 * them (version 2), the 95% prediction and confidence intervals in one shape,
 * `{"level": 0.95, "low": …, "high": …}`. Without them the answer says why in `intervalNote`.
 * `extrapolation` says whether the input lies outside the training data's range, with
 * `extrapolationNote` in words when it does. The form answer stays the plain number, the original
 * tool's contract.
 *
 * The input and the prediction are keyed by column names (`bmi`, `lifeExpectancy`), the rest by fixed
 * keys. A column whose name would land on another key of the answer would silently replace it (a
 * target named `PredictionInterval` would lose the prediction), so such a model is refused when it is
 * loaded (`answerKeysProblem`), never served. A key added to the answer goes in `FIXED_ANSWER_KEYS`.
 */
import { extrapolationNote } from '../core/model/extrapolation.ts';
import { intervalNote, intervalsAt, type Interval } from '../core/stats/intervals.ts';
import type { PredictApi } from './predict-api.ts';

export type JsonAnswer = Record<string, number | Interval | string | boolean>;

/** Every key the answer may carry besides the column-named ones, and what it holds (for messages). */
export const FIXED_ANSWER_KEYS: Readonly<Record<string, string>> = {
  predictionInterval: 'the 95% prediction interval',
  confidenceInterval: 'the 95% confidence interval',
  intervalNote: 'the note saying why there is no interval',
  extrapolation: 'whether the input lies outside the training range',
  extrapolationNote: 'the note saying the input lies outside the training range',
};

export function jsonAnswer(api: PredictApi, value: number, prediction: number): JsonAnswer {
  const intervals = intervalsAt(api.model, value);
  // Own properties whatever the names (even `__proto__`); answerKeysProblem keeps them apart.
  const answer: JsonAnswer = Object.create(null) as JsonAnswer;
  answer[api.field] = value;
  answer[api.resultField] = prediction;
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

/**
 * Why this model's JSON answer would lose a value (two of its keys are one), or undefined when every
 * key is its own: the feature's field, the target's key and the fixed keys must all differ.
 */
export function answerKeysProblem(api: PredictApi): string | undefined {
  const columns = [
    ...api.features.map(({ field, name }) => ({ key: field, what: `the feature column "${name}" (its field "${field}")` })),
    { key: api.resultField, what: `the target column "${api.model.target.name}" (answered as "${api.resultField}")` },
  ];
  const taken = new Map<string, string>(Object.entries(FIXED_ANSWER_KEYS).map(([key, what]) => [key, `${what} ("${key}")`]));
  for (const { key, what } of columns) {
    const holder = taken.get(key);
    if (holder !== undefined) {
      return `${capitalize(what)} would take the key of ${holder} in the JSON answer, and one of them would be lost. Rename the column and train again.`;
    }
    taken.set(key, what);
  }
  return undefined;
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
