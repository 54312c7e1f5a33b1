/**
 * Counts what the WebGPU path asks of the device: compute dispatches, queue submits and buffer writes
 * (TF.js writes one uniform buffer per dispatch), by wrapping the WebGPU prototypes. Bench only.
 */
export interface GpuCalls {
  dispatches: number;
  submits: number;
  writes: number;
}

const calls: GpuCalls = { dispatches: 0, submits: 0, writes: 0 };
let installed = false;

function wrap<T extends object>(proto: T | undefined, name: keyof T & string, key: keyof GpuCalls): void {
  if (!proto) return;
  const original = proto[name] as unknown as (...args: unknown[]) => unknown;
  (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    calls[key] += 1;
    return original.apply(this, args);
  };
}

/** Starts counting (once per realm); returns a function giving the counts since this call. */
export function countGpuCalls(): () => GpuCalls {
  const scope = globalThis as unknown as {
    GPUComputePassEncoder?: { prototype: GPUComputePassEncoder };
    GPUQueue?: { prototype: GPUQueue };
  };
  if (!installed) {
    installed = true;
    wrap(scope.GPUComputePassEncoder?.prototype, 'dispatchWorkgroups', 'dispatches');
    wrap(scope.GPUQueue?.prototype, 'submit', 'submits');
    wrap(scope.GPUQueue?.prototype, 'writeBuffer', 'writes');
  }
  const start = { ...calls };
  return () => ({
    dispatches: calls.dispatches - start.dispatches,
    submits: calls.submits - start.submits,
    writes: calls.writes - start.writes,
  });
}
