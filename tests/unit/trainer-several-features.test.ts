import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type Dataset } from '../../src/core/data/dataset.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { hyperplaneOf, modelFeatureNames } from '../../src/core/model/model-features.ts';
import { isJointIntervalBasis } from '../../src/core/stats/intervals.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { Trainer, type TrainingProgress } from '../../src/core/train/trainer.ts';
import { serializeWeights, parseWeights } from '../../src/core/model/weights-file.ts';
import { rFixture } from './r-lm-fixtures.ts';
import { relativeError } from './statistics-reference.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function datasetOf(name: string, features?: string[]): Dataset {
  const { fixture, csv } = rFixture(name);
  const parsed = parseCsv(csv, { features: features ?? fixture.features, target: fixture.target });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.dataset;
}

const ALL_ROWS = { ...DEFAULT_SETTINGS, validationSplit: 0 };

// Thousands of epochs on the CPU backend: seconds alone, longer beside the rest of the suite.
describe('training on several features (TF.js per-op loop, matMul, CPU backend)', { timeout: 60_000 }, () => {
  it('converges to R’s coefficients on stackloss with SGD, full batch', async () => {
    const { fixture } = rFixture('stackloss');
    const result = await new Trainer(datasetOf('stackloss'), { ...ALL_ROWS, epochs: 3000, learningRate: 0.3 }).run();
    const plane = hyperplaneOf(result.model);
    const wanted = fixture.coefficients.map((term) => term.estimate!);
    expect(relativeError(plane.intercept, wanted[0])).toBeLessThan(1e-3);
    plane.coefficients.forEach((c, j) => expect(relativeError(c, wanted[j + 1]), fixture.features[j]).toBeLessThan(2e-3));
    expect(modelFeatureNames(result.model)).toEqual(fixture.features);
    expect(relativeError(result.metrics.train.mse, result.metrics.optimum.mse)).toBeLessThan(1e-6);
    expect(isJointIntervalBasis(result.model.intervals)).toBe(true);
    // A version 3 weights file that reads back as the same model.
    const read = parseWeights(serializeWeights(result.model));
    expect(read.ok && read.model).toEqual(result.model);
  });

  it('with Adam and mini-batches, reports every feature’s weight on the path and reaches the optimum’s MSE', async () => {
    const points: TrainingProgress['points'] = [];
    const result = await new Trainer(
      datasetOf('trees'),
      { ...ALL_ROWS, epochs: 400, optimizer: 'adam', learningRate: 0.01, batchSize: 8 },
      null,
      { onProgress: (p) => points.push(...p.points) },
    ).run();
    expect(points.at(-1)!.line!.moreWeights).toHaveLength(1);
    expect(result.metrics.train.mse).toBeLessThan(result.metrics.optimum.mse * 1.02);
  });

  it('stops early and says so, keeping the best weights', async () => {
    const result = await new Trainer(datasetOf('swiss'), {
      ...ALL_ROWS,
      epochs: 5000,
      learningRate: 0.5,
      earlyStopping: { patience: 3, minImprovement: 1e-3 },
    }).run();
    expect(result.end.reason).toBe('early-stopped');
    expect(result.model.moreFeatures).toHaveLength(4);
  });

  it('stops a diverging run and keeps the last good weights, all finite', async () => {
    const result = await new Trainer(datasetOf('swiss'), { ...ALL_ROWS, epochs: 200, learningRate: 10 }).run();
    expect(result.end.reason).toBe('diverged');
    expect([...hyperplaneOf(result.model).coefficients, result.model.intercept].every(Number.isFinite)).toBe(true);
  });

  it('continues from a model of the same features, its epochs counting on', async () => {
    const data = datasetOf('trees');
    const first = await new Trainer(data, { ...ALL_ROWS, epochs: 20 }).run();
    const second = await new Trainer(data, { ...ALL_ROWS, epochs: 30 }, first.model).run();
    expect(second.model.training.epochs).toBe(50);
    expect(second.metrics.train.mse).toBeLessThanOrEqual(first.metrics.train.mse);
  });

  it('refuses to continue a model of other features, naming both', () => {
    const model = closedFormModel(datasetOf('trees'), new Date());
    expect(() => new Trainer(datasetOf('trees', ['Height', 'Girth']), ALL_ROWS, model)).toThrow(
      'The model to continue reads Girth, Height, and this run trains on Height, Girth: continue only with the same features, in the same order.',
    );
  });

  it('leaves out and names a feature that is a linear combination of the others, as R does', async () => {
    const result = await new Trainer(datasetOf('stackloss-collinear'), { ...ALL_ROWS, epochs: 50 }).run();
    expect(result.model.aliasedFeatures).toEqual(['Air.Plus.Water', 'Plant']);
    expect(modelFeatureNames(result.model)).toEqual(['Air.Flow', 'Water.Temp', 'Acid.Conc.']);
    expect(isJointIntervalBasis(result.model.intervals)).toBe(true);
  });
});
