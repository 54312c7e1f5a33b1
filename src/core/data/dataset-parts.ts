/**
 * A data set sent to a worker in parts: a header with the names and the row count, then each
 * column in slices of a quarter of a million rows, each part a message of its own. Posting a message copies it on
 * the sender's thread; ten million rows in one message took the page a 130 ms task, a part takes a few
 * milliseconds, and the sender yields between parts. Labels stay behind: training needs numbers only.
 */
import type { Dataset } from './dataset.ts';
import { featureColumns } from './feature-columns.ts';

/** Rows per part: 2 MB of float64, a millisecond or two to copy. */
export const ROWS_PER_PART = 1 << 18;

export interface DatasetHeader {
  featureNames: string[];
  targetName: string;
  rows: number;
}

/** One slice of a column: feature j for j below the feature count, else the target. */
export interface DatasetPart {
  column: number;
  from: number;
  values: Float64Array;
}

/**
 * The header and the parts of a data set's features and target. The parts are views, not copies: a
 * sender posts a copy of each (a view posted as it is would copy its whole column).
 */
export function datasetParts(dataset: Dataset, rowsPerPart = ROWS_PER_PART): { header: DatasetHeader; parts: DatasetPart[] } {
  const features = featureColumns(dataset);
  const columns = [...features.map((column) => column.values), dataset.y];
  const rows = dataset.y.length;
  const parts: DatasetPart[] = [];
  columns.forEach((values, column) => {
    for (let from = 0; from < rows; from += rowsPerPart) parts.push({ column, from, values: values.subarray(from, from + rowsPerPart) });
  });
  return { header: { featureNames: features.map((column) => column.name), targetName: dataset.targetName, rows }, parts };
}

/** Puts a data set back together from its header and parts, in any order. */
export class DatasetAssembler {
  private readonly columns: Float64Array[];
  private missing: number;

  constructor(private readonly header: DatasetHeader) {
    this.columns = Array.from({ length: header.featureNames.length + 1 }, () => new Float64Array(header.rows));
    this.missing = this.columns.length * header.rows;
  }

  add(part: DatasetPart): void {
    const column = this.columns[part.column];
    if (!column || part.from + part.values.length > column.length) throw new Error('A part of the data set does not fit it.');
    column.set(part.values, part.from);
    this.missing -= part.values.length;
  }

  /** The data set once every part is in, else undefined. */
  dataset(): Dataset | undefined {
    if (this.missing > 0) return undefined;
    const [x, ...more] = this.columns.slice(0, -1);
    const [featureName, ...moreNames] = this.header.featureNames;
    return {
      featureName,
      targetName: this.header.targetName,
      x,
      y: this.columns.at(-1)!,
      ...(more.length > 0 ? { moreFeatures: more.map((values, j) => ({ name: moreNames[j], values })) } : {}),
    };
  }
}
