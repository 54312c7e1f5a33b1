/**
 * Compiles the fused programs before the first Train: one epoch of each kind (one pass, two passes,
 * and the read-back) on four rows, so a user's first run does not wait for shader compilation.
 */
import { DEFAULT_SETTINGS } from '../core/train/settings.ts';
import { createFusedRunner } from './fused-runner.ts';
import type { KernelChoice } from './kernel-choice.ts';

export async function warmUpFusedKernels(choice: KernelChoice): Promise<void> {
  const rows = Float32Array.from([-1.5, -0.5, 0.5, 1.5]);
  const setup = { train: { x: rows, y: rows }, validation: { x: rows, y: rows }, start: { slope: 0, intercept: 0 }, settings: DEFAULT_SETTINGS };
  for (const kernels of [choice, { ...choice, onePassMaxRows: 0 }]) {
    const runner = createFusedRunner(setup, kernels);
    try {
      runner.queueStart();
      await runner.queueEpochs(1, { due: () => false, take: async () => true });
      await runner.readBack();
    } finally {
      runner.dispose();
    }
  }
}
