/**
 * A trained model as the whole project passes it around: the raw-unit line plus what is needed to
 * explain, validate and resume it. The weights file is this object with a format name and version.
 */
import { columnUnit } from '../data/columns.ts';
import type { Dataset } from '../data/dataset.ts';
import { datasetFeatureRange, datasetHash, datasetMoments, datasetScaling } from '../data/dataset-facts.ts';
import type { IntervalStatistics } from '../stats/intervals.ts';
import type { Line } from './predict.ts';
import { metricsAt } from '../stats/moments.ts';
import type { Scaling } from '../stats/stats.ts';

export type OptimizerName = 'sgd' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adam'];

export interface ColumnInfo {
  name: string;
  unit: string;
}

export interface FeatureInfo extends ColumnInfo {
  /** The feature's range in the training data. */
  min: number;
  max: number;
}

export interface Normalization {
  feature: Scaling;
  target: Scaling;
}

export interface TrainingInfo {
  epochs: number;
  optimizer: OptimizerName;
  learningRate: number;
  trainMse: number;
  validationMse: number | null;
  r2: number;
  backend: string;
  rows: number;
  dataHash: string;
  /** ISO 8601 time the model was produced. */
  date: string;
}

export interface Model extends Line {
  feature: FeatureInfo;
  target: ColumnInfo;
  normalization: Normalization;
  training: TrainingInfo;
  /**
   * What 95% intervals around a prediction need, from the training rows (or why there are none).
   * Absent only for a model read from a version 1 weights file.
   */
  intervals?: IntervalStatistics;
}

/** What a data set says about the columns and scaling of a model trained on it. */
export function describeData(dataset: Dataset): Pick<Model, 'feature' | 'target' | 'normalization'> & {
  rows: number;
  dataHash: string;
} {
  const { min, max } = datasetFeatureRange(dataset);
  const { feature, target } = datasetScaling(dataset);
  return {
    feature: { name: dataset.featureName, unit: columnUnit(dataset.featureName), min, max },
    target: { name: dataset.targetName, unit: columnUnit(dataset.targetName) },
    // Copies: a model is the caller's to keep, the remembered facts are shared.
    normalization: { feature: { ...feature }, target: { ...target } },
    rows: dataset.x.length,
    dataHash: datasetHash(dataset),
  };
}

/** Whether a model reads the data set's feature column and predicts its target column. */
export function fitsColumns(model: Pick<Model, 'feature' | 'target'>, dataset: Pick<Dataset, 'featureName' | 'targetName'>): boolean {
  return model.feature.name === dataset.featureName && model.target.name === dataset.targetName;
}

/** How a line came about: what a model's metadata says beyond what the data set gives. */
export type LineOrigin = Pick<TrainingInfo, 'epochs' | 'optimizer' | 'learningRate' | 'backend'>;

/**
 * A line as a whole `Model` described by `dataset`: its columns, scaling, rows and hash, and the
 * line's fit on every row (no validation rows). For lines not produced by a training run here: the
 * closed-form solution, an imported TF.js model, test fixtures.
 */
export function modelFromLine(line: Line, dataset: Dataset, origin: LineOrigin, date: Date): Model {
  const { rows, dataHash, ...columns } = describeData(dataset);
  const { mse, r2 } = metricsAt(datasetMoments(dataset), line);
  return {
    slope: line.slope,
    intercept: line.intercept,
    ...columns,
    training: { ...origin, trainMse: mse, validationMse: null, r2, rows, dataHash, date: date.toISOString() },
  };
}
