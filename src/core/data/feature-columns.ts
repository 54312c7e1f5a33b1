/**
 * The feature columns of a data set, the first (`featureName`, `x`) and the others alike. Apart from
 * dataset.ts, so a module that only reads a data set's columns does not pull in the CSV parser.
 */

/** A named numeric column of a data set. */
export interface FeatureColumn {
  readonly name: string;
  readonly values: Float64Array;
}

/** The features of a data set (`Dataset` has them; spelled out here so dataset.ts can use this module). */
interface Features {
  readonly featureName: string;
  readonly x: Float64Array;
  readonly moreFeatures?: readonly FeatureColumn[];
}

/** Every feature column of a data set, the first included, in order. */
export function featureColumns(dataset: Features): FeatureColumn[] {
  return [{ name: dataset.featureName, values: dataset.x }, ...(dataset.moreFeatures ?? [])];
}

/** The names of every feature of a data set, in order. */
export function featureNamesOf(dataset: Pick<Features, 'featureName' | 'moreFeatures'>): string[] {
  return [dataset.featureName, ...(dataset.moreFeatures ?? []).map((column) => column.name)];
}

/** The features a column choice names, in order: `features` when given, else `feature`, else none. */
export function choiceFeatureNames(columns: { readonly feature?: string; readonly features?: readonly string[] }): readonly string[] {
  if (columns.features !== undefined && columns.features.length > 0) return columns.features;
  return columns.feature === undefined ? [] : [columns.feature];
}
