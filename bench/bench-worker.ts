/** Runs bench tasks off the main thread, as the app's training does. */
import { scale } from './tasks.ts';

export interface WorkerTask {
  kind: 'scale';
  backend: Parameters<typeof scale>[0];
  rows: number;
  epochs: number;
  runs: number;
  fused: boolean;
}

self.onmessage = async (event: MessageEvent<WorkerTask>) => {
  const task = event.data;
  try {
    const result = await scale(task.backend, task.rows, task.epochs, task.runs, task.fused);
    self.postMessage({ ok: true, result });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
