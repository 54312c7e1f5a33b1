/**
 * What a data set's rows say that every run, metric and summary on it needs: its moments, feature
 * range, fingerprint and standardized columns. Each is computed once per data set and remembered for
 * as long as its columns live: a data set's columns are never changed in place (new rows or another
 * column choice make new ones), and at a million rows the passes cost 150 ms per run otherwise (the
 * fingerprint alone 60 ms), more than a dozen epochs on the GPU.
 */
import type { Dataset } from './dataset.ts';
import { featureColumns } from './feature-columns.ts';
import { hashColumns } from './hash.ts';
import { columnMoments, momentsSteps, type Moments } from '../stats/moments.ts';
import { columnCrossProducts, CrossProductsPass, type CrossProducts } from '../stats/cross-products.ts';
import { ROWS_PER_SLICE, rowsPerSlice, stepsInSlices } from './row-slices.ts';
import { runSteps, type Steps } from '../steps.ts';
import { oncePerColumn, oncePerColumns, oncePerColumnSet } from './once-per-columns.ts';
import { range, scalingFrom, standardize, standardizeColumns, type Scaling } from '../stats/stats.ts';

/** The moments of the columns: the same object `columnMoments` gives. */
export const datasetMoments = (dataset: Dataset): Moments => columnMoments(dataset.x, dataset.y);

/** The values of every feature column, in order. */
const featureColumnValues = (dataset: Dataset): Float64Array[] => featureColumns(dataset).map((column) => column.values);

/** The cross-products of every feature and the target (the same object for the same columns). */
export const datasetCrossProducts = (dataset: Dataset): CrossProducts => columnCrossProducts(featureColumnValues(dataset), dataset.y);

const featureRange = oncePerColumn((x) => range(x));
export const datasetFeatureRange = (dataset: Dataset): { min: number; max: number } => featureRange(dataset.x);
/** The range of every feature, in order. */
export const datasetFeatureRanges = (dataset: Dataset): { min: number; max: number }[] =>
  featureColumns(dataset).map((column) => featureRange(column.values));

const fingerprint = oncePerColumns((x, y) => hashColumns(x, y));
const fingerprintOfSet = oncePerColumnSet((columns, y) => hashColumns(...columns, y));
/** One feature: FNV-1a over x then y, as every weights file so far; several: over every feature, then y. */
export const datasetHash = (dataset: Dataset): string =>
  dataset.moreFeatures === undefined ? fingerprint(dataset.x, dataset.y) : fingerprintOfSet(featureColumnValues(dataset), dataset.y);

/** Mean and population standard deviation of each column (a constant column keeps std 1: unscaled). */
const scalingOfColumns = oncePerColumns((x, y): { feature: Scaling; target: Scaling } => {
  const m = columnMoments(x, y);
  return { feature: scalingFrom(m.meanX, m.sxx, m.n), target: scalingFrom(m.meanY, m.syy, m.n) };
});
export const datasetScaling = (dataset: Dataset): { feature: Scaling; target: Scaling } => scalingOfColumns(dataset.x, dataset.y);

/** Both columns standardized by `datasetScaling`, in float32, as training uploads them. */
const standardizedColumns = oncePerColumns((x, y): { x: Float32Array; y: Float32Array } => {
  const { feature, target } = scalingOfColumns(x, y);
  return { x: standardize(x, feature), y: standardize(y, target) };
});
export const datasetStandardized = (dataset: Dataset): { x: Float32Array; y: Float32Array } => standardizedColumns(dataset.x, dataset.y);

/** Mean and population standard deviation of every feature after the first (the first's is `datasetScaling`'s). */
export const datasetMoreScalings = (dataset: Dataset): Scaling[] => {
  const m = datasetCrossProducts(dataset);
  return Array.from({ length: m.d - 1 }, (_, j) => scalingFrom(m.means[j + 1], m.sxx[(j + 1) * m.d + j + 1], m.n));
};

/** The scaling of every feature, in order (the first's is `datasetScaling`'s feature scaling). */
export const datasetFeatureScalings = (dataset: Dataset): Scaling[] => [datasetScaling(dataset).feature, ...datasetMoreScalings(dataset)];

/**
 * Every feature standardized, column after column (feature j of row i at j·n + i), and the target
 * standardized, in float32, as training uploads them: with one feature the same arrays as `datasetStandardized`.
 */
const standardizedColumnsOf = oncePerColumnSet((columns, y): { x: Float32Array; y: Float32Array } => {
  const m = columnCrossProducts(columns, y);
  // The first feature's scaling as `datasetScaling` has it; the others from the cross-products, as `datasetMoreScalings`.
  const scalings = Array.from(m.means, (mean, j) =>
    j === 0 ? scalingOfColumns(columns[0], y).feature : scalingFrom(mean, m.sxx[j * m.d + j], m.n),
  );
  return { x: standardizeColumns(columns, scalings), y: standardizedColumns(columns[0], y).y };
});
export const datasetStandardizedFeatures = (dataset: Dataset): { x: Float32Array; y: Float32Array } =>
  dataset.moreFeatures === undefined ? datasetStandardized(dataset) : standardizedColumnsOf(featureColumnValues(dataset), dataset.y);

/**
 * The passes over a data set's rows that the page needs as soon as it shows the data (its moments,
 * and with several features their cross-products): computed where the rows were read (the CSV
 * worker), handed to the page with them and remembered there (`rememberDatasetFacts`), so the page
 * never makes them itself. At a million rows × 16 features the cross-products take 200 ms or more.
 */
export interface DatasetFacts {
  moments: Moments;
  crossProducts?: CrossProducts;
}

export function datasetFactsOf(dataset: Dataset): DatasetFacts {
  return {
    moments: datasetMoments(dataset),
    ...(dataset.moreFeatures === undefined ? {} : { crossProducts: datasetCrossProducts(dataset) }),
  };
}

/** What `datasetFactsOf` gave elsewhere for the same rows, remembered for this data set's columns. */
export function rememberDatasetFacts(dataset: Dataset, facts: DatasetFacts): void {
  columnMoments.remember(facts.moments, dataset.x, dataset.y);
  if (facts.crossProducts) columnCrossProducts.remember(facts.crossProducts, featureColumnValues(dataset), dataset.y);
}

/** Whether the moments (and with several features the cross-products) of a data set's rows are known. */
function datasetFactsKnown(dataset: Dataset): boolean {
  if (!columnMoments.known(dataset.x, dataset.y)) return false;
  return dataset.moreFeatures === undefined || columnCrossProducts.known(featureColumnValues(dataset), dataset.y);
}

/**
 * The moments of a data set's rows and, with several features, their cross-products, as steps
 * (steps.ts) of a slice of rows, each remembered once made; what is known already is not made again.
 */
export function* datasetFactsSteps(dataset: Dataset): Steps<void> {
  const { x, y } = dataset;
  if (!columnMoments.known(x, y)) columnMoments.remember(yield* momentsSteps(x, y, ROWS_PER_SLICE), x, y);
  if (dataset.moreFeatures === undefined) return;
  const columns = featureColumnValues(dataset);
  if (columnCrossProducts.known(columns, y)) return;
  const pass = new CrossProductsPass(columns, y);
  const slice = rowsPerSlice(columns.length);
  for (let from = 0; from < y.length; from += slice) {
    pass.meansOver(from, Math.min(y.length, from + slice));
    yield;
  }
  for (let from = 0; from < y.length; from += slice) {
    pass.productsOver(from, Math.min(y.length, from + slice));
    yield;
  }
  columnCrossProducts.remember(pass.result(), columns, y);
}

/**
 * The facts of a data set made on the page (another column choice): the cross-products of several
 * features in slices, one per task (200 ms and more in one piece at a million rows × 16 features),
 * remembered once done. True when they are known now (few rows, or remembered), else false and
 * `done` is called once they are.
 */
export function prepareDatasetFacts(dataset: Dataset, done: () => void): boolean {
  if (datasetFactsKnown(dataset)) return true;
  const steps = datasetFactsSteps(dataset);
  if (dataset.y.length <= rowsPerSlice(featureColumns(dataset).length)) {
    runSteps(steps);
    return true;
  }
  stepsInSlices(steps, done);
  return false;
}
