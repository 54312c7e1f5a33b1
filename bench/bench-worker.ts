/** Runs bench tasks off the main thread, as the app's training does. */
import { exactFit, scale } from './tasks.ts';
import { kernelCost } from './kernel-costs.ts';
import type { KernelVariant } from './kernel-variants.ts';

export type WorkerTask =
  | {
      kind: 'scale';
      backend: Parameters<typeof scale>[0];
      rows: number;
      epochs: number;
      runs: number;
      fused: boolean;
      /** 1 unless given. */
      features?: number;
      warmEpochs?: number;
    }
  | { kind: 'exact-fit'; rows: number; features: number }
  | { kind: 'kernel-cost'; variant: KernelVariant; rows: number; features: number; passes: number };

self.onmessage = async (event: MessageEvent<WorkerTask>) => {
  const task = event.data;
  try {
    const result =
      task.kind === 'exact-fit'
        ? exactFit(task.rows, task.features)
        : task.kind === 'kernel-cost'
          ? await kernelCost(task.variant, task.rows, task.features, task.passes)
          : await scale(task.backend, task.rows, task.epochs, task.runs, task.fused, task.features, task.warmEpochs);
    self.postMessage({ ok: true, result });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
