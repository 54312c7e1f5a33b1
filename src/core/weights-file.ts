/**
 * The one weights file format, read and written the same way in the browser and in Node.
 * A single JSON object: `{ "format": "bmi-predictor-weights", "version": 1, slope, intercept, ... }`
 * with the line in raw units, so predicting needs no TensorFlow.js. Described by
 * `schema/bmi-predictor-weights.schema.json`.
 */
import { BACKENDS } from './backends.ts';
import { isJsonObject } from './json-object.ts';
import { OPTIMIZERS, type Model } from './model.ts';
import { rangeEndsError } from './predict.ts';
import type { Result } from './result.ts';
import { errorMessage, stripBom } from './text.ts';

export const WEIGHTS_FORMAT = 'bmi-predictor-weights';
export const WEIGHTS_VERSION = 1;
/** No honest weights file comes near this; a larger one is refused before it is parsed. */
export const MAX_WEIGHTS_FILE_BYTES = 1_000_000;
/**
 * `training.backend` for a model whose training is not known, e.g. one imported from TF.js model
 * files that carry no bmi-predictor metadata.
 */
export const UNKNOWN_BACKEND = 'unknown';
/** The values `training.backend` may take: where the model was fitted. */
export const TRAINING_BACKENDS: readonly string[] = [...BACKENDS, 'closed-form', UNKNOWN_BACKEND];
/**
 * `training.date`: an RFC 3339 date-time as `Date.prototype.toISOString` writes it. The JSON Schema
 * uses the same pattern (a unit test checks they agree).
 */
export const ISO_DATE_TIME_PATTERN =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$';

export interface WeightsFile extends Model {
  format: typeof WEIGHTS_FORMAT;
  version: typeof WEIGHTS_VERSION;
}

export type WeightsReadResult = Result<{ model: Model }>;

/**
 * A model that cannot be written: a field is not finite (JSON would turn NaN into null, a file no one
 * can read back) or its predictions overflow. Thrown by every writer, so no such file or record exists.
 */
export class WeightsWriteError extends Error {
  override name = 'WeightsWriteError';
}

/** Why a model could not be written and read back as a weights file, or undefined when it can. */
export function modelProblem(model: Model): string | undefined {
  return weightsProblem({ ...model } as unknown as Record<string, unknown>);
}

/** The weights file object of a model; throws a WeightsWriteError when the file would not read back. */
export function toWeightsFile(model: Model): WeightsFile {
  const { slope, intercept, feature, target, normalization, training } = model;
  const file: WeightsFile = { format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, slope, intercept, feature, target, normalization, training };
  // The reader's own rules, so what is written is exactly what reads back.
  const problem = modelProblem(model);
  if (problem) throw new WeightsWriteError(`The model cannot be saved: ${problem}.`);
  return file;
}

/** The weights file text; throws a WeightsWriteError rather than write a field that is not finite. */
export function serializeWeights(model: Model): string {
  return `${JSON.stringify(toWeightsFile(model), null, 2)}\n`;
}

/** A file name for a download: `bmi-weights-2026-11-25.json`. */
export function weightsFileName(model: Model): string {
  return `bmi-weights-${model.training.date.slice(0, 10)}.json`;
}

/**
 * Why a file of this size cannot be a weights file (or, with `what`, another model file), or undefined
 * when its size is fine. Lets a caller refuse before reading the file.
 */
export function weightsFileSizeError(byteLength: number, what = 'a weights file'): string | undefined {
  return byteLength > MAX_WEIGHTS_FILE_BYTES
    ? `The file is ${formatBytes(byteLength)}; ${what} is at most ${formatBytes(MAX_WEIGHTS_FILE_BYTES)}.`
    : undefined;
}

/** Reads weights file text; every refusal names what is wrong. */
export function parseWeights(text: string, byteLength = new TextEncoder().encode(text).length): WeightsReadResult {
  const sizeError = weightsFileSizeError(byteLength);
  if (sizeError) return { ok: false, error: sizeError };
  const parsed = parseJson(text);
  return parsed.ok ? validateWeights(parsed.value) : { ok: false, error: `${parsed.error} It is not a weights file.` };
}

/**
 * JSON.parse with a message a person can act on. NaN and Infinity get their own: JavaScript writes
 * them, JSON has no such numbers, and a hand-edited file is the likely source.
 */
export function parseJson(text: string): Result<{ value: unknown }> {
  const body = stripBom(text);
  if (body.trim() === '') return { ok: false, error: 'The file is empty.' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    // A bare NaN or Infinity where a value belongs (not inside a string).
    const nonFinite = /(?:("[^"\n]{1,40}")\s*:|[[,])\s*([-+]?(?:NaN|Infinity))\b/.exec(body);
    if (nonFinite) {
      const where = nonFinite[1] ? `${nonFinite[1]}: ${nonFinite[2]}` : nonFinite[2];
      return {
        ok: false,
        error: `The file is not valid JSON: it has ${where}, and JSON has no NaN or Infinity (every number must be finite).`,
      };
    }
    return { ok: false, error: `The file is not valid JSON (${errorMessage(error)}).` };
  }
}

type Check = (value: unknown) => string | undefined;

const finiteNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'a finite number');
const positiveNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'a positive number');
const nonNegativeNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'a number ≥ 0');
const wholeNumber: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : 'a whole number ≥ 0');
const text: Check = (v) => (typeof v === 'string' ? undefined : 'text');
const nonEmptyText: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'non-empty text');
const nonNegativeOrNull: Check = (v) => (v === null ? undefined : nonNegativeNumber(v));
const oneOf =
  (choices: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && choices.includes(v) ? undefined : `one of ${choices.join(', ')}`;
const isoDateTime = new RegExp(ISO_DATE_TIME_PATTERN);
const isoDate: Check = (v) => (typeof v === 'string' && isoDateTime.test(v) ? undefined : 'an ISO 8601 date-time like 2026-11-25T10:00:00.000Z');

/** Every field of a version 1 file (dotted paths) with its check. All are required; other fields are ignored. */
const FIELDS: [path: string, check: Check][] = [
  ['slope', finiteNumber],
  ['intercept', finiteNumber],
  ['feature.name', nonEmptyText],
  ['feature.unit', text],
  ['feature.min', finiteNumber],
  ['feature.max', finiteNumber],
  ['target.name', nonEmptyText],
  ['target.unit', text],
  ['normalization.feature.mean', finiteNumber],
  ['normalization.feature.std', positiveNumber],
  ['normalization.target.mean', finiteNumber],
  ['normalization.target.std', positiveNumber],
  ['training.epochs', wholeNumber],
  ['training.optimizer', oneOf(OPTIMIZERS)],
  ['training.learningRate', nonNegativeNumber],
  ['training.trainMse', nonNegativeNumber],
  ['training.validationMse', nonNegativeOrNull],
  ['training.r2', finiteNumber],
  ['training.backend', oneOf(TRAINING_BACKENDS)],
  ['training.rows', wholeNumber],
  ['training.dataHash', text],
  ['training.date', isoDate],
];

/** The dotted paths of every field a version 1 weights file must have. */
export const WEIGHTS_FIELD_PATHS: readonly string[] = FIELDS.map(([path]) => path);

function lookup(root: unknown, path: string): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) return { found: false, value: undefined };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (typeof value === 'number' || value === null || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}

/** Validates an already-parsed JSON value as a weights file. */
export function validateWeights(json: unknown): WeightsReadResult {
  if (!isJsonObject(json)) {
    return { ok: false, error: 'The JSON is not an object, so it is not a weights file.' };
  }
  const record = json;
  if (record.format !== WEIGHTS_FORMAT) {
    const looksLikeTfjs = 'modelTopology' in record || 'weightsManifest' in record;
    return {
      ok: false,
      error: looksLikeTfjs
        ? 'This is a TensorFlow.js model.json, not a bmi-predictor weights file; import it together with its weights.bin.'
        : `This JSON is not a bmi-predictor weights file (its "format" is ${record.format === undefined ? 'missing' : describe(record.format)}).`,
    };
  }
  if (!Number.isInteger(record.version) || (record.version as number) < 1) {
    return { ok: false, error: `The weights file has no valid "version" (found ${describe(record.version)}).` };
  }
  if ((record.version as number) > WEIGHTS_VERSION) {
    return {
      ok: false,
      error: `The weights file is version ${record.version as number}, newer than this app reads (version ${WEIGHTS_VERSION}). Update the app.`,
    };
  }
  const missing = FIELDS.filter(([path]) => !lookup(record, path).found).map(([path]) => path);
  if (missing.length > 0) {
    return { ok: false, error: `The weights file is missing ${missing.map((p) => `"${p}"`).join(', ')}.` };
  }
  const problem = weightsProblem(record);
  if (problem) return { ok: false, error: `The weights file is invalid: ${problem}.` };
  return { ok: true, model: modelOf(record as unknown as WeightsFile) };
}

/**
 * What is wrong with the fields of a weights file (every field present has its check, a missing one
 * counts as wrong), or undefined: one rule for reading and writing.
 */
function weightsProblem(record: Record<string, unknown>): string | undefined {
  const wrong: string[] = [];
  for (const [path, check] of FIELDS) {
    const { value } = lookup(record, path);
    const expected = check(value);
    if (expected) wrong.push(`"${path}" must be ${expected} (found ${describe(value)})`);
  }
  if (wrong.length > 0) return wrong.join('; ');
  const file = record as unknown as WeightsFile;
  return rangeEndsError(file, file.feature);
}

/** A fresh Model with exactly the known fields, so unknown extras in a file never travel on. */
function modelOf(file: WeightsFile): Model {
  const { slope, intercept, feature, target, normalization: n, training: t } = file;
  return {
    slope,
    intercept,
    feature: { name: feature.name, unit: feature.unit, min: feature.min, max: feature.max },
    target: { name: target.name, unit: target.unit },
    normalization: {
      feature: { mean: n.feature.mean, std: n.feature.std },
      target: { mean: n.target.mean, std: n.target.std },
    },
    training: {
      epochs: t.epochs,
      optimizer: t.optimizer,
      learningRate: t.learningRate,
      trainMse: t.trainMse,
      validationMse: t.validationMse,
      r2: t.r2,
      backend: t.backend,
      rows: t.rows,
      dataHash: t.dataHash,
      date: t.date,
    },
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}
