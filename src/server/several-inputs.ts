/**
 * `POST /predict` for a model of several features: a form body (`a=1&b=2`) or a JSON object with a
 * field per feature, names matched case-insensitively as for one feature. A missing, duplicated or
 * unknown field is refused by name (a 400), every value is checked by the core's `checkInput` as the
 * app's form checks it, and the JSON answer carries the 95% intervals of `predict.lm`. A one-feature
 * model is read and answered exactly as before (`predict-api.ts`, `json-answer.ts`), unknown fields
 * ignored as they always were.
 */
import { isJsonObject } from '../core/json-object.ts';
import { extrapolationNote } from '../core/model/extrapolation.ts';
import { hyperplaneOf } from '../core/model/model-features.ts';
import { checkInput, predictHyperplane, type PredictionOutcome } from '../core/model/predict.ts';
import type { Result } from '../core/result.ts';
import { intervalNote, isJointIntervalBasis, jointIntervalsAt } from '../core/stats/intervals.ts';
import { jsonAnswer, type JsonAnswer } from './json-answer.ts';
import { topLevelKeys } from './json-keys.ts';
import { predictionFor, readFormInput, readJsonInput, type PredictApi } from './predict-api.ts';

/** The value of every feature, in the model's order. */
export type InputsOutcome = Result<{ values: number[] }>;

/** What a request for a model of several features looks like, for messages. */
function usage(api: PredictApi): string {
  const form = api.features.map((f) => `${f.field}=<number>`).join('&');
  const json = api.features.map((f) => `"${f.field}": <number>`).join(', ');
  return `send ${form} as a form, or {${json}} as JSON`;
}

/** Reads the inputs of a form or JSON body (`asJson`). */
export function readInputs(body: string, api: PredictApi, asJson: boolean): InputsOutcome {
  if (api.features.length === 1) {
    const one = asJson ? readJsonInput(body, api) : readFormInput(body, api);
    return one.ok ? { ok: true, values: [one.value] } : one;
  }
  if (!asJson) return readFields([...new URLSearchParams(body).entries()], api);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: `The body is not valid JSON: ${usage(api)}.` };
  }
  if (!isJsonObject(json)) return { ok: false, error: `Send a JSON object: ${usage(api)}.` };
  // JSON.parse keeps only the last of two equal keys: the keys as written decide what was given twice.
  const written = topLevelKeys(body);
  if (!written.ok) return { ok: false, error: `The body is not valid JSON: ${usage(api)}.` };
  return readFields(
    written.keys.map((key): [string, unknown] => [key, json[key]]),
    api,
  );
}

/** Every field once, none unknown, each a number the model answers for. */
function readFields(entries: readonly [string, unknown][], api: PredictApi): InputsOutcome {
  const given = new Map<string, unknown[]>();
  for (const [key, value] of entries) given.set(key.toLowerCase(), [...(given.get(key.toLowerCase()) ?? []), value]);
  const known = new Set(api.features.map((f) => f.field));
  const unknown = [...given.keys()].find((key) => !known.has(key));
  if (unknown !== undefined) {
    return {
      ok: false,
      error: `Unknown field "${unknown}": this model reads ${api.features.map((f) => f.field).join(', ')}; ${usage(api)}.`,
    };
  }
  const values: number[] = [];
  for (const feature of api.features) {
    const found = given.get(feature.field) ?? [];
    if (found.length === 0) return { ok: false, error: `Missing "${feature.field}": ${usage(api)}.` };
    if (found.length > 1) return { ok: false, error: `"${feature.field}" is given ${found.length} times; send it once.` };
    const [value] = found;
    if (typeof value !== 'number' && typeof value !== 'string') {
      return { ok: false, error: `"${feature.field}" must be a number, e.g. {"${feature.field}": 24.5}.` };
    }
    const checked = checkInput(String(value), feature.label, feature.range);
    if (!checked.ok) return checked;
    values.push(checked.value);
  }
  return { ok: true, values };
}

/** The prediction at the inputs; a message instead of a number that is not finite. */
export function predictionForInputs(values: readonly number[], api: PredictApi): PredictionOutcome {
  if (api.features.length === 1) return predictionFor(values[0], api);
  const value = predictHyperplane(hyperplaneOf(api.model), values);
  return Number.isFinite(value)
    ? { ok: true, value }
    : {
        ok: false,
        error: `The model gives no finite prediction for these inputs: its coefficients are too large for the numbers a computer holds.`,
      };
}

/**
 * The JSON answer: every input by field, the prediction, the 95% prediction and confidence intervals
 * (or why there are none), and whether any input lies outside its training range.
 */
export function jsonAnswerForInputs(api: PredictApi, values: readonly number[], prediction: number): JsonAnswer {
  if (api.features.length === 1) return jsonAnswer(api, values[0], prediction);
  const answer: JsonAnswer = {};
  api.features.forEach((feature, j) => (answer[feature.field] = values[j]));
  answer[api.resultField] = prediction;
  const basis = api.model.intervals;
  const intervals = isJointIntervalBasis(basis) ? jointIntervalsAt(hyperplaneOf(api.model), basis, values) : undefined;
  if (intervals) {
    answer.predictionInterval = intervals.predictionInterval;
    answer.confidenceInterval = intervals.confidenceInterval;
  } else {
    answer.intervalNote = intervalNote(api.model) ?? 'No 95% interval: its bounds are not finite numbers.';
  }
  const notes = api.features.flatMap((feature, j) => extrapolationNote(feature.label, values[j], feature.dataRange) ?? []);
  answer.extrapolation = notes.length > 0;
  if (notes.length > 0) answer.extrapolationNote = notes.join('; ');
  return answer;
}
