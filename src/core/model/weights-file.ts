/**
 * The one weights file format, read and written the same way in the browser and in Node.
 * A single JSON object: `{ "format": "bmi-predictor-weights", "version": 2, slope, intercept, ..., intervals }`
 * with the line in raw units, so predicting needs no TensorFlow.js; version 2 adds what 95% intervals
 * need (`intervals`), so they are arithmetic too. Version 1 files (no `intervals`) are still read. Described by
 * `schema/bmi-predictor-weights.schema.json`.
 */
import { BACKENDS } from '../settings/backends.ts';
import {
  describe,
  finiteNumber,
  lookup,
  nonEmptyText,
  nonNegativeNumber,
  nonNegativeOrNull,
  oneOf,
  positiveNumber,
  text,
  wholeNumber,
  type Check,
} from './field-checks.ts';
import type { IntervalStatistics } from '../stats/intervals.ts';
import { isJsonObject } from '../json-object.ts';
import { OPTIMIZERS, type Model, type ModelFeature } from './model.ts';
import { hyperplaneOf, modelFeatures } from './model-features.ts';
import { boxEndsError, rangeEndsError } from './predict.ts';
import { checkJointIntervals, jointIntervalsProblem, moreFeaturesForFile, moreFeaturesProblem } from './weights-more-features.ts';
import type { Result } from '../result.ts';
import { errorMessage, stripBom } from '../text.ts';
import { checkIntervals, countsProblem, intervalsForFile, intervalsProblem, tQuantileProblem } from './weights-intervals.ts';

export const WEIGHTS_FORMAT = 'bmi-predictor-weights';
/**
 * The version written for a one-feature model that carries interval statistics. One-feature models
 * stay version 2 although version 3 could hold them: every reader of version 2 (an older app, server
 * or `<bmi-predictor>` already on someone's page) keeps reading them.
 */
export const WEIGHTS_VERSION = 2;
/** The version written for a model of two or more features (`moreFeatures`, joint `intervals`). */
export const SEVERAL_FEATURES_WEIGHTS_VERSION = 3;
/** The newest version read; a newer one is refused by name. */
export const NEWEST_WEIGHTS_VERSION = SEVERAL_FEATURES_WEIGHTS_VERSION;
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
  /** 3 for several features; 2 for one, with `intervals`; 1 for a model read from a version 1 file, which has none. */
  version: 1 | typeof WEIGHTS_VERSION | typeof SEVERAL_FEATURES_WEIGHTS_VERSION;
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
  return modelFieldsProblem(model) ?? tQuantileProblem(model.intervals);
}

function modelFieldsProblem(model: Model): string | undefined {
  if (model.moreFeatures !== undefined) {
    const record: Record<string, unknown> = { ...model };
    const intervals = model.intervals ?? { unavailable: 'none' };
    return (
      weightsProblem(record) ??
      moreFeaturesProblem(record) ??
      severalRangesProblem(model) ??
      ('unavailable' in intervals
        ? undefined
        : (jointIntervalsProblem({ ...intervals }, model.moreFeatures.length + 1) ??
          countsProblem(intervals, model.training.rows, model.moreFeatures.length + 2)))
    );
  }
  return weightsProblem({ ...model }) ?? (model.intervals === undefined ? undefined : intervalsProblem(model.intervals, model));
}

/** The weights file object of a model; throws a WeightsWriteError when the file would not read back. */
export function toWeightsFile(model: Model): WeightsFile {
  if (model.moreFeatures !== undefined) return severalFeaturesFile(model, model.moreFeatures);
  const { slope, intercept, feature, target, normalization, training, intervals } = model;
  // A model from a version 1 file stays version 1: it has no interval statistics to write.
  const version = intervals === undefined ? 1 : WEIGHTS_VERSION;
  const file: WeightsFile = { format: WEIGHTS_FORMAT, version, slope, intercept, feature, target, normalization, training };
  if (intervals !== undefined) file.intervals = intervalsForFile(intervals);
  // The reader's own rules, so what is written is exactly what reads back.
  const problem = modelProblem(model);
  if (problem) throw new WeightsWriteError(`The model cannot be saved: ${problem}.`);
  return file;
}

/** The version 3 file of a model of several features (its interval statistics always written, or why there are none). */
function severalFeaturesFile(model: Model, moreFeatures: readonly ModelFeature[]): WeightsFile {
  const { slope, intercept, feature, target, normalization, training, aliasedFeatures } = model;
  const file: WeightsFile = {
    format: WEIGHTS_FORMAT,
    version: SEVERAL_FEATURES_WEIGHTS_VERSION,
    slope,
    intercept,
    feature,
    moreFeatures: moreFeaturesForFile(moreFeatures),
    ...(aliasedFeatures === undefined ? {} : { aliasedFeatures: [...aliasedFeatures] }),
    target,
    normalization,
    training,
    intervals: intervalsForFile(model.intervals ?? { unavailable: 'the model was made without its training rows' }),
  };
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

/**
 * Reads weights file text; every refusal names what is wrong. What the app, `train` and `serve` read
 * with: `parseWeightsLean` and its exact check of the t quantile (see `exactTQuantile`).
 */
export function parseWeights(text: string, byteLength = new TextEncoder().encode(text).length): WeightsReadResult {
  return exactTQuantile(parseWeightsLean(text, byteLength));
}

/**
 * Reads weights file text with every check but the t quantile's exact value, which is only bounded
 * (see `countsProblem`): what `<bmi-predictor>` reads with, to stay within its size budget.
 */
export function parseWeightsLean(text: string, byteLength = new TextEncoder().encode(text).length): WeightsReadResult {
  const sizeError = weightsFileSizeError(byteLength);
  if (sizeError) return { ok: false, error: sizeError };
  const parsed = parseJson(text);
  return parsed.ok ? validateWeightsLean(parsed.value) : { ok: false, error: `${parsed.error} It is not a weights file.` };
}

/** Validates an already-parsed JSON value as a weights file (see `parseWeights`). */
export function validateWeights(json: unknown): WeightsReadResult {
  return exactTQuantile(validateWeightsLean(json));
}

/** A read model refused when its interval block's t quantile is not the 95% quantile of its degrees of freedom. */
function exactTQuantile(result: WeightsReadResult): WeightsReadResult {
  const problem = result.ok ? tQuantileProblem(result.model.intervals) : undefined;
  return problem ? { ok: false, error: `The weights file is invalid: ${problem}.` } : result;
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

const isoDateTime = new RegExp(ISO_DATE_TIME_PATTERN);
const isoDate: Check = (v) =>
  typeof v === 'string' && isoDateTime.test(v) ? undefined : 'an ISO 8601 date-time like 2026-11-25T10:00:00.000Z';

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

/** Validates an already-parsed JSON value as a weights file, but for the t quantile's exact value (see `parseWeightsLean`). */
export function validateWeightsLean(json: unknown): WeightsReadResult {
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
  if ((record.version as number) > NEWEST_WEIGHTS_VERSION) {
    return {
      ok: false,
      error: `The weights file is version ${record.version as number}, newer than this app reads (version ${NEWEST_WEIGHTS_VERSION}). Update the app.`,
    };
  }
  const missing = FIELDS.filter(([path]) => !lookup(record, path).found).map(([path]) => path);
  if (missing.length > 0) {
    return { ok: false, error: `The weights file is missing ${missing.map((p) => `"${p}"`).join(', ')}.` };
  }
  if (record.version === SEVERAL_FEATURES_WEIGHTS_VERSION) return validateSeveralFeatures(record);
  const problem = weightsProblem(record);
  if (problem) return { ok: false, error: `The weights file is invalid: ${problem}.` };
  // Version 2 adds what 95% intervals need; a version 1 file predicts without them.
  let intervals: IntervalStatistics | undefined;
  if (record.version !== 1) {
    const checked = checkIntervals(record);
    if (!checked.ok) return checked;
    intervals = checked.intervals;
  }
  return { ok: true, model: modelOf(record as unknown as WeightsFile, intervals) };
}

/** A version 3 file (its version 1 fields present): the features after the first and the joint intervals. */
function validateSeveralFeatures(record: Record<string, unknown>): WeightsReadResult {
  const problem = fieldsProblem(record) ?? moreFeaturesProblem(record) ?? severalRangesProblem(record as unknown as WeightsFile);
  if (problem) return { ok: false, error: `The weights file is invalid: ${problem}.` };
  if (!Object.hasOwn(record, 'intervals')) {
    return { ok: false, error: 'The weights file is missing "intervals" (version 3 files carry the statistics of 95% intervals).' };
  }
  const file = record as unknown as WeightsFile & { moreFeatures: ModelFeature[] };
  const checked = checkJointIntervals(record.intervals, file.moreFeatures.length + 1);
  if (!checked.ok) return checked;
  const counts =
    'unavailable' in checked.intervals ? undefined : countsProblem(checked.intervals, file.training.rows, file.moreFeatures.length + 2);
  if (counts) return { ok: false, error: `The weights file is invalid: ${counts}.` };
  const model = modelOf(file, checked.intervals);
  model.moreFeatures = moreFeaturesForFile(file.moreFeatures);
  if (Array.isArray(file.aliasedFeatures)) model.aliasedFeatures = [...file.aliasedFeatures];
  return { ok: true, model };
}

/** Every version 1 field's check, or undefined when all pass. */
function fieldsProblem(record: Record<string, unknown>): string | undefined {
  const wrong: string[] = [];
  for (const [path, check] of FIELDS) {
    const { value } = lookup(record, path);
    const expected = check(value);
    if (expected) wrong.push(`"${path}" must be ${expected} (found ${describe(value)})`);
  }
  return wrong.length > 0 ? wrong.join('; ') : undefined;
}

/** Whether the predictions of a model of several features stay finite over every feature's accepted range. */
function severalRangesProblem(file: Model): string | undefined {
  return boxEndsError(
    hyperplaneOf(file),
    modelFeatures(file).map((entry) => entry.feature),
  );
}

/**
 * What is wrong with the fields of a weights file (every field present has its check, a missing one
 * counts as wrong), or undefined: one rule for reading and writing.
 */
function weightsProblem(record: Record<string, unknown>): string | undefined {
  const wrong = fieldsProblem(record);
  if (wrong) return wrong;
  const file = record as unknown as WeightsFile;
  return file.moreFeatures === undefined ? rangeEndsError(file, file.feature) : undefined;
}

/** A fresh Model with exactly the known fields, so unknown extras in a file never travel on. */
function modelOf(file: WeightsFile, intervals: IntervalStatistics | undefined): Model {
  const { slope, intercept, feature, target, normalization: n, training: t } = file;
  return {
    ...(intervals === undefined ? {} : { intervals }),
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
