/**
 * CSV text → a typed data set of one or more numeric features and one numeric target.
 *
 * Parsing is header based (column order does not matter) and delegated to papaparse, which handles
 * delimiters, quotes, a BOM and any line ending. Rows whose chosen columns are missing or not numbers
 * are skipped and reported with their line numbers, so the user can find them in the file.
 */
import Papa from 'papaparse';
import { numericFacts, textFacts, type ColumnFacts } from '../csv/column-facts.ts';
import { rowsWithNaNSteps, withoutRowsSteps } from '../csv/drop-rows.ts';
import { headerColumns, ROW_NAMES_COLUMN } from '../csv/header-names.ts';
import { OtherReading } from '../csv/number-readings.ts';
import type { TextColumn } from '../csv/text-column.ts';
import { GrowingIndices, GrowingNumbers, GrowingText } from '../csv/growing-columns.ts';
import type { Result } from '../result.ts';
import { constantColumnError, defaultCandidates, defaultLabel, isConstant, tableProblem, textReason } from './column-roles.ts';
import { statisticsOverflowError } from './statistics-overflow.ts';
import { stripBom } from '../text.ts';
import { runSteps, type Steps } from '../steps.ts';
import { ROWS_PER_SLICE, stepsInSlices } from './row-slices.ts';
import { featureColumns, type FeatureColumn } from './feature-columns.ts';

export { featureColumns, featureNamesOf, type FeatureColumn } from './feature-columns.ts';

/** The columns the bundled data set uses; chosen by default when a CSV has them. */
export const DEFAULT_FEATURE = 'Bmi';
export const DEFAULT_TARGET = 'LifeExpectancy';

/** Fewer usable rows than this cannot define a line. */
export const MIN_ROWS = 2;

/** How many skipped line numbers a report keeps (the count is always exact). */
const MAX_REPORTED_LINES = 20;

/**
 * The rows a model is fitted on. The first feature is `featureName` and `x` (the only one of a
 * one-feature data set, and the one the scatter plot draws); the others, when several are chosen,
 * follow in `moreFeatures`. `featureColumns` lists them all.
 */
export interface Dataset {
  readonly featureName: string;
  readonly targetName: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The features after the first, in the order chosen; absent with one feature. */
  readonly moreFeatures?: readonly FeatureColumn[];
  /** The label column (e.g. `Country`), when there is one: which row each point is. */
  readonly labelName?: string;
  /** One label per row, aligned with `x` and `y` (read one with `textAt`). */
  readonly labels?: TextColumn;
}

/**
 * The same rows with only some of the features (by index into `featureColumns`, in that order, at
 * least one): e.g. without the features a fit left out because of singularities. No row is copied.
 */
export function datasetWithFeatures(dataset: Dataset, indices: readonly number[]): Dataset {
  const all = featureColumns(dataset);
  const [first, ...more] = indices.map((j) => all[j]);
  const { targetName, y, labelName, labels } = dataset;
  return {
    featureName: first.name,
    targetName,
    x: first.values,
    y,
    ...(more.length > 0 ? { moreFeatures: more } : {}),
    ...(labelName === undefined ? {} : { labelName, labels }),
  };
}

export interface SkippedRows {
  /** How many data rows were skipped. */
  count: number;
  /** 1-based line numbers in the file (the header is line 1), the first few only. */
  lines: number[];
}

/** The data set or why not, with what the file offered either way (so the page can offer other columns). */
export type ParseOutcome = Result<{ dataset: Dataset }> & { columns: string[]; numericColumns: string[]; skipped: SkippedRows };

export interface ColumnChoice {
  feature?: string;
  /** Several features, in order (the first is `feature`'s place); wins over `feature` when given. */
  features?: readonly string[];
  target?: string;
  /** The column that names each row; undefined picks the one text column if there is one, null none. */
  label?: string | null;
}

/** Parses a cell as a finite number; empty or non-numeric cells give `undefined`. */
export function parseNumber(cell: unknown): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Every column of a CSV as numbers (NaN where a cell is empty or not a number), with line numbers. */
export interface Table {
  columns: string[];
  /** Columns where most non-empty cells are numbers: the ones a model can use. */
  numericColumns: string[];
  values: Map<string, Float64Array>;
  /** 1-based file line of each row (the header is line 1). */
  lines: Uint32Array;
  /** The cells of the text (non-numeric) columns, as written: the candidates for a label. */
  texts: Map<string, TextColumn>;
  /**
   * What is known of a column beyond numbers or text (constant, row numbers, all-different text, why
   * it is text), for the columns where something is: the facts column choice goes by.
   */
  facts: Map<string, ColumnFacts>;
}

/** How the file was written, as papaparse found it: its delimiter decides how numbers may be written. */
export interface TableOptions {
  /** `;` in a file from a comma-decimal locale (Excel in much of Europe): "20,62" is 20.62 there. */
  delimiter?: string;
}

/**
 * Collects rows one at a time, so the same logic serves a whole string and a streamed file. Columns
 * are chosen afterwards, so a user can switch columns without parsing again. Rows are read as arrays,
 * each cell by its column's index: a header named `__proto__`, `constructor` or `toString` is a
 * column like any other (as object keys, papaparse's rows lost or misread those cells). Cells go
 * into typed columns as they come (growing-columns.ts): no array of boxed numbers, no string per
 * cell, which at ten million rows is most of the time a parse takes. A reader that tells numbers
 * from the bytes (plain-csv.ts) hands them over cell by cell (`startRow`, `numberCell`, `cell`).
 */
export class TableBuilder {
  /** The column names: the header's, R's empty-header row names included (header-names.ts). */
  readonly columns: string[];
  /** Where in a row each column's cell is. */
  readonly positions: number[];
  private readonly values: GrowingNumbers[];
  private readonly lines = new GrowingIndices();
  private readonly numericCells: number[];
  private readonly filledCells: number[];
  /** Cells kept as text, for columns whose first filled cell was not a number (possible labels). */
  private readonly texts: (GrowingText | undefined)[];
  /** Each column read with decimal commas or thousands separators too (number-readings.ts). */
  private readonly otherReadings: OtherReading[];

  /**
   * `header` is the file's first row as parsed: names are cleaned (see `cleanHeader`), repeated ones
   * numbered as papaparse numbered them ("a", "a_1"); see `headerColumns` for empty ones.
   */
  constructor(header: readonly unknown[], options: TableOptions = {}) {
    const names = uniqueNames(header.map((cell) => cleanHeader(cell === undefined || cell === null ? '' : cellText(cell))));
    ({ columns: this.columns, positions: this.positions } = headerColumns(names));
    this.values = this.columns.map(() => new GrowingNumbers());
    this.numericCells = this.columns.map(() => 0);
    this.filledCells = this.columns.map(() => 0);
    this.texts = this.columns.map(() => undefined);
    this.otherReadings = this.columns.map(() => new OtherReading(options.delimiter === ';'));
  }

  /** Adds one parsed row (its cells in file order); `line` is its 1-based line number in the file. Blank rows are ignored. */
  add(row: readonly unknown[], line: number): void {
    if (isBlankRow(row)) return;
    this.startRow(line);
    this.positions.forEach((position, i) => {
      const cell = row[position];
      this.cell(i, cell === undefined || cell === null ? '' : cellText(cell));
    });
  }

  /** Starts a row that is not blank, at 1-based line `line`: then each column's cell, in column order. */
  startRow(line: number): void {
    this.lines.push(line);
  }

  /** Column `i`'s cell of the row started, as trimmed text. */
  cell(i: number, text: string): void {
    const value = parseNumber(text);
    if (text !== '') this.filledCells[i] += 1;
    if (value !== undefined) this.numericCells[i] += 1;
    this.otherReadings[i].add(text, value ?? Number.NaN, this.values[i].view());
    // Numeric columns keep no text: a million rows of numbers must not also sit in memory as text.
    if (this.texts[i] === undefined && text !== '' && value === undefined) this.keepText(i);
    this.texts[i]?.push(text);
    this.values[i].push(value ?? Number.NaN);
  }

  /**
   * Column `i`'s cell, a plain number without a comma, read from its bytes; only while the column
   * keeps no text and reads plain numbers as they are (`takesBareCells`).
   */
  numberCell(i: number, value: number): void {
    this.filledCells[i] += 1;
    this.numericCells[i] += 1;
    this.otherReadings[i].addPlain(value);
    this.values[i].push(value);
  }

  /**
   * Column `i`'s cell that no reading takes for a number (empty, or not starting like one), given
   * as trimmed ASCII bytes; only where `takesBareCells(i)` or the column keeps text.
   */
  asciiTextCell(i: number, bytes: Uint8Array, from: number, to: number): void {
    if (to > from) {
      this.filledCells[i] += 1;
      if (this.texts[i] === undefined) this.keepText(i);
    }
    this.otherReadings[i].addNone();
    this.texts[i]?.pushAscii(bytes, from, to);
    this.values[i].push(Number.NaN);
  }

  /** Whether column `i` takes `numberCell`: it keeps no text, and a plain number needs no text to be read. */
  takesBareCells(i: number): boolean {
    return this.texts[i] === undefined && this.otherReadings[i].readsPlainAsIs;
  }

  /** Whether column `i` takes `asciiTextCell` (no other reading looks at the text of a non-number). */
  takesAsciiText(i: number): boolean {
    return this.otherReadings[i].readsPlainAsIs;
  }

  /** Column `i` keeps its cells as text from now on; the rows before it get empty cells. */
  private keepText(i: number): void {
    const text = new GrowingText();
    text.pushEmpty(this.lines.length - 1);
    this.texts[i] = text;
  }

  get rowCount(): number {
    return this.lines.length;
  }

  finish(): Table {
    const values = this.values.map((column) => column.finish());
    // A column of "20,62"s in a semicolon file, or of "12,345,678"s: numbers under the other reading.
    this.otherReadings.forEach((reading, i) => {
      const better = reading.better(this.numericCells[i]);
      if (!better) return;
      values[i] = Float64Array.from(better.values);
      this.numericCells[i] = better.numbers;
    });
    const isNumeric = (i: number) => this.numericCells[i] > 0 && this.numericCells[i] * 2 >= this.filledCells[i];
    // Row names that are numbers (R's default 1, 2, 3, …, pandas' index) only number the rows: left out.
    const kept = this.columns.flatMap((column, i) => (column === ROW_NAMES_COLUMN && isNumeric(i) ? [] : [i]));
    const columns = kept.map((i) => this.columns[i]);
    const numericColumns = kept.filter(isNumeric).map((i) => this.columns[i]);
    const texts = new Map<string, TextColumn>();
    const facts = new Map<string, ColumnFacts>();
    const textColumns = kept.filter((i) => !isNumeric(i) && this.texts[i] !== undefined);
    for (const i of kept) {
      const column = this.columns[i];
      const cells = isNumeric(i) ? undefined : this.texts[i]?.finish();
      const known = isNumeric(i) ? numericFacts(values[i]) : cells ? textFacts(cells, countsDistinct(textColumns.length)) : {};
      if (Object.keys(known).length > 0) facts.set(column, known);
      if (cells) texts.set(column, cells);
    }
    return {
      columns,
      numericColumns,
      values: new Map(kept.map((i) => [this.columns[i], values[i]])),
      lines: this.lines.finish(),
      texts,
      facts,
    };
  }
}

/**
 * Whether text columns get their distinct values counted, to pick the one that names the rows: with
 * one there is nothing to pick, and among hundreds (a wide table) the user picks.
 */
function countsDistinct(textColumns: number): boolean {
  return textColumns > 1 && textColumns <= 50;
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((cell) => cell === undefined || cell === null || cellText(cell) === '');
}

/** Repeated names numbered as papaparse's header option numbered them: "a", "a_1", "a_2" (skipping names taken). */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const count = seen.get(name);
    if (count === undefined) {
      seen.set(name, 1);
      return name;
    }
    let suffix = count;
    let renamed: string;
    do renamed = `${name}_${suffix++}`;
    while (taken.has(renamed));
    taken.add(renamed);
    seen.set(name, count + 1);
    return renamed;
  });
}

/**
 * Picks the requested columns, else `Bmi` and `LifeExpectancy` when present (and not constant), else
 * the first two numeric columns a person would take: measurements before identifiers, row numbers
 * and constant columns (column-roles.ts).
 */
export function chooseColumns(
  table: Pick<Table, 'columns' | 'numericColumns'> & Partial<Pick<Table, 'facts'>>,
  choice: ColumnChoice = {},
): { feature: string; target: string } {
  const ranked = defaultCandidates(table);
  const candidates = ranked.length >= 2 ? ranked : table.columns;
  const named = (column: string) => table.columns.includes(column) && !isConstant(table, column);
  const chosen = choice.features !== undefined && choice.features.length > 0 ? choice.features : undefined;
  const feature = chosen?.[0] ?? choice.feature ?? (named(DEFAULT_FEATURE) ? DEFAULT_FEATURE : (candidates[0] ?? DEFAULT_FEATURE));
  const target = choice.target ?? (named(DEFAULT_TARGET) ? DEFAULT_TARGET : (candidates.find((c) => c !== feature) ?? DEFAULT_TARGET));
  return { feature, target };
}

/** Every feature a choice asks for, in order: `features` when given, else the one `chooseColumns` picks. */
export function chooseFeatures(table: Pick<Table, 'columns' | 'numericColumns'>, choice: ColumnChoice = {}): string[] {
  return choice.features !== undefined && choice.features.length > 0 ? [...choice.features] : [chooseColumns(table, choice).feature];
}

/**
 * The label column a choice asks for: the one given if it is a text column, none for null, else the
 * table's only text column, or of several the one whose values are (nearly) all different (R's row
 * names first); when that is not one column, the user picks.
 */
export function chooseLabel(table: Pick<Table, 'texts'> & Partial<Pick<Table, 'facts'>>, choice: ColumnChoice = {}): string | undefined {
  if (choice.label === null) return undefined;
  if (choice.label !== undefined) return table.texts.has(choice.label) ? choice.label : undefined;
  return defaultLabel([...table.texts.keys()], table.facts);
}

/**
 * The data set of some columns of a table (one or more features and the target): rows where any of
 * them is not a number are skipped and reported.
 */
export function selectColumns(table: Table, choice: ColumnChoice = {}): ParseOutcome {
  return runSteps(selectColumnsSteps(table, choice, Infinity));
}

/**
 * `selectColumns` on the page: at once for rows that fit a slice (returned), else in slices of
 * `rowsPerSlice` rows, one per task and none in the task that asks (a million rows × 16 features take
 * 200 ms and more in one piece), `done` getting the very same outcome; dropped once `wanted` says no.
 */
export function selectColumnsInSlices(
  table: Table,
  choice: ColumnChoice,
  done: (outcome: ParseOutcome) => void,
  wanted: () => boolean = () => true,
  rowsPerSlice = ROWS_PER_SLICE,
): ParseOutcome | undefined {
  if (table.lines.length <= rowsPerSlice) return selectColumns(table, choice);
  stepsInSlices(selectColumnsSteps(table, choice, rowsPerSlice), done, wanted);
  return undefined;
}

/** `selectColumns` as steps (steps.ts) of `slice` rows of one column. */
function* selectColumnsSteps(table: Table, choice: ColumnChoice, slice: number): Steps<ParseOutcome> {
  const { feature, target } = chooseColumns(table, choice);
  const features = chooseFeatures(table, choice);
  const skipped: SkippedRows = { count: 0, lines: [] };
  const base = { columns: table.columns, numericColumns: table.numericColumns, skipped };
  if (table.lines.length === 0) return { ok: false, error: 'The file has a header but no data rows.', ...base };
  const problem = tableProblem(table);
  if (problem) return { ok: false, error: problem, ...base };
  const missing = [...features, target].filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    return { ok: false, error: `Column ${missing.map((c) => `"${c}"`).join(' and ')} not found in the header.`, ...base };
  }
  if (features.includes(target)) return { ok: false, error: 'Feature and target must be different columns.', ...base };
  const twice = features.find((c, i) => features.indexOf(c) !== i);
  if (twice !== undefined) return { ok: false, error: `Feature "${twice}" is chosen twice; choose each column once.`, ...base };
  for (const column of [...features, target]) {
    if (!table.numericColumns.includes(column)) {
      return {
        ok: false,
        error: `Column "${column}" holds text, not numbers${textReason(table, column)}; choose a numeric column.`,
        ...base,
      };
    }
  }
  // A constant target has nothing to fit; a lone constant feature gives no slope (among several, the
  // fit leaves it out, as R's lm does).
  if (isConstant(table, target)) return { ok: false, error: constantColumnError(table, target, 'target'), ...base };
  if (features.length === 1 && isConstant(table, feature))
    return { ok: false, error: constantColumnError(table, feature, 'feature'), ...base };
  const xs = table.values.get(feature)!;
  const ys = table.values.get(target)!;
  const others = features.slice(1).map((name) => ({ name, values: table.values.get(name)! }));
  // The few bad rows found first, then each column copied around them in blocks (drop-rows.ts): a
  // million rows take milliseconds, not a long task.
  const columns = [xs, ys, ...others.map((column) => column.values)];
  const dropped = yield* rowsWithNaNSteps(columns, Math.max(1, Math.floor(slice / columns.length)));
  skipped.count = dropped.length;
  skipped.lines = dropped.slice(0, MAX_REPORTED_LINES).map((row) => table.lines[row]);
  const usable = xs.length - dropped.length;
  if (usable < MIN_ROWS) {
    return {
      ok: false,
      error: `Only ${usable} usable row${usable === 1 ? '' : 's'}: at least ${MIN_ROWS} are needed to fit a line.`,
      ...base,
    };
  }
  const moreFeatures: FeatureColumn[] = [];
  for (const column of others) moreFeatures.push({ name: column.name, values: yield* withoutRowsSteps(column.values, dropped, slice) });
  const dataset: Dataset = {
    featureName: feature,
    targetName: target,
    x: yield* withoutRowsSteps(xs, dropped, slice),
    y: yield* withoutRowsSteps(ys, dropped, slice),
    ...(moreFeatures.length > 0 ? { moreFeatures } : {}),
  };
  const targetColumn = { name: target, values: dataset.y };
  const linesOf = () => withoutRowsSteps(table.lines, dropped, slice);
  for (const column of featureColumns(dataset)) {
    const overflow = yield* statisticsOverflowError(column, targetColumn, linesOf, slice);
    if (overflow) return { ok: false, error: overflow, ...base };
  }
  const labelName = chooseLabel(table, choice);
  const texts = labelName === undefined ? undefined : table.texts.get(labelName);
  if (!texts) return { ok: true, dataset, ...base };
  // Every row usable (the usual case): the table's column as it is, else only the usable rows' cells.
  const labels =
    dropped.length === 0
      ? texts
      : {
          text: texts.text,
          starts: yield* withoutRowsSteps(texts.starts, dropped, slice),
          ends: yield* withoutRowsSteps(texts.ends, dropped, slice),
        };
  return { ok: true, dataset: { ...dataset, labelName, labels }, ...base };
}

/** Trims header names and drops a BOM that survived decoding. */
export function cleanHeader(header: string): string {
  return stripBom(header).trim();
}

/**
 * The papaparse options every CSV read uses, whole text or stream: rows as arrays of cells (the first
 * is the header, which `TableBuilder` reads); empty lines kept, so line numbers in messages stay true
 * (the table builder skips them).
 */
export const CSV_PARSE_OPTIONS = { header: false, skipEmptyLines: false } as const;

/** Parses a whole CSV text into a table. Line numbers assume no quoted field spans lines. */
export function parseTable(text: string): Table | { error: string } {
  if (stripBom(text).trim() === '') return { error: 'The file is empty.' };
  const result = Papa.parse<unknown[]>(text, CSV_PARSE_OPTIONS);
  const [header = [], ...rows] = result.data;
  const builder = new TableBuilder(header, { delimiter: result.meta.delimiter });
  rows.forEach((row, index) => builder.add(row, index + 2));
  return builder.finish();
}

/** Parses a whole CSV text and picks the feature(s) and target columns. */
export function parseCsv(text: string, choice: ColumnChoice = {}): ParseOutcome {
  const table = parseTable(text);
  if ('error' in table) return { ok: false, error: table.error, columns: [], numericColumns: [], skipped: { count: 0, lines: [] } };
  return selectColumns(table, choice);
}

/** A parsed cell as trimmed text: papaparse gives strings (or numbers with dynamic typing). */
function cellText(cell: unknown): string {
  return (typeof cell === 'string' ? cell : `${cell as number}`).trim();
}
