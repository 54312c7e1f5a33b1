/**
 * Issue 10, item 1: no non-finite number is stored, shown or served. Each boundary refuses by name:
 * the weights writer, a data set whose statistics overflow, TF.js weights, a weights file whose
 * predictions overflow at the ends of its range, and a prediction that is not finite.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, type Dataset } from '../../src/core/data/dataset.ts';
import { modelFromLine, type Model } from '../../src/core/model/model.ts';
import { predictFinite, rangeEndsError } from '../../src/core/model/predict.ts';
import { leastSquares } from '../../src/core/stats/stats.ts';
import { lineFromWeightData, lineToWeightData, LINEAR_WEIGHT_SPECS } from '../../src/core/model/tfjs-linear-artifacts.ts';
import { modelFromTfjsLine } from '../../src/core/model/tfjs-model-json.ts';
import { parseWeights, serializeWeights, toWeightsFile, WeightsWriteError } from '../../src/core/model/weights-file.ts';
import { predictApiOf, predictionFor } from '../../src/server/predict-api.ts';
import { bundledCsv } from './bundled-data.ts';

function bundled(): Dataset {
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.dataset;
}

function goodModel(): Model {
  const dataset = bundled();
  return modelFromLine(
    leastSquares(dataset.x, dataset.y),
    dataset,
    { epochs: 0, optimizer: 'sgd', learningRate: 0, backend: 'cpu' },
    new Date('2026-12-01T00:00:00Z'),
  );
}

/** The bundled CSV with one typo row inserted as line 4 (header is line 1). */
function csvWithTypo(bmi: string): string {
  const lines = bundledCsv.trimEnd().split(/\r?\n/);
  lines.splice(3, 0, `Typo,70,${bmi}`);
  return `${lines.join('\n')}\n`;
}

describe('the weights writer refuses non-finite fields instead of writing null', () => {
  const cases: [string, (m: Model) => void, string][] = [
    ['a NaN slope', (m) => (m.slope = Number.NaN), '"slope" must be a finite number (found NaN)'],
    [
      'an infinite scaling',
      (m) => (m.normalization.feature.std = Infinity),
      '"normalization.feature.std" must be a positive number (found Infinity)',
    ],
    ['an infinite MSE', (m) => (m.training.trainMse = Infinity), '"training.trainMse"'],
  ];
  for (const [what, spoil, named] of cases) {
    it(`refuses ${what}, naming the field`, () => {
      const model = goodModel();
      spoil(model);
      expect(() => serializeWeights(model)).toThrow(WeightsWriteError);
      expect(() => serializeWeights(model)).toThrow(named);
      // The same refusal for IndexedDB records and TF.js metadata, which use the file object.
      expect(() => toWeightsFile(model)).toThrow(WeightsWriteError);
    });
  }

  it('writes a good model, null only where the format means "none" (no validation rows), that reads back', () => {
    const text = serializeWeights(goodModel());
    expect(text.match(/null/g)).toEqual(['null']);
    expect(text).toContain('"validationMse": null');
    expect(parseWeights(text).ok).toBe(true);
  });
});

describe('a data set whose statistics overflow is refused before training, naming the rows', () => {
  it('refuses BMI 1e200 on line 4 and names it', () => {
    const outcome = parseCsv(csvWithTypo('1e200'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toContain('line 4 (Bmi 1e+200)');
    expect(outcome.error).toMatch(/too large/);
  });

  it('names every offending row, counting them exactly', () => {
    const lines = bundledCsv.trimEnd().split(/\r?\n/);
    for (let i = 0; i < 7; i++) lines.splice(2, 0, `Typo${i},1e300,25`);
    const outcome = parseCsv(lines.join('\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatch(/^7 rows have values too large/);
    expect(outcome.error).toContain('line 3 (LifeExpectancy 1e+300)');
    expect(outcome.error).toContain('and 2 more');
  });

  it('still accepts large values whose statistics stay finite (1e150)', () => {
    const outcome = parseCsv(csvWithTypo('1e150'));
    expect(outcome.ok).toBe(true);
  });
});

describe('TF.js weights that are not finite are refused', () => {
  const bytes = (slope: number, intercept: number): ArrayBuffer => lineToWeightData({ slope, intercept });
  for (const [slope, intercept] of [
    [Number.NaN, 1],
    [1, Infinity],
    [-Infinity, 0],
  ] as const) {
    it(`refuses kernel ${slope}, bias ${intercept}`, () => {
      const read = lineFromWeightData(bytes(slope, intercept), LINEAR_WEIGHT_SPECS);
      expect(read).toEqual({ ok: false, error: expect.stringContaining('not finite') as unknown });
    });
  }

  it('accepts finite float32 weights', () => {
    expect(lineFromWeightData(bytes(2.5, 7.25), LINEAR_WEIGHT_SPECS)).toEqual({ ok: true, line: { slope: 2.5, intercept: 7.25 } });
  });

  it('refuses a line whose fit on the loaded data overflows', () => {
    const dataset = bundled();
    const huge: Dataset = { ...dataset, x: dataset.x.map((v) => v * 1e300) };
    const result = modelFromTfjsLine({ slope: 3e38, intercept: 0 }, undefined, huge);
    expect(result.ok).toBe(false);
  });
});

describe('a weights file is refused when its predictions at the ends of its range are not finite', () => {
  it('refuses slope 1e308 (it would predict Infinity) by saying so', () => {
    const file = JSON.parse(serializeWeights(goodModel())) as Record<string, unknown>;
    file.slope = 1e308;
    const result = parseWeights(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/predictions at the ends of the range it answers for .* not finite numbers/);
  });

  it('refuses to write such a model too', () => {
    const model = { ...goodModel(), slope: 1e308 };
    expect(() => serializeWeights(model)).toThrow(/not finite numbers/);
  });

  it('accepts the bundled data’s line', () => {
    const model = goodModel();
    expect(rangeEndsError(model, model.feature)).toBeUndefined();
  });
});

describe('a prediction that is not finite is a message, never a number', () => {
  it('predictFinite says so for an overflowing line', () => {
    const outcome = predictFinite({ slope: 1e308, intercept: 0 }, 28.45, 'BMI');
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining('no finite prediction for BMI 28.45') as unknown });
  });

  it('the server’s prediction is a refusal for such a model', () => {
    const api = predictApiOf({ ...goodModel(), slope: 1e308 });
    const outcome = predictionFor(28.45, api);
    expect(outcome.ok).toBe(false);
  });

  it('a finite prediction passes through unchanged', () => {
    expect(predictFinite({ slope: 2, intercept: 1 }, 3)).toEqual({ ok: true, value: 7 });
  });
});
