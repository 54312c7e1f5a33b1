/**
 * The rows a model's coefficients are about: a data set chosen with several features may hold one
 * that the fit left out because of singularities (as R's `lm` does), which the coefficients skip.
 */
import { datasetWithFeatures, featureColumns, type Dataset } from '../data/dataset.ts';
import { datasetCrossProducts } from '../data/dataset-facts.ts';
import { leastSquaresFit } from '../stats/least-squares-fit.ts';
import { modelFeatureNames } from './model-features.ts';
import type { Model } from './model.ts';

/** The data set with the model's features only, in its order; undefined when the data lacks one of them. */
export function datasetOfModel(model: Pick<Model, 'feature' | 'moreFeatures'>, dataset: Dataset): Dataset | undefined {
  const names = featureColumns(dataset).map((column) => column.name);
  const indices = modelFeatureNames(model).map((name) => names.indexOf(name));
  if (indices.some((j) => j < 0)) return undefined;
  return indices.length === names.length && indices.every((j, i) => j === i) ? dataset : datasetWithFeatures(dataset, indices);
}

/**
 * The data set with the features that `count` coefficients (a run's weights) belong to: every one, or
 * those the exact fit of the rows keeps; undefined when neither has that many.
 */
export function datasetForCoefficients(dataset: Dataset, count: number): Dataset | undefined {
  const all = featureColumns(dataset).length;
  if (count === all) return dataset;
  const { fitted } = leastSquaresFit(datasetCrossProducts(dataset));
  return fitted.length === count ? datasetWithFeatures(dataset, fitted) : undefined;
}
