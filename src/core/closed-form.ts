/**
 * The exact least-squares model of a data set, as a full `Model`: the converged answer, for sample
 * weights files and benchmarks that need a trained model without training one.
 */
import type { Dataset } from './dataset.ts';
import { describeData, type Model } from './model.ts';
import { leastSquares, metricsOf } from './stats.ts';

export function closedFormModel(dataset: Dataset, date = new Date()): Model {
  const line = leastSquares(dataset.x, dataset.y);
  const metrics = metricsOf(line, dataset.x, dataset.y);
  const { feature, target, normalization, rows, dataHash } = describeData(dataset);
  return {
    ...line,
    feature,
    target,
    normalization,
    training: {
      epochs: 0,
      optimizer: 'sgd',
      learningRate: 0,
      trainMse: metrics.mse,
      validationMse: null,
      r2: metrics.r2,
      backend: 'closed-form',
      rows,
      dataHash,
      date: date.toISOString(),
    },
  };
}
