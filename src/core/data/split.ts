/**
 * A seeded train/validation split, so the same seed always gives the same rows and a run can be
 * reproduced exactly.
 */
import type { Dataset } from './dataset.ts';
import { weightsAsHyperplane, type Line, type Weights } from '../model/predict.ts';
import { datasetCrossProducts, datasetFactsSteps, datasetMoments } from './dataset-facts.ts';
import { featureColumns } from './feature-columns.ts';
import { ROWS_PER_SLICE, rowsPerSlice, stepsInSlices } from './row-slices.ts';
import { runSteps, type Steps } from '../steps.ts';
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

/** Fisher–Yates swaps from row `top` down to row `bottom` + 1: the whole shuffle, or a slice of it. */
function shuffleDown(indices: Uint32Array, random: () => number, top: number, bottom: number): void {
  for (let i = top; i > bottom; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = indices[i];
    indices[i] = indices[j]!;
    indices[j] = swap;
  }
}

/** Fisher–Yates shuffle of 0..n-1 with the given generator. */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  shuffleDown(indices, random, n - 1, 0);
  return indices;
}

/** `shuffledIndices` as steps (steps.ts) of `slice` rows: the same swaps with the same draws, in the same order. */
function* shuffledIndicesSteps(n: number, random: () => number, slice: number): Steps<Uint32Array> {
  const indices = new Uint32Array(n);
  for (let from = 0; from < n; from += slice) {
    const to = Math.min(n, from + slice);
    for (let i = from; i < to; i++) indices[i] = i;
    yield;
  }
  for (let top = n - 1; top > 0; top -= slice) {
    shuffleDown(indices, random, top, Math.max(0, top - slice));
    yield;
  }
  return indices;
}

export interface Split {
  train: Dataset;
  /** Empty (zero rows) when the validation fraction is 0. */
  validation: Dataset;
}

/** The rows of `column` at `indices`, in their order, as steps of `slice` rows. */
function* pickRowsSteps(column: Float64Array, indices: ArrayLike<number>, slice: number): Steps<Float64Array> {
  const out = new Float64Array(indices.length);
  for (let from = 0; from < indices.length; from += slice) {
    const to = Math.min(indices.length, from + slice);
    for (let i = from; i < to; i++) out[i] = column[indices[i]]!;
    yield;
  }
  return out;
}

/** The data set's rows at `indices`, column after column, as steps of `slice` rows of a column. */
function* pickSteps(dataset: Dataset, indices: ArrayLike<number>, slice: number): Steps<Dataset> {
  const { featureName, targetName, moreFeatures } = dataset;
  const x = yield* pickRowsSteps(dataset.x, indices, slice);
  const y = yield* pickRowsSteps(dataset.y, indices, slice);
  if (!moreFeatures) return { featureName, targetName, x, y };
  const picked = [];
  for (const { name, values } of moreFeatures) picked.push({ name, values: yield* pickRowsSteps(values, indices, slice) });
  return { featureName, targetName, x, y, moreFeatures: picked };
}

/** How many of `n` rows `validationFraction` holds out: at least two rows always stay for training. */
function validationRowsOf(n: number, validationFraction: number): number {
  return Math.min(Math.round(n * validationFraction), Math.max(0, n - 2));
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
  const split = runSteps(splitSteps(dataset, validationFraction, seed, Infinity));
  lastSplit.set(dataset, { validationFraction, seed, split });
  return split;
}

const lastSplit = new WeakMap<Dataset, { validationFraction: number; seed: number; split: Split }>();

/** `splitDataset`'s shuffle and copies as steps (steps.ts) of `slice` rows: the very same split. */
export function* splitSteps(dataset: Dataset, validationFraction: number, seed: number, slice = ROWS_PER_SLICE): Steps<Split> {
  const n = dataset.x.length;
  const validationRows = validationRowsOf(n, validationFraction);
  if (validationRows <= 0) return { train: dataset, validation: yield* pickSteps(dataset, [], slice) };
  const order = yield* shuffledIndicesSteps(n, seededRandom(seed), slice);
  const train = yield* pickSteps(dataset, order.subarray(validationRows), slice);
  const validation = yield* pickSteps(dataset, order.subarray(0, validationRows), slice);
  return { train, validation };
}

/**
 * The split of a data set as the page needs it: when it is known (remembered, no row held out, or
 * rows so few that splitting them is quick), at once; else undefined, and the split is made in
 * slices, one per task and none in the task that asks (at ten million rows it takes over a second),
 * with the moments and cross-products of its training and validation rows; `ready` is called once
 * it is remembered, when `preparedSplit` gives it at once. Only the latest split asked for is made:
 * a request for another one drops an unfinished one, whose `ready` is never called.
 */
export function preparedSplit(dataset: Dataset, validationFraction: number, seed: number, ready: () => void): Split | undefined {
  const known = lastSplit.get(dataset);
  if (known?.validationFraction === validationFraction && known.seed === seed) return known.split;
  const n = dataset.y.length;
  if (validationRowsOf(n, validationFraction) <= 0 || n <= rowsPerSlice(featureColumns(dataset).length))
    return splitDataset(dataset, validationFraction, seed);
  const same = pendingSplit?.dataset === dataset && pendingSplit.validationFraction === validationFraction && pendingSplit.seed === seed;
  if (same) {
    pendingSplit!.ready.add(ready);
    return undefined;
  }
  const request = { dataset, validationFraction, seed, ready: new Set([ready]) };
  pendingSplit = request;
  stepsInSlices(
    withFactsSteps(dataset, validationFraction, seed),
    (split) => {
      pendingSplit = undefined;
      lastSplit.set(dataset, { validationFraction, seed, split });
      for (const call of request.ready) call();
    },
    () => pendingSplit === request,
  );
  return undefined;
}

/** The split being made in slices, and whom to tell once it is made. */
let pendingSplit: { dataset: Dataset; validationFraction: number; seed: number; ready: Set<() => void> } | undefined;

/** The split, then the moments and cross-products of its rows (each a pass the page would make next), as steps. */
function* withFactsSteps(dataset: Dataset, validationFraction: number, seed: number): Steps<Split> {
  const split = yield* splitSteps(dataset, validationFraction, seed);
  yield* datasetFactsSteps(split.train);
  yield* datasetFactsSteps(split.validation);
  return split;
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
