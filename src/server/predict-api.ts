/**
 * What `POST /predict` accepts and answers for a given model, as pure functions of the request body,
 * so the rules can be read (and tested) without a socket.
 *
 * The field is the model's feature name lower-cased (`bmi` for the bundled data, as in the original
 * tool's form); the JSON answer names the target in camelCase (`lifeExpectancy`). Value checks go
 * through the core's `checkInput`, the same rule the browser's prediction form uses.
 */
import { columnLabel } from '../core/data/columns.ts';
import { isJsonObject } from '../core/json-object.ts';
import type { Model } from '../core/model/model.ts';
import { modelFeatures } from '../core/model/model-features.ts';
import {
  acceptedRange,
  checkInput,
  predictFinite,
  type InputCheck,
  type InputRange,
  type PredictionOutcome,
} from '../core/model/predict.ts';
import { topLevelKeys } from './json-keys.ts';

/** One input of the model: its request field, its name for messages and the values it is answered for. */
export interface FeatureField {
  /** The feature's column name: `Bmi`. */
  name: string;
  /** The request field, the feature's name lower-cased: `bmi`. */
  field: string;
  /** The feature's human name for messages: `BMI`. */
  label: string;
  range: InputRange;
  /** The training data's range, for the extrapolation note. */
  dataRange: InputRange;
}

export interface PredictApi {
  /** The request field: `bmi` (the first feature's, with several). */
  field: string;
  /** The JSON answer's key for the prediction: `lifeExpectancy`. */
  resultField: string;
  /** The feature's human name for messages: `BMI`. */
  label: string;
  range: InputRange;
  model: Model;
  /** Every feature's field, the first included, in the model's order. */
  features: FeatureField[];
}

export type InputOutcome = InputCheck;

export function predictApiOf(model: Model): PredictApi {
  const target = model.target.name;
  const features = modelFeatures(model).map(({ feature }) => ({
    name: feature.name,
    field: feature.name.toLowerCase(),
    label: columnLabel(feature.name),
    range: acceptedRange({ min: feature.min, max: feature.max }),
    dataRange: { min: feature.min, max: feature.max },
  }));
  return {
    field: features[0].field,
    resultField: `${target.charAt(0).toLowerCase()}${target.slice(1)}`,
    label: features[0].label,
    range: features[0].range,
    model,
    features,
  };
}

/** The one line `GET /` answers with. */
export function titleOf(api: PredictApi): string {
  return `bmi-predictor: POST /predict with ${api.features.map((f) => `${f.field}=<number>`).join('&')}`;
}

function missing(api: PredictApi): InputOutcome {
  return { ok: false, error: `Missing "${api.field}": send ${api.field}=<number> as a form, or {"${api.field}": <number>} as JSON.` };
}

/** The same refusal for a form and for JSON: which of two values was meant cannot be guessed. */
function givenTwice(api: PredictApi, times: number): InputOutcome {
  return { ok: false, error: `"${api.field}" is given ${times} times; send it once.` };
}

/**
 * The field's value, matching its name case-insensitively (`BMI=` works as well as `bmi=`); `count`
 * says how often it was given.
 */
function fieldValue<T>(entries: Iterable<[string, T]>, api: PredictApi): { value: T | undefined; count: number } {
  let value: T | undefined;
  let count = 0;
  for (const [key, entry] of entries) {
    if (key.toLowerCase() !== api.field) continue;
    count += 1;
    value ??= entry;
  }
  return { value, count };
}

/** Reads `bmi=28.45` (application/x-www-form-urlencoded). */
export function readFormInput(body: string, api: PredictApi): InputOutcome {
  const { value, count } = fieldValue(formEntries(body), api);
  if (count > 1) return givenTwice(api, count);
  if (value === undefined) return missing(api);
  return check(value, api);
}

/**
 * A form body's name/value pairs. The usual one pair with nothing encoded (`bmi=28.45`) is split
 * directly, which gives what URLSearchParams gives for it at a fraction of its cost per request;
 * anything else (`&`, `%`, `+`, a leading `?`) goes through URLSearchParams.
 */
function formEntries(body: string): Iterable<[string, string]> {
  if (/[&%+?]/.test(body)) return new URLSearchParams(body).entries();
  if (body === '') return [];
  const equals = body.indexOf('=');
  return [equals === -1 ? [body, ''] : [body.slice(0, equals), body.slice(equals + 1)]];
}

/** Reads `{"bmi": 28.45}`; a number written as a JSON string ("28.45") is accepted too. */
export function readJsonInput(body: string, api: PredictApi): InputOutcome {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: `The body is not valid JSON. Send {"${api.field}": <number>}.` };
  }
  if (!isJsonObject(json)) {
    return { ok: false, error: `Send a JSON object: {"${api.field}": <number>}.` };
  }
  // JSON.parse keeps only the last of two equal keys: count them by parsing the text for its keys.
  const keys = topLevelKeys(body);
  if (!keys.ok) return { ok: false, error: `The body is not valid JSON. Send {"${api.field}": <number>}.` };
  const count = keys.keys.filter((key) => key.toLowerCase() === api.field).length;
  if (count > 1) return givenTwice(api, count);
  const { value } = fieldValue(Object.entries(json), api);
  if (value === undefined) return missing(api);
  if (typeof value !== 'number' && typeof value !== 'string') {
    return { ok: false, error: `"${api.field}" must be a number, e.g. {"${api.field}": 24.5}.` };
  }
  return check(String(value), api);
}

function check(text: string, api: PredictApi): InputOutcome {
  return checkInput(text, api.label, api.range);
}

/**
 * The prediction, through the core's `predictFinite` so every surface gives the same number, and a
 * message instead of a number that is not finite.
 */
export function predictionFor(value: number, api: PredictApi): PredictionOutcome {
  return predictFinite(api.model, value, api.label);
}

/**
 * The plain-text answer: four decimals, like the original tool's plain number (a year to within a
 * minute is more than enough to read). The JSON answer carries the full double.
 */
export function formatPlainPrediction(prediction: number): string {
  return prediction.toFixed(4);
}
