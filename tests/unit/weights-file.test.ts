import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { OPTIMIZERS, describeData, type Model } from '../../src/core/model/model.ts';
import { leastSquares, metricsOf } from '../../src/core/stats/stats.ts';
import {
  ISO_DATE_TIME_PATTERN,
  MAX_WEIGHTS_FILE_BYTES,
  TRAINING_BACKENDS,
  WEIGHTS_FIELD_PATHS,
  parseWeights,
  serializeWeights,
  validateWeights,
  weightsFileName,
} from '../../src/core/model/weights-file.ts';
import { bundledCsv } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

type Json = Record<string, unknown>;

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../schema/bmi-predictor-weights.schema.json', import.meta.url)), 'utf8'),
) as Json;

function sampleModel(): Model {
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  const { x, y } = parsed.dataset;
  const line = leastSquares(x, y);
  const { rows, dataHash, ...described } = describeData(parsed.dataset);
  const fit = metricsOf(line, x, y);
  return {
    ...line,
    ...described,
    training: {
      epochs: 50,
      optimizer: 'sgd',
      learningRate: 0.1,
      trainMse: fit.mse,
      validationMse: null,
      r2: fit.r2,
      backend: 'webgpu',
      rows,
      dataHash,
      date: '2026-11-25T10:30:00.000Z',
    },
  };
}

/** A deep copy of the sample file as JSON, with one dotted path set (or removed with `undefined`). */
function sampleWith(path: string, value: unknown): Json {
  const json = JSON.parse(serializeWeights(sampleModel())) as Json;
  const keys = path.split('.');
  let node = json;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
  return json;
}

function refusal(text: string, byteLength?: number): string {
  const result = parseWeights(text, byteLength);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('the weights file', () => {
  it('round-trips a model exactly, float64 included', () => {
    const model = sampleModel();
    const result = parseWeights(serializeWeights(model));
    expect(result).toEqual({ ok: true, model });
    expect(model.slope).toBeCloseTo(REFERENCE.slope, 9);
  });

  it('starts with the format name and version, and is named by its date', () => {
    const text = serializeWeights(sampleModel());
    expect(text).toMatch(/^\{\n {2}"format": "bmi-predictor-weights",\n {2}"version": 1,\n {2}"slope": /);
    expect(text.endsWith('}\n')).toBe(true);
    expect(weightsFileName(sampleModel())).toBe('bmi-weights-2026-11-25.json');
  });

  it('ignores unknown fields and does not carry them into the model', () => {
    const json = sampleWith('comment', 'hand-edited');
    (json.feature as Json).extra = [1, 2];
    const result = validateWeights(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.model).toEqual(sampleModel());
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseWeights(`\uFEFF${serializeWeights(sampleModel())}`).ok).toBe(true);
  });

  it.each([
    ['text that is not JSON', 'slope = 2.5', /not valid JSON \(.+\)/],
    ['an empty file', '  \n', /The file is empty/],
    [
      'a bare NaN',
      serializeWeights(sampleModel()).replace(/"slope": [^,]+/, '"slope": NaN'),
      /not valid JSON: it has "slope": NaN, and JSON has no NaN or Infinity/,
    ],
    ['a bare -Infinity', serializeWeights(sampleModel()).replace(/"intercept": [^,]+/, '"intercept": -Infinity'), /"intercept": -Infinity/],
    ['a JSON list', '[1, 2]', /not an object/],
    ['JSON of another format', '{"format": "keras", "slope": 1}', /not a bmi-predictor weights file \(its "format" is "keras"\)/],
    ['JSON with no format', '{"slope": 1, "intercept": 2}', /"format" is missing/],
    ['a TF.js model.json', '{"modelTopology": {}, "weightsManifest": []}', /TensorFlow\.js model\.json.*weights\.bin/],
    ['a newer version', JSON.stringify(sampleWith('version', 4)), /version 4, newer than this app reads \(version 3\)/],
    ['a version that is text', JSON.stringify(sampleWith('version', '1')), /no valid "version" \(found "1"\)/],
    ['a slope that is text', JSON.stringify(sampleWith('slope', 'abc')), /"slope" must be a finite number \(found "abc"\)/],
    [
      'a slope of 1e999',
      serializeWeights(sampleModel()).replace(/"slope": [^,]+/, '"slope": 1e999'),
      /"slope" must be a finite number \(found Infinity\)/,
    ],
    ['a zero std', JSON.stringify(sampleWith('normalization.target.std', 0)), /"normalization\.target\.std" must be a positive number/],
    ['an unknown optimizer', JSON.stringify(sampleWith('training.optimizer', 'rmsprop')), /"training\.optimizer" must be one of sgd, adam/],
    [
      'a date that is not ISO 8601',
      JSON.stringify(sampleWith('training.date', 'yesterday')),
      /"training\.date" must be an ISO 8601 date-time/,
    ],
  ])('refuses %s, naming the problem', (_case, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('lists every missing field', () => {
    const json = sampleWith('intercept', undefined);
    delete (json.training as Json).date;
    expect(refusal(JSON.stringify(json))).toBe('The weights file is missing "intercept", "training.date".');
  });

  it('refuses a file over 1 MB before parsing it', () => {
    expect(refusal('{}', MAX_WEIGHTS_FILE_BYTES + 1)).toMatch(/The file is 1\.0 MB; a weights file is at most 1\.0 MB/);
    const padded = serializeWeights(sampleModel()).replace('{', `{"padding": "${'x'.repeat(MAX_WEIGHTS_FILE_BYTES)}",`);
    expect(refusal(padded)).toMatch(/at most 1\.0 MB/);
  });
});

/** Collects the dotted paths of the schema's leaf properties, following local `$ref`s. */
function schemaLeaves(node: Json, prefix = ''): { paths: string[]; requiredEverywhere: boolean } {
  const resolved = typeof node.$ref === 'string' ? ((schema.$defs as Json)[node.$ref.replace('#/$defs/', '')] as Json) : node;
  const properties = resolved.properties as Record<string, Json> | undefined;
  if (!properties) return { paths: [prefix], requiredEverywhere: true };
  const required = new Set(resolved.required as string[]);
  let requiredEverywhere = Object.keys(properties).every((key) => required.has(key));
  const paths: string[] = [];
  for (const [key, child] of Object.entries(properties)) {
    const sub = schemaLeaves(child, prefix ? `${prefix}.${key}` : key);
    paths.push(...sub.paths);
    requiredEverywhere &&= sub.requiredEverywhere;
  }
  return { paths, requiredEverywhere };
}

describe('the JSON Schema and the validator', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const schemaAccepts = ajv.compile(schema);

  it('is a valid draft 2020-12 schema that accepts what the app writes', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schemaAccepts(JSON.parse(serializeWeights(sampleModel())))).toBe(true);
  });

  it('requires exactly the fields the validator checks', () => {
    // Version 2's "intervals" are checked in weights-file-v2.test.ts.
    const v1Properties = Object.fromEntries(Object.entries(schema.properties as Json).filter(([key]) => key !== 'intervals'));
    const { paths, requiredEverywhere } = schemaLeaves({ ...schema, properties: v1Properties });
    expect(requiredEverywhere).toBe(true);
    expect(paths.filter((p) => p !== 'format' && p !== 'version').sort()).toEqual([...WEIGHTS_FIELD_PATHS].sort());
  });

  it('has the same choices and date pattern as the validator', () => {
    const training = (schema.properties as Record<string, Json>).training.properties as Record<string, Json>;
    expect(training.optimizer.enum).toEqual([...OPTIMIZERS]);
    expect(training.backend.enum).toEqual([...TRAINING_BACKENDS]);
    expect(training.date.pattern).toBe(ISO_DATE_TIME_PATTERN);
  });

  // Every field, replaced by values of every kind: the schema and the validator must agree on each.
  const probes: unknown[] = [undefined, null, 'abc', '', ' ', 0, -1, 1.5, 7, Infinity, -Infinity, true, [], {}, '2026-02-30T25:00:00Z'];
  const cases = [...WEIGHTS_FIELD_PATHS, 'format', 'version', 'feature', 'training', 'normalization.feature'].flatMap((path) =>
    probes.map((value) => [path, value] as const),
  );
  it.each(cases)('agree on %s = %j', (path, value) => {
    const json = sampleWith(path, value);
    expect(schemaAccepts(json)).toBe(validateWeights(json).ok);
  });

  it("both accept the example in the README's weights file section", () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## The weights file format'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(parseWeights(example).ok).toBe(true);
    expect(schemaAccepts(JSON.parse(example))).toBe(true);
  });

  it('agree on the top level not being an object', () => {
    for (const value of [null, [], 'x', 1]) expect(schemaAccepts(value)).toBe(validateWeights(value).ok);
  });
});
