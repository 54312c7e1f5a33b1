/**
 * Reads a CSV file the user picked: refuses what is plainly not CSV, then parses it in a worker
 * (`worker/csv-worker.ts`) with progress, so even a million rows never block the page.
 */
import { checkCsvFile, HEAD_BYTES } from '../core/csv/file-check.ts';
import type { ParseProgress, TableOutcome } from '../core/csv/csv-stream.ts';
import { unpackOutcome, type CsvWorkerEvent, type CsvWorkerRequest } from '../worker/csv-protocol.ts';

export async function loadCsvFile(file: File, onProgress: (progress: ParseProgress) => void): Promise<TableOutcome> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const refusal = checkCsvFile(file, head);
  if (refusal) return { ok: false, error: refusal };
  const worker = new Worker(new URL('../worker/csv-worker.ts', import.meta.url), { type: 'module', name: 'csv' });
  try {
    return await new Promise<TableOutcome>((resolve) => {
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
      worker.postMessage({ type: 'parse', file } satisfies CsvWorkerRequest);
    });
  } finally {
    worker.terminate();
  }
}
