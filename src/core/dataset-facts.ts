/**
 * What a data set's rows say that every run, metric and summary on it needs: its moments, feature
 * range, fingerprint and standardized columns. Each is computed once per data set and remembered for
 * as long as its columns live: a data set's columns are never changed in place (new rows or another
 * column choice make new ones), and at a million rows the passes cost 150 ms per run otherwise (the
 * fingerprint alone 60 ms), more than a dozen epochs on the GPU.
 */
import type { Dataset } from './dataset.ts';
import { hashColumns } from './hash.ts';
import { momentsOf, type Moments } from './moments.ts';
import { range, standardize, type Scaling } from './stats.ts';

/**
 * `compute` once per pair of columns: a data set object made again around the same columns (with
 * other names or labels) keeps what its rows gave.
 */
function oncePerDataset<T>(compute: (dataset: Dataset) => T): (dataset: Dataset) => T {
  const known = new WeakMap<Float64Array, { y: Float64Array; value: T }>();
  return (dataset) => {
    const cached = known.get(dataset.x);
    if (cached?.y === dataset.y) return cached.value;
    const value = compute(dataset);
    known.set(dataset.x, { y: dataset.y, value });
    return value;
  };
}

export const datasetMoments: (dataset: Dataset) => Moments = oncePerDataset((d) => momentsOf(d.x, d.y));

export const datasetFeatureRange: (dataset: Dataset) => { min: number; max: number } = oncePerDataset((d) => range(d.x));

export const datasetHash: (dataset: Dataset) => string = oncePerDataset((d) => hashColumns(d.x, d.y));

/** Mean and population standard deviation of each column (a constant column keeps std 1: unscaled). */
export const datasetScaling: (dataset: Dataset) => { feature: Scaling; target: Scaling } = oncePerDataset((d) => {
  const m = datasetMoments(d);
  const scaling = (mean: number, squares: number): Scaling => {
    const std = Math.sqrt(squares / m.n);
    return { mean, std: std > 0 ? std : 1 };
  };
  return { feature: scaling(m.meanX, m.sxx), target: scaling(m.meanY, m.syy) };
});

/** Both columns standardized by `datasetScaling`, in float32, as training uploads them. */
export const datasetStandardized: (dataset: Dataset) => { x: Float32Array; y: Float32Array } = oncePerDataset((d) => {
  const { feature, target } = datasetScaling(d);
  return { x: standardize(d.x, feature), y: standardize(d.y, target) };
});
