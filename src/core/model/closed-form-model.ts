/**
 * The exact least-squares model of a data set, as a `Model` like any trained one: what a training run
 * converges to, computed directly. Used for the sample weights file the embed demo ships.
 */
import type { Dataset } from '../data/dataset.ts';
import { intervalStatistics } from '../stats/fit-summary.ts';
import { modelFromLine, type Model } from './model.ts';
import { fitOfMoments } from '../stats/moments.ts';
import { datasetMoments } from '../data/dataset-facts.ts';

export function closedFormModel(dataset: Dataset, date: Date): Model {
  // No iterations: the line is solved for, so there are no epochs and no learning rate. The format
  // requires an optimizer name; "sgd" with 0 epochs is the honest nearest.
  const line = fitOfMoments(datasetMoments(dataset));
  const model = modelFromLine(line, dataset, { epochs: 0, optimizer: 'sgd', learningRate: 0, backend: 'closed-form' }, date);
  return { ...model, intervals: intervalStatistics(line, datasetMoments(dataset), model.feature) };
}
