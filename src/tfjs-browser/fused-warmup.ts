/**
 * Compiles the fused programs a first run on small data needs (the one-pass program and the
 * read-back) with one epoch on four rows, so that run does not wait for shader compilation. Larger
 * data sets (two passes) compile theirs in their first epoch, where it weighs little.
 */
import { DEFAULT_SETTINGS } from '../core/settings/training-settings.ts';
import { createFusedRunner } from './fused-runner.ts';
import type { KernelChoice } from './kernel-choice.ts';

export async function warmUpFusedKernels(choice: KernelChoice): Promise<void> {
  const rows = Float32Array.from([-1.5, -0.5, 0.5, 1.5]);
  const setup = {
    train: { x: rows, y: rows },
    validation: { x: rows, y: rows },
    start: { slope: 0, intercept: 0 },
    settings: DEFAULT_SETTINGS,
  };
  const runner = createFusedRunner(setup, choice);
  try {
    runner.queueStart();
    await runner.queueEpochs(1, { due: () => false, take: async () => true });
    await runner.readBack();
  } finally {
    runner.dispose();
  }
}
