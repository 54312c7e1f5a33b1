/**
 * Interval statistics for a model described by the loaded data (a TF.js import without bmi-predictor
 * metadata), measured on that data. The fit summary and its distribution code load only now, so they
 * stay out of the page's first paint.
 */
import { featureColumns, type Dataset } from '../core/data/dataset.ts';
import { INTERVAL_LEVEL } from '../core/stats/intervals.ts';
import type { Model } from '../core/model/model.ts';
import { hyperplaneOf } from '../core/model/model-features.ts';
import { datasetCrossProducts, datasetMoments } from '../core/data/dataset-facts.ts';

export async function withIntervalsFrom(model: Model, dataset: Dataset): Promise<Model> {
  if (model.moreFeatures !== undefined) {
    const { jointIntervalStatistics } = await import('../core/stats/regression-summary.ts');
    const columns = featureColumns(dataset).map((column) => column.values);
    return { ...model, intervals: jointIntervalStatistics(hyperplaneOf(model), datasetCrossProducts(dataset), INTERVAL_LEVEL, columns) };
  }
  const { intervalStatistics } = await import('../core/stats/fit-summary.ts');
  return { ...model, intervals: intervalStatistics(model, datasetMoments(dataset), model.feature) };
}
