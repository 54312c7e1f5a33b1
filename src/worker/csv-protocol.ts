/** The messages between the page (`app/csv-file-loader.ts`) and the CSV worker (`csv-worker.ts`). */
import type { ParseProgress, TableOutcome } from '../core/csv-stream.ts';
import type { Result } from '../core/result.ts';
import type { Table } from '../core/dataset.ts';

export type CsvWorkerRequest = { type: 'parse'; file: File };

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
  /** The text columns, already packed (one string and two offset arrays each). */
  texts: Table['texts'];
}

export type PackedTableOutcome = Result<{ table: PackedTable }>;

export type CsvWorkerEvent =
  | { type: 'progress'; progress: ParseProgress }
  | { type: 'done'; outcome: PackedTableOutcome };

export function packTable(table: Table): PackedTable {
  const rows = table.lines.length;
  const numbers = new Float64Array(rows * table.columns.length);
  table.columns.forEach((column, i) => numbers.set(table.values.get(column)!, i * rows));
  return { columns: table.columns, numericColumns: table.numericColumns, lines: table.lines, numbers, texts: table.texts };
}

/** The table again, each column a view on the one buffer (no copy). */
export function unpackTable(packed: PackedTable): Table {
  const rows = packed.lines.length;
  const values = new Map(packed.columns.map((column, i) => [column, packed.numbers.subarray(i * rows, (i + 1) * rows)]));
  return { columns: packed.columns, numericColumns: packed.numericColumns, lines: packed.lines, values, texts: packed.texts };
}

export function unpackOutcome(outcome: PackedTableOutcome): TableOutcome {
  return outcome.ok ? { ok: true, table: unpackTable(outcome.table) } : outcome;
}
