/**
 * A trained model as the whole project passes it around: the raw-unit line plus what is needed to
 * explain, validate and resume it. The weights file is this object with a format name and version.
 */
import { columnUnit } from './columns.ts';
import type { Dataset } from './dataset.ts';
import { hashColumns } from './hash.ts';
import type { Line } from './predict.ts';
import { range, scalingOf, type Scaling } from './stats.ts';

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
}

/** What a data set says about the columns and scaling of a model trained on it. */
export function describeData(dataset: Dataset): Pick<Model, 'feature' | 'target' | 'normalization'> & {
  rows: number;
  dataHash: string;
} {
  const { min, max } = range(dataset.x);
  return {
    feature: { name: dataset.featureName, unit: columnUnit(dataset.featureName), min, max },
    target: { name: dataset.targetName, unit: columnUnit(dataset.targetName) },
    normalization: { feature: scalingOf(dataset.x), target: scalingOf(dataset.y) },
    rows: dataset.x.length,
    dataHash: hashColumns(dataset.x, dataset.y),
  };
}

/** Whether a model reads the data set's feature column and predicts its target column. */
export function fitsColumns(model: Pick<Model, 'feature' | 'target'>, dataset: Pick<Dataset, 'featureName' | 'targetName'>): boolean {
  return model.feature.name === dataset.featureName && model.target.name === dataset.targetName;
}
