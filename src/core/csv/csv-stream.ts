/**
 * Builds a `Table` from papaparse's chunks, reporting progress, so a file of a million rows never has
 * to sit in memory as one string and a worker can say how far it got. What is read (a File in the CSV
 * worker, a text in tests) is the caller's: core knows only the chunks.
 */
import { CSV_PARSE_OPTIONS, TableBuilder, type Table } from '../data/dataset.ts';
import type { Result } from '../result.ts';

export interface ParseProgress {
  /** Share of the input read, 0 to 1. */
  fraction: number;
  rows: number;
}

export type TableOutcome = Result<{ table: Table }>;

/** What papaparse hands over per chunk (the part of its `ParseResult` the builder reads). */
export interface CsvChunk {
  /** Rows as arrays of cells; the first row of the first chunk is the header. */
  data: unknown[][];
  meta: { cursor: number; delimiter?: string };
}

/** The papaparse config of a streamed read: the shared CSV options plus the chunk callbacks. */
export type TableStreamConfig = typeof CSV_PARSE_OPTIONS & {
  worker: false;
  chunkSize: number;
  chunk(results: CsvChunk): void;
  complete(): void;
  error(error: Error): void;
};

/** Characters per chunk: large enough to be fast, small enough to report progress often. */
const CHUNK_SIZE = 1 << 20;

/**
 * Streams a CSV into a table: `read` starts papaparse on the input with the given config, e.g.
 * `(config) => Papa.parse(file, config)`; `size` is the input's length, for progress. Line numbers
 * assume no quoted field spans lines.
 */
export function streamTable(
  read: (config: TableStreamConfig) => void,
  size: number,
  onProgress: (progress: ParseProgress) => void = () => {},
  chunkSize = CHUNK_SIZE,
): Promise<TableOutcome> {
  let builder: TableBuilder | undefined;
  let line = 2;
  return new Promise((resolve) => {
    read({
      ...CSV_PARSE_OPTIONS,
      worker: false,
      chunkSize,
      chunk(results) {
        for (const row of results.data) {
          if (builder) builder.add(row, line++);
          else builder = new TableBuilder(row, { delimiter: results.meta.delimiter });
        }
        onProgress({ fraction: size === 0 ? 1 : Math.min(1, results.meta.cursor / size), rows: builder?.rowCount ?? 0 });
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
