/**
 * What the page says about the columns of a table: which ones it took and why, when it chose them
 * (one sentence); a warning for a chosen column that numbers or identifies the rows; and which text
 * columns look like numbers, and why they are text.
 */
import type { ColumnFacts } from '../csv/column-facts.ts';
import { ROW_NAMES_COLUMN } from '../csv/header-names.ts';
import { columnLabel } from '../data/columns.ts';
import { NEARLY_ALL_DISTINCT } from '../data/column-roles.ts';
import { DEFAULT_FEATURE, DEFAULT_TARGET, type Dataset, type Table } from '../data/dataset.ts';

export interface ColumnNotes {
  /** Which columns were taken and why, when the app chose them; '' when the user did. */
  readonly choice: string;
  /** One per chosen column that numbers or identifies the rows. */
  readonly warnings: readonly string[];
  /** The text columns written like numbers, each with why it is text ("Mean BMI: numbers written with decimal commas: 20,62"). */
  readonly asText: readonly string[];
}

export const NO_COLUMN_NOTES: ColumnNotes = Object.freeze({ choice: '', warnings: Object.freeze([]), asText: Object.freeze([]) });

type Columns = Pick<Table, 'numericColumns' | 'texts' | 'facts'>;
type Chosen = Pick<Dataset, 'featureName' | 'targetName' | 'labelName'> & { readonly moreFeatures?: readonly { name: string }[] };

/** The notes on `dataset`'s columns of `table`; `byDefault` when the app chose them, not the user. */
export function columnNotes(table: Columns, dataset: Chosen, byDefault: boolean): ColumnNotes {
  const chosen = [dataset.featureName, ...(dataset.moreFeatures ?? []).map((column) => column.name), dataset.targetName];
  return {
    choice: byDefault ? choiceSentence(table, dataset) : '',
    warnings: chosen.flatMap((column) => {
      const warning = identifierWarning(column, table.facts.get(column));
      return warning ? [warning] : [];
    }),
    asText: [...table.texts.keys()].flatMap((column) => {
      const cause = table.facts.get(column)?.textCause;
      return cause ? [`${columnLabel(column)}: ${cause}`] : [];
    }),
  };
}

/** What makes a numeric column a poor choice, in a few words: "row numbers 1 to 20". */
function roleWords(facts: ColumnFacts | undefined): string | undefined {
  switch (facts?.role) {
    case 'constant':
      return `${facts.min} in every row`;
    case 'row-number':
      return `row numbers ${facts.min} to ${facts.max}`;
    case 'identifier':
      return 'a different whole number in every row, like an identifier';
    default:
      return undefined;
  }
}

/**
 * "Feature Mean BMI and target Life exp.: the first two numeric columns that measure something,
 * passing over id (row numbers 1 to 20), Year (2014 in every row); Country name names the points,
 * its values all different."
 */
function choiceSentence(table: Columns, dataset: Chosen): string {
  const { featureName: feature, targetName: target } = dataset;
  const columns = `Feature ${columnLabel(feature)} and target ${columnLabel(target)}`;
  const passedOver = table.numericColumns.flatMap((column) => {
    const words = column === feature || column === target ? undefined : roleWords(table.facts.get(column));
    return words ? [`${columnLabel(column)} (${words})`] : [];
  });
  const why =
    feature === DEFAULT_FEATURE && target === DEFAULT_TARGET
      ? 'the columns this app is built around'
      : `the first two numeric columns${passedOver.length > 0 ? ` that measure something, passing over ${passedOver.join(', ')}` : ''}`;
  return `${columns}: ${why}; ${labelWords(table, dataset.labelName)}.`;
}

function labelWords(table: Columns, label: string | undefined): string {
  const texts = table.texts.size;
  if (label === undefined) {
    return texts === 0
      ? 'no text column names the points'
      : 'no one text column names every row, so the points are unnamed (choose a Label to name them)';
  }
  const name = columnLabel(label);
  if (label === ROW_NAMES_COLUMN) return `the row names (the first, unnamed column, as R writes them) name the points`;
  if (texts === 1) return `${name} names the points, the only text column`;
  const share = table.facts.get(label)?.distinctShare ?? 1;
  return `${name} names the points, its values ${share === 1 ? 'all' : share >= NEARLY_ALL_DISTINCT ? 'nearly all' : 'mostly'} different`;
}

/** A warning for a chosen column that numbers or identifies the rows, else undefined. */
function identifierWarning(column: string, facts: ColumnFacts | undefined): string | undefined {
  const name = columnLabel(column);
  if (facts?.role === 'row-number') {
    return `${name} looks like row numbers (${facts.min} to ${facts.max}, each once): a line through them says nothing about the data.`;
  }
  if (facts?.role === 'identifier') {
    return `${name} holds a different whole number in every row, as identifiers do: if it names the rows rather than measures them, a line through it means nothing.`;
  }
  return undefined;
}
