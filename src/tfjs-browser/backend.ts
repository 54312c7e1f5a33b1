/**
 * Browser only (it probes navigator.gpu and registers the WebGL, WebGPU and WASM backends), so it lives
 * outside src/core.
 *
 * Picks and initialises a TF.js backend: WebGPU when the browser gives an adapter, else WebGL, WASM
 * and CPU in that order, recording why each one before the winner was passed over, what device it runs
 * on (a software adapter is said to be one) and, on WebGPU, which fused kernels train.
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
import { BACKEND_LABELS, BACKENDS, type BackendChoice, type BackendName, type DeviceSummary } from '../core/settings/backends.ts';
import type { Result } from '../core/result.ts';
import { errorMessage } from '../core/text.ts';
import { describeAdapter, describeWebglRenderer, type AdapterLike } from './device-info.ts';
import { chooseKernels, describeFeatureRule, describeKernelRule } from './kernel-choice.ts';

export interface BackendOptions {
  /** Try this one first (from `?backend=`); the others remain as fallbacks. */
  preferred?: BackendName | undefined;
  /** Where the WASM backend's .wasm files are: a URL prefix, or one URL per file. */
  wasmPaths?: string | Record<string, string> | undefined;
  /** False to train WebGPU with TF.js's per-op loop instead of the fused programs (the bench compares them). */
  fused?: boolean | undefined;
}

interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

/** The adapter WebGPU would get (as TF.js asks for it), or why there is none. */
async function webgpuAdapter(): Promise<Result<{ adapter: AdapterLike }>> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
  if (!gpu) return { ok: false, error: 'navigator.gpu is missing (browser without WebGPU, or not enabled)' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    return adapter ? { ok: true, adapter } : { ok: false, error: 'no adapter' };
  } catch (error) {
    return { ok: false, error: `requestAdapter failed (${String(error)})` };
  }
}

/** Starts a backend; gives what it runs on, or why it cannot run. */
async function tryBackend(name: BackendName): Promise<Result<{ device: DeviceSummary | undefined }>> {
  let device: DeviceSummary | undefined;
  if (name === 'webgpu') {
    const found = await webgpuAdapter();
    if (!found.ok) return found;
    device = describeAdapter(found.adapter);
  }
  try {
    // setBackend returns false rather than throwing when a backend cannot initialise.
    if (!(await tf.setBackend(name))) return { ok: false, error: 'failed to initialise' };
    await tf.ready();
    return { ok: true, device: name === 'webgl' ? describeWebglRenderer() : device };
  } catch (error) {
    return { ok: false, error: `failed to initialise (${errorMessage(error)})` };
  }
}

export async function chooseBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  if (options.wasmPaths) setWasmPaths(options.wasmPaths);
  const order = options.preferred ? [options.preferred, ...BACKENDS.filter((b) => b !== options.preferred)] : [...BACKENDS];
  const fallbacks: string[] = [];
  for (const name of order) {
    const outcome = await tryBackend(name);
    if (!outcome.ok) {
      fallbacks.push(`${BACKEND_LABELS[name]} unavailable: ${outcome.error}`);
      continue;
    }
    const { device } = outcome;
    const fused = name === 'webgpu' && device && options.fused !== false ? chooseKernels(device) : undefined;
    const kernels = fused ? `${describeKernelRule(fused)}; ${describeFeatureRule(fused)}` : undefined;
    return { name, fallbacks, device, kernels };
  }
  throw new Error(`No TensorFlow.js backend could start. ${fallbacks.join('; ')}`);
}
