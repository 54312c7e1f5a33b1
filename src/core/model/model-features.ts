/**
 * A model's features, the first (`feature`, `normalization.feature`, `slope`) and the others alike.
 * Apart from model.ts and importing only types, so the weights file reader, `<bmi-predictor>` and the
 * server use them without what describes a data set.
 */
import type { Model, ModelFeature } from './model.ts';
import type { Hyperplane } from './predict.ts';

/** Every feature of a model, the first included, in order. */
export function modelFeatures(model: Pick<Model, 'feature' | 'normalization' | 'slope' | 'moreFeatures'>): ModelFeature[] {
  return [{ feature: model.feature, scaling: model.normalization.feature, coefficient: model.slope }, ...(model.moreFeatures ?? [])];
}

/** The names of a model's features, in order. */
export function modelFeatureNames(model: Pick<Model, 'feature' | 'moreFeatures'>): string[] {
  return [model.feature.name, ...(model.moreFeatures ?? []).map((more) => more.feature.name)];
}

/** A model's raw-unit coefficients (one per feature, in order) and intercept. */
export function hyperplaneOf(model: Pick<Model, 'slope' | 'intercept' | 'moreFeatures'>): Hyperplane {
  return { coefficients: [model.slope, ...(model.moreFeatures ?? []).map((more) => more.coefficient)], intercept: model.intercept };
}
