import { describe, expect, it } from 'vitest';
import { modelFromLine } from '../../src/core/model/model.ts';
import { metricsOf } from '../../src/core/stats/stats.ts';
import { bundledDataset } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

describe('modelFromLine', () => {
  it('describes any line by the data set: columns, scaling, rows, its own fit, and the origin given', () => {
    const line = { slope: 2, intercept: 20 };
    const model = modelFromLine(
      line,
      bundledDataset,
      { epochs: 3, optimizer: 'adam', learningRate: 0.5, backend: 'cpu' },
      new Date('2026-01-02T03:04:05Z'),
    );
    const fit = metricsOf(line, bundledDataset.x, bundledDataset.y);
    expect(model).toMatchObject({ slope: 2, intercept: 20, feature: { name: 'Bmi' }, target: { name: 'LifeExpectancy' } });
    expect(model.training).toMatchObject({
      epochs: 3,
      optimizer: 'adam',
      learningRate: 0.5,
      backend: 'cpu',
      rows: 163,
      validationMse: null,
    });
    expect(model.training.date).toBe('2026-01-02T03:04:05.000Z');
    // From the data's moments, so equal to a direct pass over the rows to float64 rounding.
    expect(Math.abs(model.training.trainMse - fit.mse) / fit.mse).toBeLessThan(1e-13);
    expect(model.training.trainMse).toBeGreaterThan(REFERENCE.mse);
    expect(Math.abs(model.training.r2 - fit.r2)).toBeLessThan(1e-13);
  });
});
