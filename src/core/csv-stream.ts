/**
 * Parses a CSV file (or text) chunk by chunk into a `Table`, reporting progress, so a file of a
 * million rows never has to sit in memory as one string and a worker can say how far it got. Also the
 * messages of the CSV worker that runs it.
 */
import Papa from 'papaparse';
import { CSV_PARSE_OPTIONS, TableBuilder, type Table } from './dataset.ts';
import type { Result } from './result.ts';

export interface ParseProgress {
  /** Share of the input read, 0 to 1. */
  fraction: number;
  rows: number;
}

export type TableOutcome = Result<{ table: Table }>;

/** Characters per chunk: large enough to be fast, small enough to report progress often. */
const CHUNK_SIZE = 1 << 20;

/** Streams `input` through papaparse into a table. Line numbers assume no quoted field spans lines. */
export function parseTableStream(
  input: File | string,
  onProgress: (progress: ParseProgress) => void = () => {},
  chunkSize = CHUNK_SIZE,
): Promise<TableOutcome> {
  const size = typeof input === 'string' ? input.length : input.size;
  let builder: TableBuilder | undefined;
  let line = 2;
  return new Promise((resolve) => {
    Papa.parse<Record<string, unknown>>(input as File, {
      ...CSV_PARSE_OPTIONS,
      worker: false,
      chunkSize,
      chunk(results) {
        builder ??= new TableBuilder((results.meta.fields ?? []).filter((column) => column !== ''));
        for (const row of results.data) builder.add(row, line++);
        onProgress({ fraction: size === 0 ? 1 : Math.min(1, results.meta.cursor / size), rows: builder.rowCount });
      },
      complete() {
        if (!builder || builder.columns.length === 0) resolve({ ok: false, error: 'The file is empty.' });
        else resolve({ ok: true, table: builder.finish() });
      },
      error(error: Error) {
        resolve({ ok: false, error: `The file could not be read (${error.message}).` });
      },
    });
  });
}

export type CsvWorkerRequest = { type: 'parse'; file: File };

export type CsvWorkerEvent =
  | { type: 'progress'; progress: ParseProgress }
  | { type: 'done'; outcome: TableOutcome };
