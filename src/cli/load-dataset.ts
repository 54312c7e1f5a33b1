/**
 * Reads the CSV to train on, turning every way it can be unusable into one CliError.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { featureNamesOf, parseCsv, type ColumnChoice, type Dataset, type SkippedRows } from '../core/data/dataset.ts';
import { CliError, describeFileError } from './cli-error.ts';

/** The data set the app ships, found relative to this file so the command works from any folder. */
export const BUNDLED_CSV = fileURLToPath(new URL('../../public/bmi_and_life_expectancy.csv', import.meta.url));

export interface LoadedData {
  dataset: Dataset;
  skipped: SkippedRows;
}

/** Reads and parses `path`; `name` is how messages refer to it. */
export async function loadDataset(path: string, name: string, choice: ColumnChoice): Promise<LoadedData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the CSV file ${name}: ${describeFileError(error)}.`);
  }
  const outcome = parseCsv(text, choice);
  if (!outcome.ok) {
    const found = outcome.columns.length > 0 ? ` Its columns: ${outcome.columns.join(', ')}.` : '';
    throw new CliError(`Cannot train on ${name}: ${outcome.error}${found}`);
  }
  return { dataset: outcome.dataset, skipped: outcome.skipped };
}

/** "Skipped 2 rows without numbers in Bmi and LifeExpectancy (lines 5, 9)." or "" when none were. */
export function describeSkipped(skipped: SkippedRows, dataset: Dataset): string {
  if (skipped.count === 0) return '';
  const more = skipped.count > skipped.lines.length ? ', …' : '';
  return `Skipped ${skipped.count} row${skipped.count === 1 ? '' : 's'} without numbers in ${featureNamesOf(dataset).join(', ')} and ${dataset.targetName} (line${skipped.count === 1 ? '' : 's'} ${skipped.lines.join(', ')}${more}).`;
}
