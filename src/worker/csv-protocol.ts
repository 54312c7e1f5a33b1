/** The messages between the page (`app/csv-file-loader.ts`) and the CSV worker (`csv-worker.ts`). */
import type { ParseProgress, TableOutcome } from '../core/csv-stream.ts';

export type CsvWorkerRequest = { type: 'parse'; file: File };

export type CsvWorkerEvent =
  | { type: 'progress'; progress: ParseProgress }
  | { type: 'done'; outcome: TableOutcome };
