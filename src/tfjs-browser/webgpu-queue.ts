/**
 * Reaching into TF.js's WebGPU backend, in one place: its device, its pipeline cache, and flushing its
 * pending command encoder so the device queue can be waited on.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

/** The parts of the backend used here that its typings keep private. */
interface BackendInternals {
  device: GPUDevice;
  commandEncoder: GPUCommandEncoder | null;
  pipelineCache: Record<string, unknown>;
  endComputePassEncoder(): void;
  submitQueue(): void;
}

export function webgpuBackend(): WebGPUBackend {
  if (tf.getBackend() !== 'webgpu') throw new Error('The WebGPU backend is not active.');
  // The active backend is the WebGPU one (checked above), registered from this very package.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  return tf.backend() as WebGPUBackend;
}

function internals(): BackendInternals {
  return webgpuBackend() as unknown as BackendInternals;
}

/** TF.js's WebGPU device, for buffers that outlive its tensors (resident-rows.ts). */
export function webgpuDevice(): GPUDevice {
  return internals().device;
}

/** Submits what TF.js has encoded and resolves once the device has done all of it. */
export async function settleWebgpuQueue(): Promise<void> {
  const backend = internals();
  if (backend.commandEncoder) {
    backend.endComputePassEncoder();
    backend.submitQueue();
  }
  await backend.device.queue.onSubmittedWorkDone();
}

/** How many compute pipelines TF.js has compiled so far (its cache holds one per shader key). */
export function compiledPipelineCount(): number {
  return Object.keys(internals().pipelineCache).length;
}
