/**
 * A built test page (vite.config.ts input) exposing `window.fusedFeatures`: runs the fused WebGPU
 * programs with d features on seeded synthetic standardized rows, straight through the parameter runner
 * (no Trainer), next to a float64 run of the same optimizer on the same float32 rows, and the exact
 * least-squares optimum. Driven by tests/browser/fused-features.test.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { wasmPaths } from '../../../src/app/wasm-paths.ts';
import { featureColumns } from '../../../src/core/data/feature-columns.ts';
import { seededRandom, shuffledIndices } from '../../../src/core/data/split.ts';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../../../src/core/settings/training-settings.ts';
import { chooseBackend } from '../../../src/tfjs-browser/backend.ts';
import { createFusedParameterRunner, type ParameterValues } from '../../../src/tfjs-browser/fused-runner.ts';
import type { FeatureRows } from '../../../src/tfjs-browser/fused-rows.ts';
import { chooseKernels, type KernelChoice } from '../../../src/tfjs-browser/kernel-choice.ts';
import { compiledPipelineCount } from '../../../src/tfjs-browser/webgpu-queue.ts';
import { syntheticFeatures } from '../../../bench/synthetic-data.ts';

export interface FeaturesRequest {
  features: number;
  rows: number;
  validationRows?: number;
  settings?: Partial<TrainingSettings>;
  /** Epochs queued per read-back. */
  perRound?: number;
  /** Overrides of the kernel choice (e.g. the other row layout). */
  kernels?: Partial<KernelChoice>;
  /** Leave out the float64 run and the optimum (timing only). */
  skipReference?: boolean;
}

export interface FeaturesResult {
  kernel: string;
  /** Read-back points, epoch 0 (the start) first. */
  points: ParameterValues[];
  /** The same run in float64: parameters and losses after each epoch, epoch 0 first. */
  reference: { parameters: number[]; trainLoss: number; validationLoss: number | null }[];
  /** The least-squares parameters of the training rows and their MSE. */
  optimum: { parameters: number[]; mse: number };
  tensorsBefore: number;
  tensorsAfter: number;
  /** Compiled pipelines after each read-back. */
  pipelines: number[];
  /** Wall time from the runner's creation to the last read-back. */
  ms: number;
  /** Bytes the run wrote to the device (buffer writes and buffers mapped at creation): the rows, unless it already held them. */
  uploadedBytes: number;
}

/** Bytes written to the device since the page loaded, counted at WebGPU's own entry points. */
let uploadedBytes = 0;
{
  const queue = GPUQueue.prototype;
  const writeBuffer = queue.writeBuffer;
  queue.writeBuffer = function (this: GPUQueue, ...args: Parameters<GPUQueue['writeBuffer']>) {
    const [, , data, , size] = args;
    uploadedBytes += size ?? ('byteLength' in data ? data.byteLength : 0);
    writeBuffer.apply(this, args);
  };
  const device = GPUDevice.prototype;
  const createBuffer = device.createBuffer;
  device.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
    if (descriptor.mappedAtCreation) uploadedBytes += descriptor.size;
    return createBuffer.call(this, descriptor);
  };
}

/** The bench's rows of d correlated features (`syntheticFeatures`), as float32 columns one after the other, the same object for the same request. */
function syntheticRows(rows: number, features: number, seed: number): FeatureRows {
  const key = `${rows}:${features}:${seed}`;
  const known = madeRows.get(key);
  if (known) return known;
  const data = syntheticFeatures(rows, features, seed);
  const columns = featureColumns(data);
  const x = new Float32Array(rows * features);
  for (let j = 0; j < features; j++) x.set(columns[j].values, j * rows);
  const made = { x, y: Float32Array.from(data.y) };
  madeRows.set(key, made);
  return made;
}

/** The same rows object again for the same request, as a loaded data set gives its columns (the runner remembers per column block). */
const madeRows = new Map<string, FeatureRows>();

/** Residuals of parameters p (weights, then the intercept) over rows `order[lo..hi)`, as float64. */
function residuals(data: FeatureRows, features: number, p: number[], order: ArrayLike<number>, lo: number, hi: number): Float64Array {
  const n = data.y.length;
  const r = new Float64Array(hi - lo);
  for (let t = lo; t < hi; t++) {
    const i = order[t];
    let value = p[features] - data.y[i];
    for (let j = 0; j < features; j++) value += p[j] * data.x[j * n + i];
    r[t - lo] = value;
  }
  return r;
}

const identity = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

function mse(data: FeatureRows, features: number, p: number[]): number {
  const r = residuals(data, features, p, identity(data.y.length), 0, data.y.length);
  return r.reduce((s, v) => s + v * v, 0) / Math.max(1, r.length);
}

/** Gradient of the MSE over rows `order[lo..hi)`: 2·mean(r·xⱼ), then 2·mean(r). */
function gradient(data: FeatureRows, features: number, p: number[], order: ArrayLike<number>, lo: number, hi: number): number[] {
  const n = data.y.length;
  const r = residuals(data, features, p, order, lo, hi);
  const g = new Array<number>(features + 1).fill(0);
  for (let t = lo; t < hi; t++) {
    const i = order[t];
    const value = r[t - lo];
    for (let j = 0; j < features; j++) g[j] += value * data.x[j * n + i];
    g[features] += value;
  }
  return g.map((v) => (2 * v) / (hi - lo));
}

/** The same optimizer in float64, on the same float32 rows and the same shuffles. */
function float64Run(
  train: FeatureRows,
  validation: FeatureRows,
  features: number,
  settings: TrainingSettings,
): FeaturesResult['reference'] {
  const n = train.y.length;
  const p = new Array<number>(features + 1).fill(0);
  const m = p.map(() => 0);
  const v = p.map(() => 0);
  let beta1Power = 0.9;
  let beta2Power = 0.999;
  const random = seededRandom(settings.seed);
  const batch = settings.batchSize > 0 && settings.batchSize < n ? settings.batchSize : n;
  const point = () => ({
    parameters: [...p],
    trainLoss: mse(train, features, p),
    validationLoss: validation.y.length > 0 ? mse(validation, features, p) : null,
  });
  const out = [point()];
  for (let e = 0; e < settings.epochs; e++) {
    const order = batch < n ? shuffledIndices(n, random) : identity(n);
    for (let lo = 0; lo < n; lo += batch) {
      const g = gradient(train, features, p, order, lo, Math.min(n, lo + batch));
      for (let j = 0; j <= features; j++) {
        if (settings.optimizer === 'adam') {
          m[j] = 0.9 * m[j] + 0.1 * g[j];
          v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
          p[j] -= (settings.learningRate * (m[j] / (1 - beta1Power))) / (Math.sqrt(v[j] / (1 - beta2Power)) + 1e-7);
        } else {
          p[j] -= settings.learningRate * g[j];
        }
      }
      beta1Power *= 0.9;
      beta2Power *= 0.999;
    }
    out.push(point());
  }
  return out;
}

/** Least squares by Cholesky of the normal equations in float64 (the rows are well conditioned). */
function leastSquaresOf(data: FeatureRows, features: number): { parameters: number[]; mse: number } {
  const n = data.y.length;
  const size = features + 1;
  const column = (j: number, i: number): number => (j < features ? data.x[j * n + i] : 1);
  const a = Array.from({ length: size }, () => new Float64Array(size));
  const b = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < size; j++) {
      const xj = column(j, i);
      b[j] += xj * data.y[i];
      for (let k = 0; k <= j; k++) a[j][k] += xj * column(k, i);
    }
  }
  const l = Array.from({ length: size }, () => new Float64Array(size));
  for (let j = 0; j < size; j++) {
    for (let k = 0; k <= j; k++) {
      let s = a[j][k];
      for (let t = 0; t < k; t++) s -= l[j][t] * l[k][t];
      l[j][k] = j === k ? Math.sqrt(s) : s / l[k][k];
    }
  }
  const z = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    let s = b[j];
    for (let t = 0; t < j; t++) s -= l[j][t] * z[t];
    z[j] = s / l[j][j];
  }
  const parameters = new Array<number>(size).fill(0);
  for (let j = size - 1; j >= 0; j--) {
    let s = z[j];
    for (let t = j + 1; t < size; t++) s -= l[t][j] * parameters[t];
    parameters[j] = s / l[j][j];
  }
  return { parameters, mse: mse(data, features, parameters) };
}

async function train(request: FeaturesRequest): Promise<FeaturesResult> {
  const choice = await chooseBackend({ preferred: 'webgpu', wasmPaths });
  if (choice.name !== 'webgpu' || !choice.device) throw new Error(`WebGPU did not start (${choice.name}).`);
  const { features, rows } = request;
  const settings: TrainingSettings = { ...DEFAULT_SETTINGS, ...request.settings };
  const trainRows = syntheticRows(rows, features, 11);
  const validation = syntheticRows(request.validationRows ?? 0, features, 12);
  const kernels = { ...chooseKernels(choice.device, features), ...request.kernels };
  const tensorsBefore = tf.memory().numTensors;
  const uploadedBefore = uploadedBytes;
  const started = performance.now();
  const runner = createFusedParameterRunner(
    { features, train: trainRows, validation, start: new Array<number>(features + 1).fill(0), settings },
    kernels,
  );
  const points: ParameterValues[] = [];
  const pipelines: number[] = [];
  const perRound = request.perRound ?? 64;
  const turn = { due: () => false, take: () => Promise.resolve(true) };
  try {
    runner.queueStart();
    for (let done = 0; done < settings.epochs;) {
      done += await runner.queueEpochs(Math.min(perRound, settings.epochs - done), turn);
      points.push(...(await runner.readBack()));
      pipelines.push(compiledPipelineCount());
    }
    points.push(...(await runner.readBack()));
  } finally {
    runner.dispose();
  }
  const ms = performance.now() - started;
  return {
    kernel: runner.kernel,
    points,
    reference: request.skipReference ? [] : float64Run(trainRows, validation, features, settings),
    optimum: request.skipReference ? { parameters: [], mse: Number.NaN } : leastSquaresOf(trainRows, features),
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
    pipelines,
    ms,
    uploadedBytes: uploadedBytes - uploadedBefore,
  };
}

const api = { train };
export type FusedFeaturesApi = typeof api;
(globalThis as unknown as { fusedFeatures: FusedFeaturesApi }).fusedFeatures = api;
