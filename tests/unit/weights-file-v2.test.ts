import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { intervalNote, intervalsAt, isIntervalBasis } from '../../src/core/stats/intervals.ts';
import type { Model } from '../../src/core/model/model.ts';
import {
  WeightsWriteError,
  modelProblem,
  parseWeights,
  serializeWeights,
  toWeightsFile,
  validateWeights,
} from '../../src/core/model/weights-file.ts';
import { TFJS_METADATA_KEY, modelFromTfjsLine } from '../../src/core/model/tfjs-model-json.ts';
import { INTERVAL_BASIS_FIELDS } from '../../src/core/model/weights-intervals.ts';
import { tQuantile95 } from '../../src/core/stats/t-quantile-95.ts';
import { bundledDataset } from './bundled-data.ts';
import { R_INTERVALS, R_SUMMARY, relativeError } from './statistics-reference.ts';

type Json = Record<string, unknown>;

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../schema/bmi-predictor-weights.schema.json', import.meta.url)), 'utf8'),
) as Json;
const schemaAccepts = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const exact = (): Model => closedFormModel(bundledDataset, new Date('2026-12-01T09:00:00.000Z'));
const v2Json = (): Json => JSON.parse(serializeWeights(exact())) as Json;

/** The version 1 file an older app wrote for the same model: no "intervals". */
function v1Json(): Json {
  const json = v2Json();
  delete json.intervals;
  json.version = 1;
  return json;
}

function readModel(json: unknown): Model {
  const result = validateWeights(json);
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

describe('weights file version 2', () => {
  it('is written for a fitted model, with the training rows’ interval statistics', () => {
    const json = v2Json();
    expect(json.version).toBe(2);
    const intervals = json.intervals as Json;
    expect(Object.keys(intervals).sort()).toEqual([...INTERVAL_BASIS_FIELDS].sort());
    expect(intervals.rows).toBe(163);
    expect(intervals.degreesOfFreedom).toBe(161);
    expect(intervals.level).toBe(0.95);
    expect(relativeError(intervals.residualStandardError as number, R_SUMMARY.residualStandardError)).toBeLessThan(1e-6);
    expect(relativeError(intervals.tQuantile as number, R_SUMMARY.tQuantile)).toBeLessThan(1e-6);
    expect(schemaAccepts(json)).toBe(true);
  });

  it('round-trips exactly and predicts R’s intervals from the file alone', () => {
    const model = exact();
    const read = parseWeights(serializeWeights(model));
    expect(read).toEqual({ ok: true, model });
    for (const row of R_INTERVALS) {
      const both = intervalsAt(readModel(v2Json()), row.bmi)!;
      expect(relativeError(both.predictionInterval.low, row.prediction[0])).toBeLessThan(1e-6);
      expect(relativeError(both.predictionInterval.high, row.prediction[1])).toBeLessThan(1e-6);
      expect(relativeError(both.confidenceInterval.low, row.confidence[0])).toBeLessThan(1e-6);
      expect(relativeError(both.confidenceInterval.high, row.confidence[1])).toBeLessThan(1e-6);
    }
    expect(intervalNote(model)).toBeUndefined();
  });

  it('keeps a model’s reason for having no intervals', () => {
    const model: Model = { ...exact(), intervals: { unavailable: 'the line was fitted on 2 rows, and standard errors need at least 3' } };
    const json = JSON.parse(serializeWeights(model)) as Json;
    expect(json.intervals).toEqual({ unavailable: 'the line was fitted on 2 rows, and standard errors need at least 3' });
    expect(schemaAccepts(json)).toBe(true);
    const read = readModel(json);
    expect(intervalsAt(read, 25)).toBeUndefined();
    expect(intervalNote(read)).toBe('No 95% interval: the line was fitted on 2 rows, and standard errors need at least 3.');
  });

  it('refuses a version 2 file without "intervals", or with a wrong one, naming the field', () => {
    const missing = v2Json();
    delete missing.intervals;
    expect(validateWeights(missing)).toEqual({ ok: false, error: expect.stringMatching(/missing "intervals"/) });
    const wrong = v2Json();
    (wrong.intervals as Json).tQuantile = -1;
    delete (wrong.intervals as Json).rows;
    expect(validateWeights(wrong)).toEqual({ ok: false, error: 'The weights file is missing "intervals.rows".' });
    delete (wrong.intervals as Json).tQuantile;
    (wrong.intervals as Json).rows = 2;
    expect(validateWeights(wrong)).toEqual({ ok: false, error: expect.stringMatching(/missing "intervals.tQuantile"/) });
    (wrong.intervals as Json).tQuantile = 'big';
    expect(validateWeights(wrong)).toEqual({
      ok: false,
      error:
        'The weights file is invalid: "intervals.rows" must be a whole number ≥ 3 (found 2); "intervals.tQuantile" must be a positive number (found "big").',
    });
  });

  it('refuses to write interval statistics that are not finite, naming the field', () => {
    const model: Model = {
      ...exact(),
      intervals: { ...(exact().intervals as object), residualStandardError: Number.NaN } as Model['intervals'],
    };
    expect(() => serializeWeights(model)).toThrow(WeightsWriteError);
    expect(() => serializeWeights(model)).toThrow(/"intervals\.residualStandardError" must be a number ≥ 0 \(found NaN\)/);
    expect(modelProblem({ ...exact(), intervals: { unavailable: '' } })).toMatch(/"intervals\.unavailable" must be non-empty text/);
    expect(modelProblem(exact())).toBeUndefined();
  });

  it('drops unknown fields inside "intervals"', () => {
    const json = v2Json();
    (json.intervals as Json).note = 'hand-edited';
    expect(readModel(json).intervals).toEqual(exact().intervals);
  });
});

describe('TF.js model files', () => {
  it('carry version 2 in their metadata, so an import gets the intervals back', () => {
    const model = exact();
    const float32 = { slope: Math.fround(model.slope), intercept: Math.fround(model.intercept) };
    const result = modelFromTfjsLine(float32, { [TFJS_METADATA_KEY]: toWeightsFile(model) }, null);
    expect(result.ok && result.fromMetadata && result.model.intervals).toEqual(model.intervals);
  });
});

describe('weights file version 1, still read', () => {
  it('loads and predicts the same line, without an interval and with a note saying why', () => {
    const model = readModel(v1Json());
    expect(model.slope).toBe(exact().slope);
    expect(model.intervals).toBeUndefined();
    expect(intervalsAt(model, 28.45)).toBeUndefined();
    expect(intervalNote(model)).toMatch(/^No 95% interval: its weights file is version 1, which carries no interval statistics/);
    expect(schemaAccepts(v1Json())).toBe(true);
  });

  it('is written back as version 1, since it has nothing more to say', () => {
    const file = toWeightsFile(readModel(v1Json()));
    expect(file.version).toBe(1);
    expect('intervals' in file).toBe(false);
  });

  it('ignores an "intervals" field in a version 1 file (readers of version 1 ignore unknown fields)', () => {
    const json = { ...v1Json(), intervals: { rows: 'x' } };
    expect(readModel(json).intervals).toBeUndefined();
    expect(schemaAccepts(json)).toBe(true);
  });
});

/**
 * A probe of `rows` or `degreesOfFreedom` that is a valid count moves the fields tied to it along
 * (training.rows, the other count, the t quantile), so the probe checks the field's own rule: the
 * validator also checks how the fields relate, which JSON Schema cannot express (tested below).
 */
function keepRowsConsistent(json: Json, path: string, value: unknown): void {
  const intervals = json.intervals as Json;
  const rows = path === 'rows' ? value : path === 'degreesOfFreedom' ? (value as number) + 2 : undefined;
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 3) return;
  intervals.rows = rows;
  intervals.degreesOfFreedom = rows - 2;
  intervals.tQuantile = tQuantile95(rows - 2);
  (json.training as Json).rows = rows;
}

describe('the JSON Schema and the validator agree on "intervals"', () => {
  it('lists the same basis fields, all required', () => {
    const basis = (schema.$defs as Record<string, Json>).intervalBasis;
    expect(Object.keys(basis.properties as Json).sort()).toEqual([...INTERVAL_BASIS_FIELDS].sort());
    expect([...(basis.required as string[])].sort()).toEqual([...INTERVAL_BASIS_FIELDS].sort());
  });

  const probes: unknown[] = [undefined, null, 'abc', '', ' ', 0, -1, 0.5, 1, 2, 3, 1.5, 7, Infinity, true, [], {}];
  const paths = [...INTERVAL_BASIS_FIELDS, 'unavailable'];
  it.each(paths.flatMap((path) => probes.map((value) => [path, value] as const)))('agree on intervals.%s = %j', (path, value) => {
    const json = v2Json();
    const intervals = json.intervals as Json;
    if (value === undefined) delete intervals[path];
    else intervals[path] = value;
    keepRowsConsistent(json, path, value);
    expect(schemaAccepts(json)).toBe(validateWeights(json).ok);
    // The same probe on the "unavailable" shape.
    const other: Json = { ...v2Json(), intervals: { unavailable: 'too few rows' } };
    if (value === undefined) delete (other.intervals as Json)[path];
    else (other.intervals as Json)[path] = value;
    expect(schemaAccepts(other)).toBe(validateWeights(other).ok);
  });

  it.each([null, 'x', 1, [], {}])('agree on intervals = %j', (value) => {
    const json = { ...v2Json(), intervals: value };
    expect(schemaAccepts(json)).toBe(validateWeights(json).ok);
  });

  it('agree on a version 2 file missing "intervals"', () => {
    const json = v2Json();
    delete json.intervals;
    expect(schemaAccepts(json)).toBe(false);
    expect(validateWeights(json).ok).toBe(false);
  });
});

it('the sample weights file the embed demo ships is version 2 with intervals', () => {
  const text = readFileSync(fileURLToPath(new URL('../../public/sample-weights.json', import.meta.url)), 'utf8');
  const result = parseWeights(text);
  expect(result.ok && isIntervalBasis(result.model.intervals)).toBe(true);
});
