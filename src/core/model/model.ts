/**
 * A trained model as the whole project passes it around: the raw-unit line plus what is needed to
 * explain, validate and resume it. The weights file is this object with a format name and version.
 */
import { columnUnit } from '../data/columns.ts';
import type { Dataset } from '../data/dataset.ts';
import { featureNamesOf } from '../data/feature-columns.ts';

import {
  datasetCrossProducts,
  datasetFeatureRange,
  datasetFeatureRanges,
  datasetHash,
  datasetMoments,
  datasetMoreScalings,
  datasetScaling,
} from '../data/dataset-facts.ts';
import { mseOfHyperplane } from '../stats/cross-products.ts';
import type { Hyperplane } from './predict.ts';
import type { IntervalStatistics } from '../stats/intervals.ts';
import type { Line } from './predict.ts';
import { metricsAt } from '../stats/moments.ts';
import type { Scaling } from '../stats/stats.ts';

export type OptimizerName = 'sgd' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adam'];
/** Each optimizer's name as people write it. */
export const OPTIMIZER_LABELS: Readonly<Record<OptimizerName, string>> = { sgd: 'SGD', adam: 'Adam' };

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

/** One feature of a model: its column, its scaling in training and its raw-unit coefficient. */
export interface ModelFeature {
  feature: FeatureInfo;
  scaling: Scaling;
  coefficient: number;
}

/**
 * A model of one or more features. The first feature is `feature`, `normalization.feature` and
 * `slope` (a one-feature model is a line); the others, when there are several, follow in
 * `moreFeatures`. `modelFeatures` and `hyperplaneOf` see them all alike.
 */
export interface Model extends Line {
  feature: FeatureInfo;
  /** The features after the first, in order; absent for a one-feature model. */
  moreFeatures?: ModelFeature[];
  /**
   * Features chosen for the model but left out of it because of singularities (constant, or a linear
   * combination of the others), as R's `lm` reports them; absent when none was.
   */
  aliasedFeatures?: string[];
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

/** The features after the first (none with one feature): column and scaling; the coefficient is the model's. */
export function describeMoreFeatures(dataset: Dataset): Omit<ModelFeature, 'coefficient'>[] {
  if (dataset.moreFeatures === undefined) return [];
  const ranges = datasetFeatureRanges(dataset);
  const scalings = datasetMoreScalings(dataset);
  return dataset.moreFeatures.map(({ name }, j) => ({
    feature: { name, unit: columnUnit(name), min: ranges[j + 1].min, max: ranges[j + 1].max },
    scaling: { ...scalings[j] },
  }));
}

/** Whether a model reads the data set's feature columns (the same, in the same order) and predicts its target column. */
export function fitsColumns(
  model: Pick<Model, 'feature' | 'target' | 'moreFeatures' | 'aliasedFeatures'>,
  dataset: Pick<Dataset, 'featureName' | 'targetName' | 'moreFeatures'>,
): boolean {
  const names = [model.feature.name, ...(model.moreFeatures ?? []).map((more) => more.feature.name)];
  // The features the model left out because of singularities were chosen too: the data still has them.
  const aliased = model.aliasedFeatures ?? [];
  const wanted = featureNamesOf(dataset).filter((name) => !aliased.includes(name));
  return names.length === wanted.length && names.every((name, j) => name === wanted[j]) && model.target.name === dataset.targetName;
}

/** How a line came about: what a model's metadata says beyond what the data set gives. */
export type LineOrigin = Pick<TrainingInfo, 'epochs' | 'optimizer' | 'learningRate' | 'backend'>;

/**
 * A line as a whole `Model` described by `dataset`: its columns, scaling, rows and hash, and the
 * line's fit on every row (no validation rows). For lines not produced by a training run here: the
 * closed-form solution, an imported TF.js model, test fixtures.
 */
export function modelFromLine(line: Line, dataset: Dataset, origin: LineOrigin, date: Date): Model {
  if (dataset.moreFeatures !== undefined)
    throw new Error(`A line has one coefficient; the data set has ${dataset.moreFeatures.length + 1} features.`);
  const { rows, dataHash, ...columns } = describeData(dataset);
  const { mse, r2 } = metricsAt(datasetMoments(dataset), line);
  return {
    slope: line.slope,
    intercept: line.intercept,
    ...columns,
    training: { ...origin, trainMse: mse, validationMse: null, r2, rows, dataHash, date: date.toISOString() },
  };
}

/**
 * Raw-unit coefficients (one per feature of `dataset`, in order) as a whole `Model`, as
 * `modelFromLine` does for a line; with one feature it is `modelFromLine`.
 */
export function modelFromHyperplane(plane: Hyperplane, dataset: Dataset, origin: LineOrigin, date: Date): Model {
  const [slope, ...more] = plane.coefficients;
  if (dataset.moreFeatures === undefined) return modelFromLine({ slope, intercept: plane.intercept }, dataset, origin, date);
  if (more.length !== dataset.moreFeatures.length) {
    throw new Error(`${plane.coefficients.length} coefficients for ${dataset.moreFeatures.length + 1} features.`);
  }
  const { rows, dataHash, ...columns } = describeData(dataset);
  const moreFeatures = describeMoreFeatures(dataset);
  const moments = datasetCrossProducts(dataset);
  const mse = Math.max(0, mseOfHyperplane(moments, plane));
  return {
    slope,
    intercept: plane.intercept,
    ...columns,
    moreFeatures: moreFeatures.map((described, j) => ({ ...described, coefficient: more[j] })),
    training: {
      ...origin,
      trainMse: mse,
      validationMse: null,
      r2: moments.syy === 0 ? 0 : 1 - (mse * moments.n) / moments.syy,
      rows,
      dataHash,
      date: date.toISOString(),
    },
  };
}
