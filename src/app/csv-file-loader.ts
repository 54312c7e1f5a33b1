/**
 * Reads a CSV file the user picked: refuses what is plainly not CSV, then parses it in a worker
 * (`worker/csv-worker.ts`) with progress, so even ten million rows never block the page.
 */
import { checkCsvFile, HEAD_BYTES } from '../core/csv/file-check.ts';
import type { ParseProgress, TableOutcome } from '../core/csv/csv-stream.ts';
import type { ColumnChoice, ParseOutcome } from '../core/data/dataset.ts';
import { unpackOutcome, type CsvWorkerEvent, type CsvWorkerRequest } from '../worker/csv-protocol.ts';

/** The table, and (when it was read) the outcome of each column choice the worker tried, in order, up to the first that worked. */
export type LoadedCsv = TableOutcome & { selected?: ParseOutcome[] };

/**
 * Reads the file in the CSV worker, which also takes the data set of the first of `choices` the
 * table supports (a pass over every row, kept off the page).
 */
export async function loadCsvFile(
  file: File,
  onProgress: (progress: ParseProgress) => void,
  choices: ColumnChoice[] = [],
): Promise<LoadedCsv> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const refusal = checkCsvFile(file, head);
  if (refusal) return { ok: false, error: refusal };
  const worker = new Worker(new URL('../worker/csv-worker.ts', import.meta.url), { type: 'module', name: 'csv' });
  try {
    return await new Promise<LoadedCsv>((resolve) => {
      worker.addEventListener('message', (message: MessageEvent<CsvWorkerEvent>) => {
        const event = message.data;
        if (event.type === 'progress') onProgress(event.progress);
        // Taking the table in a task of its own: receiving it and rendering it are each short.
        else setTimeout(() => resolve(unpackOutcome(event.outcome)), 0);
      });
      worker.addEventListener('error', (event) =>
        resolve({ ok: false, error: `The file could not be parsed (${event.message || 'worker failed'}).` }),
      );
      // The parsed table could not be received (e.g. too large to copy back to the page).
      worker.addEventListener('messageerror', () => resolve({ ok: false, error: 'The parsed file could not be passed back to the page.' }));
      worker.postMessage({ type: 'parse', file, choices } satisfies CsvWorkerRequest);
    });
  } finally {
    worker.terminate();
  }
}
