import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import type { Model } from '../../src/core/model/model.ts';
import { hyperplaneOf, modelFeatureNames } from '../../src/core/model/model-features.ts';
import {
  SEVERAL_FEATURES_WEIGHTS_VERSION,
  WEIGHTS_VERSION,
  WeightsWriteError,
  parseWeights,
  serializeWeights,
  toWeightsFile,
  validateWeights,
} from '../../src/core/model/weights-file.ts';
import { JOINT_BASIS_FIELDS, JOINT_BASIS_REQUIRED_FIELDS, MORE_FEATURE_FIELD_PATHS } from '../../src/core/model/weights-more-features.ts';
import { isJointIntervalBasis, jointIntervalsAt, leverageOutside, type JointIntervalBasis } from '../../src/core/stats/intervals.ts';
import { bundledDataset } from './bundled-data.ts';
import { R_LM_DATA_SETS, rFixture } from './r-lm-fixtures.ts';
import { relativeError } from './statistics-reference.ts';
import { tQuantile95 } from '../../src/core/stats/t-quantile-95.ts';

type Json = Record<string, unknown>;

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../schema/bmi-predictor-weights.schema.json', import.meta.url)), 'utf8'),
) as Json;
const schemaAccepts = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

function exactModelOf(name: string): Model {
  const { fixture, csv } = rFixture(name);
  const parsed = parseCsv(csv, { features: fixture.features, target: fixture.target });
  if (!parsed.ok) throw new Error(parsed.error);
  return closedFormModel(parsed.dataset, new Date('2026-12-05T09:00:00.000Z'));
}

const swiss = (): Model => exactModelOf('swiss');
const v3Json = (): Json => JSON.parse(serializeWeights(swiss())) as Json;

function refusal(json: unknown): string {
  const result = validateWeights(json);
  return result.ok ? 'accepted' : result.error;
}

/** Sets a dotted path (array indices as numbers) in a fresh copy of the version 3 file; undefined deletes it. */
function v3With(path: string, value: unknown): Json {
  const json = v3Json();
  const keys = path.split('.');
  let node = json as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return json;
}

describe('weights file version 3: several features', () => {
  it('is written for a model of several features, and one-feature models stay version 2', () => {
    expect(v3Json().version).toBe(SEVERAL_FEATURES_WEIGHTS_VERSION);
    expect(toWeightsFile(closedFormModel(bundledDataset, new Date())).version).toBe(WEIGHTS_VERSION);
    expect(schemaAccepts(v3Json())).toBe(true);
  });

  it('carries every feature’s name, unit, training range, mean and coefficient, and the joint interval statistics', () => {
    const json = v3Json();
    expect((json.feature as Json).name).toBe('Agriculture');
    const more = json.moreFeatures as { feature: Json; scaling: Json; coefficient: number }[];
    expect(more.map((entry) => entry.feature.name)).toEqual(['Examination', 'Education', 'Catholic', 'Infant.Mortality']);
    expect(Object.keys(more[0]).sort()).toEqual(['coefficient', 'feature', 'scaling']);
    const intervals = json.intervals as Json;
    expect(Object.keys(intervals).sort()).toEqual([...JOINT_BASIS_FIELDS].sort());
    expect((intervals.inverseCrossProducts as number[][]).map((row) => row.length)).toEqual([5, 5, 5, 5, 5]);
  });

  it('round-trips exactly and predicts R’s intervals from the file alone', () => {
    const model = swiss();
    const read = parseWeights(serializeWeights(model));
    if (!read.ok) throw new Error(read.error);
    expect(read.model).toEqual(model);
    const { fixture } = rFixture('swiss');
    const point = fixture.predictions[1];
    if (!isJointIntervalBasis(read.model.intervals)) throw new Error('no joint intervals');
    const inputs = modelFeatureNames(read.model).map((name) => point.inputs[name]);
    const intervals = jointIntervalsAt(hyperplaneOf(read.model), read.model.intervals, inputs)!;
    expect(relativeError(intervals.predictionInterval.low, point.prediction[0])).toBeLessThan(1e-6);
    expect(relativeError(intervals.predictionInterval.high, point.prediction[1])).toBeLessThan(1e-6);
    expect(relativeError(intervals.confidenceInterval.low, point.confidence[0])).toBeLessThan(1e-6);
  });

  it('keeps the features left out because of singularities', () => {
    const model = exactModelOf('stackloss-collinear');
    const read = parseWeights(serializeWeights(model));
    expect(read.ok && read.model.aliasedFeatures).toEqual(['Air.Plus.Water', 'Plant']);
  });

  it.each([
    ['no features after the first', v3With('moreFeatures', undefined), /"moreFeatures" must be a list of at least one feature/],
    ['an empty list of further features', v3With('moreFeatures', []), /"moreFeatures" must be a list of at least one feature/],
    [
      'a coefficient that is not a number',
      v3With('moreFeatures.1.coefficient', 'steep'),
      /"moreFeatures\.1\.coefficient" must be a finite number \(found "steep"\)/,
    ],
    [
      'an overflowing coefficient',
      JSON.parse(JSON.stringify(v3Json()).replace(/"coefficient": ?[^,}]+/, '"coefficient": 1e999')),
      /"moreFeatures\.0\.coefficient" must be a finite number \(found Infinity\)/,
    ],
    ['a feature without a name', v3With('moreFeatures.0.feature.name', undefined), /"moreFeatures\.0\.feature\.name" is missing/],
    ['a zero scaling', v3With('moreFeatures.2.scaling.std', 0), /"moreFeatures\.2\.scaling\.std" must be a positive number/],
    ['a feature named twice', v3With('moreFeatures.3.feature.name', 'agriculture'), /the feature "agriculture" is named twice/],
    [
      'means of the wrong size',
      v3With('intervals.featureMeans', [1, 2, 3]),
      /"intervals\.featureMeans" must be a list of 5 numbers, one per feature \(found 3\)/,
    ],
    [
      'a matrix of the wrong size',
      v3With('intervals.inverseCrossProducts', [[1]]),
      /"intervals\.inverseCrossProducts" must be 5 rows of 5 numbers \(found 1 rows\)/,
    ],
    [
      'a short matrix row',
      v3With('intervals.inverseCrossProducts.2', [1, 0]),
      /"intervals\.inverseCrossProducts\.2" must be a list of 5 numbers/,
    ],
    [
      'a matrix value that is not a number',
      v3With('intervals.inverseCrossProducts.1.3', null),
      /"intervals\.inverseCrossProducts\.1\.3" must be a finite number \(found null\)/,
    ],
    [
      'a non-symmetric matrix',
      v3With('intervals.inverseCrossProducts.0.1', 5),
      /must be symmetric, but row 1 column 0 is .* and row 0 column 1 is 5/,
    ],
    ['too few rows for the features', v3With('intervals.rows', 6), /"intervals\.rows" must be at least 7 for 5 features \(found 6\)/],
    ['no intervals', v3With('intervals', undefined), /missing "intervals" \(version 3 files carry/],
    ['aliased features that are not names', v3With('aliasedFeatures', [1]), /"aliasedFeatures" must be a list of feature names/],
  ])('refuses %s, naming the field', (_, json, message) => {
    expect(refusal(json)).toMatch(message);
  });

  it('refuses a matrix that is symmetric but not positive definite', () => {
    const identity = (d: number, at: number, value: number) =>
      Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? (i === at ? value : 1) : 0)));
    expect(refusal(v3With('intervals.inverseCrossProducts', identity(5, 3, -1)))).toMatch(
      /"intervals\.inverseCrossProducts" must be positive definite/,
    );
    expect(refusal(v3With('intervals.inverseCrossProducts', identity(5, 3, 2)))).toBe('accepted');
  });

  it('refuses to write a model with a coefficient that is not finite, or a feature named twice', () => {
    const model = swiss();
    model.moreFeatures![0].coefficient = Number.NaN;
    expect(() => toWeightsFile(model)).toThrow(WeightsWriteError);
    expect(() => toWeightsFile(model)).toThrow(/"moreFeatures\.0\.coefficient" must be a finite number \(found NaN\)/);
    const twice = swiss();
    twice.moreFeatures![1].feature.name = 'AGRICULTURE';
    expect(() => toWeightsFile(twice)).toThrow(/named twice/);
  });

  it('refuses coefficients whose predictions overflow over the ranges the model answers for', () => {
    expect(refusal(v3With('moreFeatures.0.coefficient', 1e307))).toMatch(/predictions over the ranges it answers for overflow/);
  });
});

/**
 * A probe of `intervals.rows` that is a valid count moves the fields tied to it along (training.rows,
 * the degrees of freedom, the t quantile), so the probe checks the field's own rule: the validator also
 * checks how the fields relate, which JSON Schema cannot express (issue 22, class 4).
 */
function keepRowsConsistent(json: Json, path: string, value: unknown): void {
  if (path !== 'intervals.rows' || typeof value !== 'number' || !Number.isInteger(value)) return;
  const intervals = json.intervals as Json;
  // The plane's parameters: an intercept and a coefficient per feature.
  const parameters = (json.moreFeatures as unknown[]).length + 2;
  if (value - parameters < 1) return;
  intervals.degreesOfFreedom = value - parameters;
  intervals.tQuantile = tQuantile95(value - parameters);
  (json.training as Json).rows = value;
}

describe('the JSON Schema and the validator agree on version 3', () => {
  it('list the same fields of a further feature and of the joint interval basis, all required', () => {
    const defs = schema.$defs as Record<string, Json>;
    const feature = defs.moreFeature.properties as Record<string, Json>;
    const paths = Object.entries(feature).flatMap(([key, child]) =>
      child.properties
        ? Object.keys(child.properties as Json).map((sub) => `${key}.${sub}`)
        : child.$ref === '#/$defs/scaling'
          ? ['mean', 'std'].map((sub) => `${key}.${sub}`)
          : [key],
    );
    expect(paths.sort()).toEqual([...MORE_FEATURE_FIELD_PATHS].sort());
    expect(Object.keys(defs.jointIntervalBasis.properties as Json).sort()).toEqual([...JOINT_BASIS_FIELDS].sort());
    expect([...(defs.jointIntervalBasis.required as string[])].sort()).toEqual([...JOINT_BASIS_REQUIRED_FIELDS].sort());
  });

  const probes: unknown[] = [undefined, null, 'abc', '', ' ', 0, -1, 0.5, 1, 1.5, 7, 1000, true, [], {}];
  const paths = [
    ...MORE_FEATURE_FIELD_PATHS.map((path) => `moreFeatures.0.${path}`),
    'moreFeatures.0',
    'moreFeatures',
    'aliasedFeatures',
    ...['level', 'rows', 'residualStandardError', 'degreesOfFreedom', 'tQuantile', 'maxLeverage'].map((path) => `intervals.${path}`),
    'intervals',
  ];
  it.each(paths.flatMap((path) => probes.map((value) => [path, value] as const)))('agree on %s = %j', (path, value) => {
    const json = v3With(path, value);
    keepRowsConsistent(json, path, value);
    expect(schemaAccepts(json)).toBe(validateWeights(json).ok);
  });
});

describe("the joint range: the training rows' largest leverage", () => {
  it.each(R_LM_DATA_SETS)(
    '%s: is R’s max(hatvalues()), kept through the file; a point is outside when its leverage (R’s) is above it',
    (name) => {
      const { fixture } = rFixture(name);
      const read = parseWeights(serializeWeights(exactModelOf(name)));
      if (!read.ok) throw new Error(read.error);
      const { model } = read;
      if (!isJointIntervalBasis(model.intervals)) throw new Error('no joint intervals');
      const basis = model.intervals;
      expect(relativeError(basis.maxLeverage!, Math.max(...fixture.leverage))).toBeLessThan(1e-9);
      const fitted = modelFeatureNames(model);
      for (const point of fixture.predictions) {
        const inputs = fitted.map((feature) => point.inputs[feature]);
        const outside = leverageOutside(basis, inputs);
        expect(outside !== undefined, `${JSON.stringify(point.inputs)}: leverage ${point.leverage}`).toBe(
          point.leverage > basis.maxLeverage!,
        );
        if (outside !== undefined) expect(relativeError(outside, point.leverage)).toBeLessThan(1e-9);
      }
    },
  );

  it('stackloss: a point with every value inside its own range is outside the joint range', () => {
    const { fixture } = rFixture('stackloss');
    const model = exactModelOf('stackloss');
    const point = fixture.predictions[2];
    const ranges = [model.feature, ...model.moreFeatures!.map((more) => more.feature)];
    expect(ranges.every((range) => point.inputs[range.name] >= range.min && point.inputs[range.name] <= range.max)).toBe(true);
    expect(leverageOutside(model.intervals as JointIntervalBasis, Object.values(point.inputs))).toBeGreaterThan(0.8);
  });

  it('is optional (older files have none) and, when present, a number above 0 and at most 1, named when wrong', () => {
    expect(refusal(v3With('intervals.maxLeverage', undefined))).toBe('accepted');
    expect(refusal(v3With('intervals.maxLeverage', 1))).toBe('accepted');
    for (const wrong of [0, -0.1, 1.5, '0.5', null]) {
      expect(refusal(v3With('intervals.maxLeverage', wrong))).toMatch(/"intervals\.maxLeverage" must be a number above 0 and at most 1/);
    }
  });
});
