import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { predict } from '../../src/core/model/predict.ts';
import { parseWeights } from '../../src/core/model/weights-file.ts';
import { bundledCsv } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

const sampleText = readFileSync(fileURLToPath(new URL('../../public/sample-weights.json', import.meta.url)), 'utf8');

describe('the sample weights file the embed demo ships', () => {
  const parsed = parseWeights(sampleText);
  if (!parsed.ok) throw new Error(parsed.error);
  const sample = parsed.model;

  it('is a valid weights file holding the exact least-squares line of the bundled data', () => {
    expect(sample.slope).toBeCloseTo(REFERENCE.slope, 9);
    expect(sample.intercept).toBeCloseTo(REFERENCE.intercept, 9);
    expect(sample.training.trainMse).toBeCloseTo(REFERENCE.mse, 9);
    expect(sample.training.r2).toBeCloseTo(REFERENCE.r2, 6);
    expect(predict(sample, 28.45)).toBeCloseTo(REFERENCE.predictionAt28, 8);
    expect(sample.training).toMatchObject({ backend: 'closed-form', epochs: 0, rows: 163 });
  });

  it('is what scripts/make-sample-weights.ts makes from the data as it is now', () => {
    const data = parseCsv(bundledCsv);
    if (!data.ok) throw new Error(data.error);
    const fresh = closedFormModel(data.dataset, new Date(sample.training.date));
    expect(sample).toEqual(fresh);
  });
});
