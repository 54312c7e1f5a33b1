/**
 * The exact least-squares model of a data set, as a `Model` like any trained one: what a training run
 * converges to, computed directly. Used for the sample weights file the embed demo ships.
 */
import { datasetWithFeatures, featureColumns, featureNamesOf, type Dataset } from '../data/dataset.ts';
import { INTERVAL_LEVEL } from '../stats/intervals.ts';
import { intervalStatistics } from '../stats/fit-summary.ts';
import { modelFromHyperplane, modelFromLine, type LineOrigin, type Model } from './model.ts';
import { fitOfMoments } from '../stats/moments.ts';
import { datasetCrossProducts, datasetMoments } from '../data/dataset-facts.ts';
import { leastSquaresFit } from '../stats/least-squares-fit.ts';
import { jointIntervalStatistics } from '../stats/regression-summary.ts';

const CLOSED_FORM: LineOrigin = { epochs: 0, optimizer: 'sgd', learningRate: 0, backend: 'closed-form' };

/**
 * The exact least-squares model of the data set's features. A feature that is constant or a linear
 * combination of the ones before it is left out, as R's `lm` does, and named in `aliasedFeatures`;
 * the model then reads only the others.
 */
export function closedFormModel(dataset: Dataset, date: Date): Model {
  if (dataset.moreFeatures !== undefined) {
    const fit = leastSquaresFit(datasetCrossProducts(dataset));
    const names = featureNamesOf(dataset);
    if (fit.fitted.length === 0) throw new Error(`Every feature (${names.join(', ')}) is constant: there is nothing to fit.`);
    const model =
      fit.fitted.length === 1
        ? closedFormModel(datasetWithFeatures(dataset, fit.fitted), date)
        : {
            ...modelFromHyperplane(fit, datasetWithFeatures(dataset, fit.fitted), CLOSED_FORM, date),
            intervals: jointIntervalStatistics(
              fit,
              fit.moments,
              INTERVAL_LEVEL,
              fit.fitted.map((j) => featureColumns(dataset)[j].values),
            ),
          };
    return fit.aliased.length === 0 ? model : { ...model, aliasedFeatures: fit.aliased.map((j) => names[j]) };
  }
  // No iterations: the line is solved for, so there are no epochs and no learning rate. The format
  // requires an optimizer name; "sgd" with 0 epochs is the honest nearest.
  const line = fitOfMoments(datasetMoments(dataset));
  const model = modelFromLine(line, dataset, CLOSED_FORM, date);
  return { ...model, intervals: intervalStatistics(line, datasetMoments(dataset), model.feature) };
}
