/**
 * Which columns a person would take when nobody said: never a constant column, never row numbers or
 * identifiers while another numeric column is there, and as the label the text column whose values
 * are (nearly) all different; and which tables and columns cannot serve at all, said in words. Works
 * on the facts the parser found (csv/column-facts.ts), so it is a lookup, not a pass over the rows.
 */
import type { ColumnFacts } from '../csv/column-facts.ts';
import { ROW_NAMES_COLUMN } from '../csv/header-names.ts';

/** What the choice reads of a table. */
export interface ColumnsOfTable {
  readonly columns: readonly string[];
  readonly numericColumns: readonly string[];
  readonly facts?: ReadonlyMap<string, ColumnFacts>;
}

/** How poor a default a numeric column is: a measurement first, then identifiers, row numbers, constants. */
const RANK: Record<NonNullable<ColumnFacts['role']> | 'none', number> = { none: 0, identifier: 1, 'row-number': 2, constant: 3 };

/** The numeric columns in the order they are taken by default (file order among equals). */
export function defaultCandidates(table: ColumnsOfTable): string[] {
  const rank = (column: string) => RANK[table.facts?.get(column)?.role ?? 'none'];
  return table.numericColumns
    .map((column, at) => ({ column, at }))
    .sort((a, b) => rank(a.column) - rank(b.column) || a.at - b.at)
    .map(({ column }) => column);
}

/** Whether a column holds one value in every row: nothing to fit. */
export function isConstant(table: ColumnsOfTable, column: string): boolean {
  return table.facts?.get(column)?.role === 'constant';
}

/** A share of distinct values at least this high names the rows (a duplicate or two aside). */
export const NEARLY_ALL_DISTINCT = 0.9;

/**
 * The label a table gets when nobody chose: its only text column; of several, R's row names or the one
 * whose values are (nearly) all different. None when that is not one column.
 */
export function defaultLabel(textColumns: readonly string[], facts?: ReadonlyMap<string, ColumnFacts>): string | undefined {
  if (textColumns.length === 1) return textColumns[0];
  const naming = textColumns.filter((column) => (facts?.get(column)?.distinctShare ?? 0) >= NEARLY_ALL_DISTINCT);
  if (naming.includes(ROW_NAMES_COLUMN)) return ROW_NAMES_COLUMN;
  return naming.length === 1 ? naming[0] : undefined;
}

const EXPECTED =
  'Expected a CSV file: a header line naming the columns, then one row per line with its values separated by commas, semicolons or tabs (e.g. "Country,LifeExpectancy,Bmi", then "Afghanistan,52.8,20.62"), at least two of the columns numbers.';

/**
 * Why a file is no table a line can be fitted to, or undefined: a plain text (one column that is not
 * numbers, or no column of numbers at all), or a single column.
 */
export function tableProblem(table: ColumnsOfTable): string | undefined {
  const { columns, numericColumns } = table;
  if (numericColumns.length > 0 && columns.length === 1) {
    return `The file has one column ("${columns[0]}"): a line needs two numeric columns, a feature and a target.`;
  }
  if (numericColumns.length > 0) return undefined;
  const reasons = columns.flatMap((column) => {
    const cause = table.facts?.get(column)?.textCause;
    return cause ? [`"${column}": ${cause}`] : [];
  });
  if (reasons.length > 0) return `No column reads as numbers (${reasons.join('; ')}). ${EXPECTED}`;
  if (columns.length === 1) return `This is not a table: its lines have no commas, semicolons or tabs between values. ${EXPECTED}`;
  return `This is not a table of data: none of its ${columns.length} columns holds numbers. ${EXPECTED}`;
}

/** Why a column is text, said after "holds text, not numbers": " (numbers written with decimal commas: 20,62)", or "". */
export function textReason(table: ColumnsOfTable, column: string): string {
  const cause = table.facts?.get(column)?.textCause;
  return cause ? ` (${cause})` : '';
}

/** Why a constant column cannot be fitted, as the feature or the target. */
export function constantColumnError(table: ColumnsOfTable, column: string, as: 'feature' | 'target'): string {
  const value = table.facts?.get(column)?.min;
  return `Column "${column}" has the same value${value === undefined ? '' : ` (${value})`} in every row: a line cannot be fitted ${as === 'target' ? 'to a constant target' : 'on a constant feature'}; choose another column.`;
}
