/** The messages between the page (`app/csv-file-loader.ts`) and the CSV worker (`csv-worker.ts`). */
import type { ParseProgress, TableOutcome } from '../core/csv/csv-stream.ts';
import type { Result } from '../core/result.ts';
import type { ColumnFacts } from '../core/csv/column-facts.ts';
import { selectColumns, type ColumnChoice, type ParseOutcome, type Table } from '../core/data/dataset.ts';
import { featureColumns } from '../core/data/feature-columns.ts';
import { datasetFactsOf, rememberDatasetFacts, type DatasetFacts } from '../core/data/dataset-facts.ts';

export interface CsvWorkerRequest {
  type: 'parse';
  file: File;
  /**
   * Column choices to try in order once the table is read: the worker takes the data set of each
   * (a pass over every row that drops bad ones, 300 ms at ten million rows) until one works.
   */
  choices: ColumnChoice[];
}

/**
 * A table as it crosses to the page: every column's numbers one after another in one buffer (rows
 * each), not a Map of thousands of arrays. Receiving 10,000 arrays took the page a long task of its
 * own (structured clone makes an object per array); one buffer arrives in a few milliseconds.
 */
export interface PackedTable {
  columns: string[];
  numericColumns: string[];
  lines: Uint32Array;
  /** Column after column, `lines.length` numbers each, in `columns` order. */
  numbers: Float64Array;
  /**
   * The text columns, all in one: their names, every cell's code units one after another in
   * `textChars` (transferred: a string of ten million cells took the page a 230 ms task to receive),
   * and each cell's start in it, column after column (`textRows` gives where each column's cells
   * begin), then every cell's end in the same order. Thousands of separate offset arrays would cost
   * the page a long task, like numbers.
   */
  textColumns: string[];
  textChars: Uint8Array | Uint16Array;
  /** Every cell's start (cells `textRows[i]` to `textRows[i + 1]` are column i's), then every cell's end. */
  textOffsets: Uint32Array;
  /** Column i's cells are `textRows[i]` to `textRows[i + 1]` in the offset arrays. */
  textRows: Uint32Array;
  /** What is known of the columns where something is: a few small objects, however wide the table. */
  facts: [string, ColumnFacts][];
}

/**
 * The table, and the outcome of each column choice tried in the worker, in order, up to the first
 * that worked: its data set's columns are new buffers (transferred), its labels views on the table's.
 */
export type PackedTableOutcome = Result<{ table: PackedTable; selected: ParseOutcome[]; facts?: DatasetFacts }>;

export type CsvWorkerEvent = { type: 'progress'; progress: ParseProgress } | { type: 'done'; outcome: PackedTableOutcome };

export function packTable(table: Table): PackedTable {
  const rows = table.lines.length;
  const numbers = new Float64Array(rows * table.columns.length);
  table.columns.forEach((column, i) => numbers.set(table.values.get(column)!, i * rows));
  const textColumns = [...table.texts.keys()];
  const cells = textColumns.map((column) => table.texts.get(column)!);
  const textRows = new Uint32Array(cells.length + 1);
  cells.forEach((column, i) => (textRows[i + 1] = textRows[i] + column.starts.length));
  const cellCount = textRows[cells.length];
  const textOffsets = new Uint32Array(2 * cellCount);
  const wide = cells.some((column) => column.text instanceof Uint16Array);
  const textChars = new (wide ? Uint16Array : Uint8Array)(cells.reduce((sum, column) => sum + column.text.length, 0));
  let shift = 0;
  cells.forEach((column, i) => {
    for (let row = 0; row < column.starts.length; row++) {
      textOffsets[textRows[i] + row] = column.starts[row] + shift;
      textOffsets[cellCount + textRows[i] + row] = column.ends[row] + shift;
    }
    textChars.set(column.text, shift);
    shift += column.text.length;
  });
  return {
    columns: table.columns,
    numericColumns: table.numericColumns,
    lines: table.lines,
    numbers,
    textColumns,
    textChars,
    textOffsets,
    textRows,
    facts: [...table.facts],
  };
}

/** The buffers a packed table can hand over instead of copying. */
export function transferablesOf(packed: PackedTable): ArrayBuffer[] {
  return [packed.numbers, packed.lines, packed.textChars, packed.textOffsets, packed.textRows].map((array) => array.buffer as ArrayBuffer);
}

/**
 * The outcome of each choice on the packed table, in order, up to the first that works (the page's
 * own `selectColumns` on the same table gives the same outcomes).
 */
export function selectInWorker(packed: PackedTable, choices: readonly ColumnChoice[]): ParseOutcome[] {
  const table = unpackTable(packed);
  const outcomes: ParseOutcome[] = [];
  for (const choice of choices) {
    const outcome = selectColumns(table, choice);
    outcomes.push(outcome);
    if (outcome.ok) break;
  }
  return outcomes;
}

/** Every buffer the message carries, once each (a buffer listed twice cannot be transferred). */
export function transferablesOfOutcome(packed: PackedTable, selected: readonly ParseOutcome[]): ArrayBuffer[] {
  const buffers = new Set(transferablesOf(packed));
  for (const outcome of selected) {
    if (!outcome.ok) continue;
    const { dataset } = outcome;
    for (const column of featureColumns(dataset)) buffers.add(column.values.buffer as ArrayBuffer);
    buffers.add(dataset.y.buffer as ArrayBuffer);
    if (dataset.labels) for (const array of [dataset.labels.starts, dataset.labels.ends]) buffers.add(array.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** The table again, each column a view on the one buffer (no copy). */
export function unpackTable(packed: PackedTable): Table {
  const rows = packed.lines.length;
  const values = new Map(packed.columns.map((column, i) => [column, packed.numbers.subarray(i * rows, (i + 1) * rows)]));
  const { textChars: text, textOffsets, textRows } = packed;
  const cellCount = textRows[textRows.length - 1];
  // Views on the shared offsets; every column's text is the one joined buffer (offsets point into it).
  const texts: Table['texts'] = new Map(
    packed.textColumns.map((column, i) => [
      column,
      {
        text,
        starts: textOffsets.subarray(textRows[i], textRows[i + 1]),
        ends: textOffsets.subarray(cellCount + textRows[i], cellCount + textRows[i + 1]),
      },
    ]),
  );
  return {
    columns: packed.columns,
    numericColumns: packed.numericColumns,
    lines: packed.lines,
    values,
    texts,
    facts: new Map(packed.facts),
  };
}

/**
 * The table and the column choices' outcomes as the page uses them: the moments of the data set
 * chosen (`facts`, computed in the worker) are remembered for its columns, so the page never passes
 * over its rows for them.
 */
export function unpackOutcome(outcome: PackedTableOutcome): TableOutcome & { selected?: ParseOutcome[] } {
  if (!outcome.ok) return outcome;
  const chosen = outcome.selected.at(-1);
  if (chosen?.ok && outcome.facts) rememberDatasetFacts(chosen.dataset, outcome.facts);
  return { ok: true, table: unpackTable(outcome.table), selected: outcome.selected };
}

/** The facts of the data set the worker chose, if it chose one. */
export function factsOfSelected(selected: readonly ParseOutcome[]): DatasetFacts | undefined {
  const chosen = selected.at(-1);
  return chosen?.ok ? datasetFactsOf(chosen.dataset) : undefined;
}
