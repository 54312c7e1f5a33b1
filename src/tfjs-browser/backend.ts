/**
 * Browser only (it probes navigator.gpu and registers the WebGL, WebGPU and WASM backends), so it lives
 * outside src/core.
 *
 * Picks and initialises a TF.js backend: WebGPU when the browser gives an adapter, else WebGL, WASM
 * and CPU in that order, recording why each one before the winner was passed over.
 */
// TF.js core and the four backends only: training needs no layers, converter or data API, and
// leaving them out keeps the training worker about a third smaller.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradients by itself; training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BACKEND_LABELS, BACKENDS, type BackendChoice, type BackendName } from '../core/backends.ts';
import { errorMessage } from '../core/text.ts';

export interface BackendOptions {
  /** Try this one first (from `?backend=`); the others remain as fallbacks. */
  preferred?: BackendName | undefined;
  /** Where the WASM backend's .wasm files are: a URL prefix, or one URL per file. */
  wasmPaths?: string | Record<string, string> | undefined;
}

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** Why WebGPU cannot run here, or undefined when an adapter is available. */
async function webgpuUnavailableReason(): Promise<string | undefined> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
  if (!gpu) return 'navigator.gpu is missing (browser without WebGPU, or not enabled)';
  try {
    return (await gpu.requestAdapter()) ? undefined : 'no adapter';
  } catch (error) {
    return `requestAdapter failed (${String(error)})`;
  }
}

async function tryBackend(name: BackendName): Promise<string | undefined> {
  if (name === 'webgpu') {
    const reason = await webgpuUnavailableReason();
    if (reason) return reason;
  }
  try {
    // setBackend returns false rather than throwing when a backend cannot initialise.
    if (!(await tf.setBackend(name))) return 'failed to initialise';
    await tf.ready();
    return undefined;
  } catch (error) {
    return `failed to initialise (${errorMessage(error)})`;
  }
}

export async function chooseBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  if (options.wasmPaths) setWasmPaths(options.wasmPaths);
  const order = options.preferred ? [options.preferred, ...BACKENDS.filter((b) => b !== options.preferred)] : [...BACKENDS];
  const fallbacks: string[] = [];
  for (const name of order) {
    const reason = await tryBackend(name);
    if (reason === undefined) return { name, fallbacks };
    fallbacks.push(`${BACKEND_LABELS[name]} unavailable: ${reason}`);
  }
  throw new Error(`No TensorFlow.js backend could start. ${fallbacks.join('; ')}`);
}
