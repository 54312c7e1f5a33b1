/** Exposes the in-browser measurements to the Node driver (bench/run.ts) as `window.bmiBench`. */
import { convergence, originalRecipe } from './tasks.ts';
import type { WorkerTask } from './bench-worker.ts';

/** Runs one task in a fresh worker, so each measurement starts from a clean TF.js. */
function inWorker(task: WorkerTask): Promise<unknown> {
  const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: boolean; result?: unknown; error?: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(task);
  });
}

const api = { convergence, originalRecipe, inWorker };
export type BenchApi = typeof api;
(globalThis as unknown as { bmiBench: BenchApi }).bmiBench = api;
