/**
 * The exact least-squares model of a data set, as a `Model` like any trained one: what a training run
 * converges to, computed directly. Used for the sample weights file the embed demo ships.
 */
import type { Dataset } from './dataset.ts';
import { describeData, type Model } from './model.ts';
import { leastSquares, metricsOf } from './stats.ts';

export function closedFormModel(dataset: Dataset, date: Date): Model {
  const { rows, dataHash, ...columns } = describeData(dataset);
  const line = leastSquares(dataset.x, dataset.y);
  const { mse, r2 } = metricsOf(line, dataset.x, dataset.y);
  return {
    ...line,
    ...columns,
    training: {
      // No iterations: the line is solved for, so there are no epochs and no learning rate. The format
      // requires an optimizer name; "sgd" with 0 epochs is the honest nearest.
      epochs: 0,
      optimizer: 'sgd',
      learningRate: 0,
      trainMse: mse,
      validationMse: null,
      r2,
      backend: 'closed-form',
      rows,
      dataHash,
      date: date.toISOString(),
    },
  };
}
