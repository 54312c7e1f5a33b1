/**
 * A seeded train/validation split, so the same seed always gives the same rows and a run can be
 * reproduced exactly.
 */
import type { Dataset } from './dataset.ts';
import { weightsAsHyperplane, type Line, type Weights } from '../model/predict.ts';
import { datasetCrossProducts, datasetMoments } from './dataset-facts.ts';
import { metricsOfHyperplane } from '../stats/cross-products.ts';
import { leastSquaresFit } from '../stats/least-squares-fit.ts';
import { fitOfMoments, metricsAt } from '../stats/moments.ts';
import type { Metrics } from '../stats/metrics.ts';

/** mulberry32: a tiny, fast, well-distributed 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of 0..n-1 with the given generator. */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = indices[i];
    indices[i] = indices[j]!;
    indices[j] = swap;
  }
  return indices;
}

export interface Split {
  train: Dataset;
  /** Empty (zero rows) when the validation fraction is 0. */
  validation: Dataset;
}

function pickRows(column: Float64Array, indices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = column[indices[i]]!;
  return out;
}

function pick(dataset: Dataset, indices: ArrayLike<number>): Dataset {
  const { featureName, targetName, moreFeatures } = dataset;
  const x = pickRows(dataset.x, indices);
  const y = pickRows(dataset.y, indices);
  if (!moreFeatures) return { featureName, targetName, x, y };
  return {
    featureName,
    targetName,
    x,
    y,
    moreFeatures: moreFeatures.map(({ name, values }) => ({ name, values: pickRows(values, indices) })),
  };
}

/**
 * Splits off `validationFraction` of the rows (shuffled with `seed`) for validation. At least two rows
 * always stay for training, and a split that would leave validation empty leaves it empty.
 */
export function splitDataset(dataset: Dataset, validationFraction: number, seed: number): Split {
  // The same split of the same data set is the same objects, so what is remembered per data set
  // (see dataset-facts.ts) carries from one run or summary to the next.
  const known = lastSplit.get(dataset);
  if (known?.validationFraction === validationFraction && known.seed === seed) return known.split;
  const split = freshSplit(dataset, validationFraction, seed);
  lastSplit.set(dataset, { validationFraction, seed, split });
  return split;
}

const lastSplit = new WeakMap<Dataset, { validationFraction: number; seed: number; split: Split }>();

function freshSplit(dataset: Dataset, validationFraction: number, seed: number): Split {
  const n = dataset.x.length;
  const validationRows = Math.min(Math.round(n * validationFraction), Math.max(0, n - 2));
  if (validationRows <= 0) return { train: dataset, validation: pick(dataset, []) };
  const order = shuffledIndices(n, seededRandom(seed));
  return { train: pick(dataset, order.subarray(validationRows)), validation: pick(dataset, order.subarray(0, validationRows)) };
}

export interface SplitMetrics {
  train: Metrics;
  validation: Metrics | null;
  /** The closed-form optimum on the same training rows. */
  optimum: Metrics;
}

/** Metrics of a raw-unit line on a split, with the optimum on its training rows. */
export function splitMetrics(line: Line, train: Dataset, validation: Dataset): SplitMetrics {
  return {
    train: metricsAt(datasetMoments(train), line),
    validation: validation.x.length > 0 ? metricsAt(datasetMoments(validation), line) : null,
    optimum: metricsAt(datasetMoments(train), fitOfMoments(datasetMoments(train))),
  };
}

/** Metrics of raw-unit weights on a split, with the optimum on its training rows; with one feature `splitMetrics`. */
export function splitMetricsOfWeights(weights: Weights, train: Dataset, validation: Dataset): SplitMetrics {
  if (train.moreFeatures === undefined) return splitMetrics(weights, train, validation);
  const plane = weightsAsHyperplane(weights);
  const moments = datasetCrossProducts(train);
  const fit = leastSquaresFit(moments);
  return {
    train: metricsOfHyperplane(moments, plane),
    validation: validation.y.length > 0 ? metricsOfHyperplane(datasetCrossProducts(validation), plane) : null,
    // The optimum of the features that are not aliased: R's fit of the same rows.
    optimum: metricsOfHyperplane(fit.moments, fit),
  };
}
