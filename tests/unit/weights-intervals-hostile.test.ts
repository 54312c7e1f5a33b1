/**
 * Issue 22, classes 3 and 4: an interval block that overflows when used, or that contradicts itself or
 * the rest of the file, is refused when the file is read (by the one validator the app, `<bmi-predictor>`,
 * `train` and `serve` share), naming the field; a model whose intervals would overflow is made without
 * them and says why; the t quantile is checked without distribution code, against R.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import type { Model } from '../../src/core/model/model.ts';
import { modelProblem, parseWeights, serializeWeights, validateWeights, WeightsWriteError } from '../../src/core/model/weights-file.ts';
import { studentTQuantile } from '../../src/core/stats/distributions.ts';
import { intervalStatistics } from '../../src/core/stats/fit-summary.ts';
import { intervalNoteAt, isIntervalBasis, NON_FINITE_INTERVAL_NOTE } from '../../src/core/stats/intervals.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';
import { isTQuantile95, T_QUANTILE_TOLERANCE, tQuantile95 } from '../../src/core/stats/t-quantile-95.ts';
import { weightsFromValue } from '../../src/embed/load-weights.ts';
import { bundledDataset } from './bundled-data.ts';

type Json = Record<string, unknown>;

const read = (name: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8'));
const R = read('./t-quantile-reference.json') as { table: number[]; df: number[]; quantile: number[] };
const schema = read('../../schema/bmi-predictor-weights.schema.json') as Json;
const schemaAccepts = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const exact = (): Model => closedFormModel(bundledDataset, new Date('2026-12-01T09:00:00.000Z'));
const fileWith = (intervals: Json, training: Json = {}): Json => {
  const json = JSON.parse(serializeWeights(exact())) as Json;
  json.intervals = { ...(json.intervals as Json), ...intervals };
  json.training = { ...(json.training as Json), ...training };
  return json;
};
const errorOf = (json: unknown): string => {
  const result = validateWeights(json);
  return result.ok ? 'accepted' : result.error;
};

describe('the 95% t quantile without distribution code', () => {
  it("is R's qt(0.975, df) within 2e-8 for 1 to 1e9 degrees of freedom", () => {
    R.table.forEach((t, i) => expect(Math.abs(tQuantile95(i + 1) / t - 1)).toBeLessThan(1e-14));
    R.df.forEach((df, i) => expect(Math.abs(tQuantile95(df) / R.quantile[i] - 1)).toBeLessThan(2e-8));
  });

  it('accepts what the app writes (jStat’s quantile) for every df up to 3,000 and at a million rows', () => {
    for (let df = 1; df <= 3000; df++) expect(isTQuantile95(studentTQuantile(0.975, df), df)).toBe(true);
    expect(isTQuantile95(studentTQuantile(0.975, 999_998), 999_998)).toBe(true);
  });

  it("refuses the neighbouring df's quantile, the normal quantile and nonsense", () => {
    expect(isTQuantile95(tQuantile95(160), 161)).toBe(false);
    expect(isTQuantile95(1.959963984540054, 161)).toBe(false);
    expect(isTQuantile95(1.9748080917517834 * (1 + 2 * T_QUANTILE_TOLERANCE), 161)).toBe(false);
    expect(tQuantile95(0)).toBeNaN();
    expect(tQuantile95(2.5)).toBeNaN();
  });

  it("the schema's bands hold R's quantile for every reference df", () => {
    const reference = [...R.table.map((t, i) => [i + 1, t]), ...R.df.map((df, i) => [df, R.quantile[i]])];
    for (const [df, t] of reference) {
      const json = fileWith({ rows: df + 2, degreesOfFreedom: df, tQuantile: t }, { rows: df + 2 });
      expect(schemaAccepts(json)).toBe(true);
      expect(schemaAccepts(fileWith({ rows: df + 2, degreesOfFreedom: df, tQuantile: t * 1.1 }, { rows: df + 2 }))).toBe(false);
    }
  });
});

describe('an interval block that contradicts the file is refused, naming the field', () => {
  it.each([
    [
      'rows that are not training.rows',
      { rows: 100, degreesOfFreedom: 98, tQuantile: tQuantile95(98) },
      /"intervals\.rows" must equal "training\.rows", 163 \(found 100\)/,
    ],
    [
      'degrees of freedom that are not rows − 2',
      { degreesOfFreedom: 160, tQuantile: tQuantile95(160) },
      /"intervals\.degreesOfFreedom" must be rows − 2 = 161 \(found 160\)/,
    ],
    [
      'degrees of freedom of rows − 1',
      { degreesOfFreedom: 162, tQuantile: tQuantile95(162) },
      /"intervals\.degreesOfFreedom" must be .* = 161 \(found 162\)/,
    ],
    [
      'a t quantile of another df',
      { tQuantile: tQuantile95(20) },
      /"intervals\.tQuantile" must be the 95% Student-t quantile with 161 degrees of freedom, 1\.974808 \(found 2\.08/,
    ],
    ['the normal quantile for t', { tQuantile: 1.96 }, /"intervals\.tQuantile" must be the 95% Student-t quantile/],
    ['a t quantile near 1e308', { tQuantile: 1e308 }, /"intervals\.residualStandardError" makes the 95% interval overflow/],
    ['a 90% level', { level: 0.9 }, /"intervals\.level" must be 0\.95 \(found 0\.9\)/],
  ])('%s', (_, intervals, message) => {
    const json = fileWith(intervals);
    expect(errorOf(json)).toMatch(message);
    // Read as the app, the CLI and the server read it (text), and as <bmi-predictor> takes a value: the
    // element, within its size budget, checks all but the t quantile's value.
    expect(parseWeights(JSON.stringify(json))).toEqual({ ok: false, error: expect.stringMatching(message) });
    const inElement = weightsFromValue(json);
    const t = (intervals as { tQuantile?: number }).tQuantile;
    if (Object.keys(intervals).length > 1 || t === undefined)
      expect(inElement).toEqual({ ok: false, error: expect.stringMatching(message) });
    // A t of another df passes there; one near 1e308 is refused all the same, as an overflow.
    else expect(inElement.ok).toBe(t > 13 ? false : true);
  });

  it('the schema refuses what it can express (level, a t quantile far from its df), and says the rest in words', () => {
    expect(schemaAccepts(fileWith({ level: 0.9 }))).toBe(false);
    expect(schemaAccepts(fileWith({ tQuantile: tQuantile95(20) }))).toBe(false);
    const described = JSON.stringify(schema);
    expect(described).toMatch(/must equal training\.rows/);
  });
});

describe('an interval block that overflows when used is refused at load, naming the field', () => {
  it.each([
    ['a residual standard error near 1e308', { residualStandardError: 1e308 }, 'residualStandardError'],
    ['the smallest double as Sxx', { featureSumOfSquares: 5e-324 }, 'featureSumOfSquares'],
    ['a subnormal Sxx', { featureSumOfSquares: 1e-310 }, 'featureSumOfSquares'],
    ['a feature mean near 1e308', { featureMean: 1.5e308 }, 'featureMean'],
    ['a huge feature mean', { featureMean: -1e200 }, 'featureMean'],
  ])('%s', (_, intervals, field) => {
    const message = new RegExp(`"intervals\\.${field}" makes the 95% interval overflow at Bmi \\d+(\\.\\d+)?`);
    const json = fileWith(intervals);
    expect(errorOf(json)).toMatch(message);
    expect(weightsFromValue(json)).toEqual({ ok: false, error: expect.stringMatching(message) });
    // The writer keeps the same rule: no such file is ever written.
    const model: Model = { ...exact(), intervals: { ...(exact().intervals as object), ...intervals } as Model['intervals'] };
    expect(modelProblem(model)).toMatch(message);
    expect(() => serializeWeights(model)).toThrow(WeightsWriteError);
  });

  it('a model whose intervals would overflow is made without them, saying why, and can be saved', () => {
    // A feature around 1e160 varying by 1e150: its sums are finite, but the range a model answers for
    // reaches 1e159 from the mean, whose square overflows.
    const x = [1e160, 1e160 + 1e150, 1e160 + 2e150, 1e160 + 3e150];
    const y = [1, 3, 2, 6];
    const moments = momentsOf(x, y);
    const line = { slope: moments.sxy / moments.sxx, intercept: moments.meanY - (moments.sxy / moments.sxx) * moments.meanX };
    const range = { min: Math.min(...x), max: Math.max(...x) };
    const intervals = intervalStatistics(line, moments, range);
    expect(intervals).toEqual({ unavailable: expect.stringMatching(/bounds overflow/) });
    const model = closedFormModel(
      { featureName: 'Dose', targetName: 'Yield', x: Float64Array.from(x), y: Float64Array.from(y) },
      new Date('2026-12-01T09:00:00.000Z'),
    );
    expect(model.intervals).toEqual(intervals);
    expect(parseWeights(serializeWeights(model))).toEqual({ ok: true, model });
    // Without the range (the old call) the same moments gave a basis whose intervals overflow at the range's end.
    const basis = intervalStatistics(line, moments);
    expect(isIntervalBasis(basis) && intervalNoteAt({ ...line, intervals: basis }, 1.1e160)).toBe(NON_FINITE_INTERVAL_NOTE);
  });

  it('the bundled model keeps its intervals (nothing overflows in its range)', () => {
    expect(isIntervalBasis(exact().intervals)).toBe(true);
    expect(errorOf(JSON.parse(serializeWeights(exact())))).toBe('accepted');
    expect(intervalNoteAt(exact(), 28.45)).toBeUndefined();
  });
});

describe('the joint interval block of several features', () => {
  const twoFeatures = (): Model =>
    closedFormModel(
      {
        featureName: 'Bmi',
        targetName: 'LifeExpectancy',
        x: Float64Array.from([20.6, 26.4, 24.6, 27.6, 22.3, 25.1, 29.8, 23.9]),
        y: Float64Array.from([52.8, 76.8, 75.5, 84.6, 56.7, 67, 80.1, 61]),
        moreFeatures: [{ name: 'Income', values: Float64Array.from([3, 9, 7, 11, 4, 6, 10, 5]) }],
      },
      new Date('2026-12-01T09:00:00.000Z'),
    );
  const jointWith = (intervals: Json, training: Json = {}): Json => {
    const json = JSON.parse(serializeWeights(twoFeatures())) as Json;
    json.intervals = { ...(json.intervals as Json), ...intervals };
    json.training = { ...(json.training as Json), ...training };
    return json;
  };

  it('is read when whole, and refused when its rows, df (rows − p, p = 3) or t contradict the file', () => {
    expect(errorOf(jointWith({}))).toBe('accepted');
    expect(errorOf(jointWith({ rows: 9, degreesOfFreedom: 6, tQuantile: tQuantile95(6) }))).toMatch(
      /"intervals\.rows" must equal "training\.rows", 8 \(found 9\)/,
    );
    expect(errorOf(jointWith({ degreesOfFreedom: 6, tQuantile: tQuantile95(6) }))).toMatch(
      /"intervals\.degreesOfFreedom" must be rows − 3 = 5 \(found 6\)/,
    );
    expect(errorOf(jointWith({ tQuantile: 1.96 }))).toMatch(
      /"intervals\.tQuantile" must be the 95% Student-t quantile with 5 degrees of freedom, 2\.570582/,
    );
  });
});
