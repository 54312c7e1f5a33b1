/** Runs bench tasks off the main thread, as the app's training and CSV parsing do. */
import { parse, scale } from './tasks.ts';

export type WorkerTask =
  | { kind: 'scale'; backend: Parameters<typeof scale>[0]; rows: number; epochs: number; runs: number }
  | { kind: 'parse'; rows: number; runs: number };

self.onmessage = async (event: MessageEvent<WorkerTask>) => {
  const task = event.data;
  try {
    const result = task.kind === 'scale' ? await scale(task.backend, task.rows, task.epochs, task.runs) : await parse(task.rows, task.runs);
    self.postMessage({ ok: true, result });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
