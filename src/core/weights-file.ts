/**
 * The one weights file format, read and written the same way in the browser and in Node.
 * A single JSON object: `{ "format": "bmi-predictor-weights", "version": 1, slope, intercept, ... }`
 * with the line in raw units, so predicting needs no TensorFlow.js. Described by
 * `schema/bmi-predictor-weights.schema.json`.
 */
import { BACKENDS } from './backends.ts';
import { OPTIMIZERS, type Model } from './model.ts';

export const WEIGHTS_FORMAT = 'bmi-predictor-weights';
export const WEIGHTS_VERSION = 1;
/** No honest weights file comes near this; a larger one is refused before it is parsed. */
export const MAX_WEIGHTS_FILE_BYTES = 1_000_000;

export interface WeightsFile extends Model {
  format: typeof WEIGHTS_FORMAT;
  version: typeof WEIGHTS_VERSION;
}

export type WeightsReadResult = { ok: true; model: Model } | { ok: false; error: string };

export function toWeightsFile(model: Model): WeightsFile {
  const { slope, intercept, feature, target, normalization, training } = model;
  return { format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, slope, intercept, feature, target, normalization, training };
}

export function serializeWeights(model: Model): string {
  return `${JSON.stringify(toWeightsFile(model), null, 2)}\n`;
}

/** A file name for a download: `bmi-weights-2026-11-25.json`. */
export function weightsFileName(model: Model): string {
  return `bmi-weights-${model.training.date.slice(0, 10)}.json`;
}

/** Reads weights file text; every refusal names what is wrong. */
export function parseWeights(text: string, byteLength = new TextEncoder().encode(text).length): WeightsReadResult {
  if (byteLength > MAX_WEIGHTS_FILE_BYTES) {
    return { ok: false, error: `The file is ${formatBytes(byteLength)}; a weights file is at most ${formatBytes(MAX_WEIGHTS_FILE_BYTES)}.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'The file is not JSON, so it is not a weights file.' };
  }
  return validateWeights(json);
}

type Check = (value: unknown) => string | undefined;

const finiteNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'a finite number');
const positiveNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'a positive number');
const wholeNumber: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : 'a whole number ≥ 0');
const text: Check = (v) => (typeof v === 'string' ? undefined : 'text');
const nonEmptyText: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'non-empty text');
const finiteOrNull: Check = (v) => (v === null ? undefined : finiteNumber(v));
const oneOf =
  (choices: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && choices.includes(v) ? undefined : `one of ${choices.join(', ')}`;
const isoDate: Check = (v) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? undefined : 'an ISO 8601 date');

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
  ['training.learningRate', finiteNumber],
  ['training.trainMse', finiteNumber],
  ['training.validationMse', finiteOrNull],
  ['training.r2', finiteNumber],
  ['training.backend', oneOf([...BACKENDS, 'closed-form'])],
  ['training.rows', wholeNumber],
  ['training.dataHash', text],
  ['training.date', isoDate],
];

function lookup(root: unknown, path: string): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(key in node)) return { found: false, value: undefined };
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
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'The JSON is not an object, so it is not a weights file.' };
  }
  const record = json as Record<string, unknown>;
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
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const [path, check] of FIELDS) {
    const { found, value } = lookup(record, path);
    if (!found) {
      missing.push(path);
      continue;
    }
    const expected = check(value);
    if (expected) wrong.push(`"${path}" must be ${expected} (found ${describe(value)})`);
  }
  if (missing.length > 0) {
    return { ok: false, error: `The weights file is missing ${missing.map((p) => `"${p}"`).join(', ')}.` };
  }
  if (wrong.length > 0) return { ok: false, error: `The weights file is invalid: ${wrong.join('; ')}.` };
  const file = record as unknown as WeightsFile;
  const { slope, intercept, feature, target, normalization, training } = file;
  return { ok: true, model: { slope, intercept, feature, target, normalization, training } };
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}
