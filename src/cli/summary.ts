/**
 * The text `train` prints before and after training.
 */
import { columnLabel } from '../core/data/columns.ts';
import { featureNamesOf, type Dataset } from '../core/data/dataset.ts';
import { modelFeatures } from '../core/model/model-features.ts';
import type { Model } from '../core/model/model.ts';
import { gapToOptimum } from '../core/stats/stats.ts';
import { formatPreciseLoss } from '../core/train/progress.ts';
import type { TrainingSettings } from '../core/settings/training-settings.ts';
import type { RunResult } from './training-run.ts';

/** "Training BMI → Life expectancy on 163 rows of data.csv, from w.json (100 epochs, MSE 43.021031): sgd, learning rate 0.1." */
export function formatStart(
  dataset: Dataset,
  dataName: string,
  settings: TrainingSettings,
  previous: Model | undefined,
  weightsPath: string,
): string {
  const columns = `${featureNamesOf(dataset).map(columnLabel).join(', ')} → ${columnLabel(dataset.targetName)}`;
  const from = previous
    ? `continuing from ${weightsPath} (${previous.training.epochs} epochs, MSE ${formatPreciseLoss(previous.training.trainMse)})`
    : 'from scratch';
  const batches = settings.batchSize > 0 ? `, batches of ${settings.batchSize}` : '';
  const split = settings.validationSplit > 0 ? `, ${settings.validationSplit} of the rows held out for validation` : '';
  // The seed only matters when something is shuffled.
  const seed = batches || split ? ` (seed ${settings.seed})` : '';
  return `Training ${columns} on ${dataset.x.length} rows of ${dataName}, ${from}: ${settings.epochs} epochs, ${settings.optimizer}, learning rate ${settings.learningRate}${batches}${split}${seed}.`;
}

/** The final line and its quality, compared with the closed-form least-squares optimum. */
export function formatSummary(result: RunResult, savedTo: string): string {
  const { model, metrics, epochsRun, seconds } = result;
  const gapPercent = gapToOptimum(metrics.train.mse, metrics.optimum.mse) * 100;
  const total = model.training.epochs === epochsRun ? '' : `, ${model.training.epochs} in total`;
  return [
    `Trained ${epochsRun} epoch${epochsRun === 1 ? '' : 's'} in ${seconds.toFixed(2)} s${total} (${model.training.backend} backend).`,
    ...coefficientLines(model),
    `  MSE        ${metrics.train.mse.toPrecision(10)}`,
    `  R²         ${metrics.train.r2.toFixed(6)}`,
    ...(metrics.validation
      ? [
          `  held out   MSE ${metrics.validation.mse.toPrecision(10)}, R² ${metrics.validation.r2.toFixed(6)} (the rows not trained on; MSE and R² above are on the ${model.training.rows} trained on)`,
        ]
      : []),
    `  gap to the closed-form optimum: ${gapPercent >= 0 ? '+' : ''}${gapPercent.toFixed(4)} % (optimum MSE ${metrics.optimum.mse.toPrecision(10)})`,
    `Saved ${savedTo}`,
  ].join('\n');
}

/** "  slope      2.518479439", "  intercept  7.227838343"; with several features, the intercept and each feature by name. */
function coefficientLines(model: Model): string[] {
  if (model.moreFeatures === undefined)
    return [`  slope      ${model.slope.toPrecision(10)}`, `  intercept  ${model.intercept.toPrecision(10)}`];
  const rows: [string, number][] = [
    ['intercept', model.intercept],
    ...modelFeatures(model).map((f): [string, number] => [f.feature.name, f.coefficient]),
  ];
  const width = Math.max(10, ...rows.map(([name]) => name.length + 1));
  const left = model.aliasedFeatures?.length ? [`  left out because of singularities: ${model.aliasedFeatures.join(', ')}`] : [];
  return [...rows.map(([name, value]) => `  ${name.padEnd(width)} ${value.toPrecision(10)}`), ...left];
}
