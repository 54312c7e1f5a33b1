/**
 * Backend names and labels, kept apart from TensorFlow.js so the page can show them before TF.js loads,
 * and the honest sentences about what trains: a software adapter is no GPU, and after a fallback the
 * page does not claim one.
 */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
/** The order backends are tried in when none is forced. */
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/** The device behind a GPU backend (WebGPU adapter, WebGL renderer). */
export interface DeviceSummary {
  /** What the browser calls it, e.g. "google swiftshader" or "nvidia ampere". */
  name: string;
  /** A software or fallback device (SwiftShader, llvmpipe, WARP…): no GPU. */
  software: boolean;
}

export interface BackendChoice {
  /** The backend now running. */
  name: BackendName;
  /** One line per backend tried before it, e.g. "WebGPU unavailable: no adapter". */
  fallbacks: string[];
  /** The device, for WebGPU and WebGL when the browser says. */
  device?: DeviceSummary | undefined;
  /** How training runs on it, e.g. "fused kernels, workgroup 4: 1 pass … else 2 passes"; absent for TF.js's per-op loop. */
  kernels?: string | undefined;
}

/** Reads a backend name as given in `?backend=`; anything else gives undefined. */
export function parseBackendName(value: string | null | undefined): BackendName | undefined {
  return BACKENDS.find((name) => name === value?.toLowerCase());
}

/** True when training runs on a real GPU. */
export function onGpu(choice: BackendChoice): boolean {
  return (choice.name === 'webgpu' || choice.name === 'webgl') && choice.device !== undefined && !choice.device.software;
}

/** "WebGPU on a software adapter: no GPU", "WebGPU on nvidia ampere", "WASM" … */
export function describeDevice(choice: BackendChoice): string {
  const label = BACKEND_LABELS[choice.name];
  const device = choice.device;
  if (!device) return label;
  const what = choice.name === 'webgpu' ? 'adapter' : 'renderer';
  return device.software ? `${label} on a software ${what} (${device.name}): no GPU` : `${label} on ${device.name}`;
}

/** "WebGPU unavailable: no adapter; using WebGL" — or just "WebGPU" when nothing fell back. */
export function describeBackend(choice: BackendChoice): string {
  const label = BACKEND_LABELS[choice.name];
  return choice.fallbacks.length === 0 ? label : `${choice.fallbacks.join('; ')}; using ${label}`;
}

/** The page's tagline: claims the GPU only when a real one trains. */
export function tagline(choice: BackendChoice | undefined): string {
  if (!choice) return 'A linear regression trained right in this page, on your GPU when the browser offers WebGPU.';
  if (onGpu(choice)) return `A linear regression trained on your GPU with ${BACKEND_LABELS[choice.name]}, right in this page.`;
  if (choice.device?.software)
    return `A linear regression trained with ${BACKEND_LABELS[choice.name]} on a software adapter (no GPU), right in this page.`;
  // "trained with CPU on your CPU" says it twice: the CPU backend is TensorFlow.js in plain JavaScript.
  if (choice.name === 'cpu') return 'A linear regression trained in plain JavaScript on your CPU, right in this page.';
  return `A linear regression trained with ${BACKEND_LABELS[choice.name]}${choice.name === 'wasm' ? ' on your CPU' : ''}, right in this page.`;
}
