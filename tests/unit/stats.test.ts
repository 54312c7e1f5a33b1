import { describe, expect, it } from 'vitest';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { predict } from '../../src/core/model/predict.ts';
import { gapToOptimum, leastSquares, lineToRawUnits, lineToScaledUnits, metricsOf, scalingOf } from '../../src/core/stats/stats.ts';
import { toWeightsFile, validateWeights } from '../../src/core/model/weights-file.ts';
import { bundledDataset } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

const { x, y } = bundledDataset;

describe('closed-form least squares on the bundled data', () => {
  const line = leastSquares(x, y);
  const metrics = metricsOf(line, x, y);

  it('matches the reference slope, intercept and MSE to 1e-6', () => {
    expect(x.length).toBe(163);
    expect(line.slope).toBeCloseTo(REFERENCE.slope, 6);
    expect(line.intercept).toBeCloseTo(REFERENCE.intercept, 6);
    expect(metrics.mse).toBeCloseTo(REFERENCE.mse, 6);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(REFERENCE.mse), 6);
    expect(metrics.r2).toBeCloseTo(REFERENCE.r2, 6);
  });

  it('predicts the reference values', () => {
    expect(predict(line, 21.07931)).toBeCloseTo(REFERENCE.predictionAt21, 6);
    expect(predict(line, 28.45)).toBeCloseTo(REFERENCE.predictionAt28, 6);
  });

  it('converts lines between raw and standardized units both ways', () => {
    const sx = scalingOf(x);
    const sy = scalingOf(y);
    const scaled = lineToScaledUnits(line, sx, sy);
    // On standardized data the optimal slope is the correlation and the intercept 0.
    expect(scaled.slope).toBeCloseTo(Math.sqrt(REFERENCE.r2), 6);
    expect(scaled.intercept).toBeCloseTo(0, 9);
    const back = lineToRawUnits(scaled, sx, sy);
    expect(back.slope).toBeCloseTo(line.slope, 9);
    expect(back.intercept).toBeCloseTo(line.intercept, 9);
  });

  it('reports the gap to the optimum as a fraction', () => {
    expect(gapToOptimum(REFERENCE.mse * 1.001, REFERENCE.mse)).toBeCloseTo(0.001, 9);
    expect(gapToOptimum(REFERENCE.mse, REFERENCE.mse)).toBe(0);
  });

  it('handles a constant feature without dividing by zero', () => {
    const flat = leastSquares([3, 3, 3], [1, 2, 3]);
    expect(flat).toEqual({ slope: 0, intercept: 2 });
    expect(scalingOf([5, 5]).std).toBe(1);
  });
});

describe('closedFormModel', () => {
  it('is the reference line with full metadata that passes the weights validator', () => {
    const model = closedFormModel(bundledDataset, new Date('2026-01-02T03:04:05Z'));
    expect(model.slope).toBeCloseTo(REFERENCE.slope, 9);
    expect(model.training).toMatchObject({ backend: 'closed-form', rows: 163, date: '2026-01-02T03:04:05.000Z' });
    expect(model.training.trainMse).toBeCloseTo(REFERENCE.mse, 9);
    expect(validateWeights(JSON.parse(JSON.stringify(toWeightsFile(model)))).ok).toBe(true);
  });
});
