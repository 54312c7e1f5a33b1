/**
 * Backend names and labels, kept apart from TensorFlow.js so the page can show them before TF.js loads.
 */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
/** The order backends are tried in when none is forced. */
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export interface BackendChoice {
  /** The backend now running. */
  name: BackendName;
  /** One line per backend tried before it, e.g. "WebGPU unavailable: no adapter". */
  fallbacks: string[];
}

/** Reads a backend name as given in `?backend=`; anything else gives undefined. */
export function parseBackendName(value: string | null | undefined): BackendName | undefined {
  return BACKENDS.find((name) => name === value?.toLowerCase());
}

/** "WebGPU unavailable: no adapter; using WebGL" — or just "WebGPU" when nothing fell back. */
export function describeBackend(choice: BackendChoice): string {
  const label = BACKEND_LABELS[choice.name];
  return choice.fallbacks.length === 0 ? label : `${choice.fallbacks.join('; ')}; using ${label}`;
}
