/**
 * What runs the epochs in the browser: the fused WebGPU programs when WebGPU is up and its adapter
 * known, TF.js's per-op loop otherwise (WebGL, WASM, CPU), behind the same EpochRunner interface.
 */
import type { BackendChoice } from '../core/settings/backends.ts';
import type { RunnerFactory } from '../core/train/epoch-runner.ts';
import { createPerOpRunner } from '../core/train/per-op-runner.ts';
import { createFusedRunner } from './fused-runner.ts';
import { warmUpFusedKernels } from './fused-warmup.ts';
import { chooseKernels } from './kernel-choice.ts';
import { settleWebgpuQueue } from './webgpu-queue.ts';

/** The fused programs exactly when `chooseBackend` named fused kernels for this choice. */
export function runnerFor(choice: BackendChoice): RunnerFactory {
  if (choice.name !== 'webgpu') return (setup) => createPerOpRunner(setup);
  const device = choice.device;
  if (choice.kernels === undefined || !device) return (setup) => createPerOpRunner(setup, settleWebgpuQueue);
  return (setup) => createFusedRunner(setup, chooseKernels(device, setup.features ?? 1));
}

/** Compiles the fused programs ahead of the first run when they will be used; never fails a run. */
export async function warmUp(choice: BackendChoice): Promise<void> {
  if (choice.name !== 'webgpu' || choice.kernels === undefined || !choice.device) return;
  try {
    await warmUpFusedKernels(chooseKernels(choice.device));
  } catch {
    // A failed warm-up only means the first run compiles its shaders itself.
  }
}
