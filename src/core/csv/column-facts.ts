/**
 * What a column is, beyond numbers or text, for choosing columns the way a person would: a numeric
 * column that holds one value (nothing to fit), or row numbers and identifiers (a line through them
 * says nothing); a text column whose values are (nearly) all different (it names the rows); and why a
 * column that looks like numbers was read as text. Worked out once, where the file is parsed (in the
 * CSV worker for a picked file), so choosing columns on the page is a lookup.
 */
import { textAt, type TextColumn } from './text-column.ts';

/** What makes a numeric column a poor feature or target. */
export type NumericRole =
  /** The same number in every row: a line cannot be fitted to it. */
  | 'constant'
  /** Consecutive whole numbers, each once (1, 2, 3, … in any order): row numbers. */
  | 'row-number'
  /** A different whole number in every row, as identifiers have. */
  | 'identifier';

export interface ColumnFacts {
  /** Numeric columns: what makes it a poor choice, if anything. */
  role?: NumericRole;
  /** The smallest and largest value of a numeric column with a role (its one value when constant). */
  min?: number;
  max?: number;
  /** Text columns (when a table has several): distinct values per filled cell, 1 when all differ. */
  distinctShare?: number;
  /** Text columns: why the cells were not read as numbers, when it can be told. */
  textCause?: string;
}

/** Fewer rows than this are too few to call whole numbers that differ identifiers. */
export const MIN_ROWS_FOR_IDENTIFIERS = 10;

/** A numeric column's role, from its values (NaN where a cell was empty or not a number). */
export function numericFacts(values: ArrayLike<number>): ColumnFacts {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let wholeNumbers = true;
  let ascending = true;
  let previous = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    count += 1;
    if (value < min) min = value;
    if (value > max) max = value;
    if (!Number.isInteger(value)) wholeNumbers = false;
    if (value <= previous) ascending = false;
    previous = value;
  }
  // One value is too few to call a column constant: "too few rows" says more.
  if (count < 2) return {};
  if (min === max) return { role: 'constant', min, max };
  if (!wholeNumbers || count < MIN_ROWS_FOR_IDENTIFIERS || !(ascending || allDifferent(values, count))) return {};
  return { role: max - min === count - 1 ? 'row-number' : 'identifier', min, max };
}

/** Whether the `count` numbers (NaN aside) are all different: sorted, no two neighbours equal. */
function allDifferent(values: ArrayLike<number>, count: number): boolean {
  const sorted = new Float64Array(count);
  let at = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[at++] = values[i];
  sorted.sort();
  for (let i = 1; i < count; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

/** How many filled cells the text checks look at: the first ones are enough to tell a pattern. */
const SAMPLE = 500;

/**
 * A text column's facts from its cells: why it is text when the cells look like numbers, and (when
 * `countDistinct`, a pass over every cell) the share of distinct values.
 */
export function textFacts(cells: TextColumn, countDistinct: boolean): ColumnFacts {
  const facts: ColumnFacts = {};
  const rows = cells.starts.length;
  const filled = (row: number) => cells.ends[row] > cells.starts[row];
  const sample: string[] = [];
  for (let row = 0; row < rows && sample.length < SAMPLE; row++) if (filled(row)) sample.push(textAt(cells, row));
  const cause = textCause(sample);
  if (cause) facts.textCause = cause;
  if (countDistinct) {
    const distinct = new Set<string>();
    let count = 0;
    for (let row = 0; row < rows; row++) {
      if (!filled(row)) continue;
      count += 1;
      distinct.add(textAt(cells, row));
    }
    if (count > 0) facts.distinctShare = distinct.size / count;
  }
  return facts;
}

/** A plain number, as `parseNumber` reads one. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$/;
const COMMA_GROUPS_ONLY = /^[+-]?\d{1,3},\d{3}$/;
const SPACE_GROUPS = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;
/** A number then something that is not one ("21.3 kg/m²", "12%"), or a currency then a number ("$12.50", "EUR 3"). */
const NUMBER_THEN_UNIT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)\s*([^\d\s.,+-].*)$/;
/** Only currencies go before the number: "Country 12" or "Item 3" are names, not amounts. */
const UNIT_THEN_NUMBER = /^(\p{Sc}|[A-Z]{3}(?=\s))\s*[+-]?(\d+([.,]\d+)?|[.,]\d+)$/u;

/** Most of the sample: causes hold for nearly every cell, a stray note or two aside. */
const MOST = 0.8;

/**
 * Why cells that look like numbers are text, in words with an example, or undefined when nothing
 * explains it (names, categories, dates). `sample` is filled cells.
 */
export function textCause(sample: readonly string[]): string | undefined {
  if (sample.length === 0) return undefined;
  const most = (count: number) => count >= MOST * sample.length;
  const commas = sample.filter((cell) => COMMA_NUMBER.test(cell));
  if (commas.length > 0 && most(commas.length + sample.filter((cell) => PLAIN_NUMBER.test(cell)).length)) {
    return commas.every((cell) => COMMA_GROUPS_ONLY.test(cell))
      ? `numbers with a comma that may be a decimal mark or a thousands separator: ${commas[0]}`
      : `numbers written with decimal commas: ${commas[0]}`;
  }
  const spaced = sample.filter((cell) => SPACE_GROUPS.test(cell));
  if (spaced.length > 0 && most(spaced.length + sample.filter((cell) => PLAIN_NUMBER.test(cell)).length)) {
    return `numbers with spaces between groups of digits: ${spaced[0]}`;
  }
  const unit = commonUnit(sample);
  return unit === undefined ? undefined : `a unit in every cell: ${unit}`;
}

/** The example cell of a unit most cells share, before or after the number. */
function commonUnit(sample: readonly string[]): string | undefined {
  const units = new Map<string, { count: number; example: string }>();
  for (const cell of sample) {
    const unit = NUMBER_THEN_UNIT.exec(cell)?.[3] ?? UNIT_THEN_NUMBER.exec(cell)?.[1];
    if (unit === undefined) continue;
    const seen = units.get(unit.trim()) ?? { count: 0, example: cell };
    seen.count += 1;
    units.set(unit.trim(), seen);
  }
  for (const { count, example } of units.values()) if (count >= MOST * sample.length) return example;
  return undefined;
}
