/**
 * The measurements that run inside the browser, on the main thread or in the bench worker. Each picks
 * its backend and reports which one it really got, so a fallback never passes for the asked backend.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmPaths } from '../src/app/wasm-paths.ts';
import type { BackendName } from '../src/core/settings/backends.ts';
import { parseCsv, type Dataset } from '../src/core/data/dataset.ts';
import type { BackendChoice } from '../src/core/settings/backends.ts';
import type { TrainerHooks } from '../src/core/train/trainer.ts';
import { chooseBackend } from '../src/tfjs-browser/backend.ts';
import { runnerFor } from '../src/tfjs-browser/runner-choice.ts';
import { countGpuCalls, type GpuCalls } from './gpu-calls.ts';
import { DEFAULT_SETTINGS } from '../src/core/settings/training-settings.ts';
import { Trainer, type LossPoint } from '../src/core/train/trainer.ts';
import { leastSquares, metricsOf } from '../src/core/stats/stats.ts';
import { syntheticDataset, syntheticFeatures } from './synthetic-data.ts';
import { datasetCrossProducts } from '../src/core/data/dataset-facts.ts';
import { leastSquaresFit } from '../src/core/stats/least-squares-fit.ts';

export async function bundledDataset(): Promise<Dataset> {
  const outcome = parseCsv(await (await fetch('/bmi_and_life_expectancy.csv')).text());
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.dataset;
}

/**
 * Switches to `backend`; returns the backend really running (a fallback when it is unavailable) and
 * the Trainer hooks that run epochs as the app does (fused WebGPU programs unless `fused` is false).
 */
async function useBackend(backend: BackendName, fused = true): Promise<{ name: BackendName; choice: BackendChoice; hooks: TrainerHooks }> {
  const choice = await chooseBackend({ preferred: backend, wasmPaths, fused });
  return { name: choice.name, choice, hooks: { createRunner: runnerFor(choice) } };
}

export interface ConvergenceResult {
  backend: BackendName;
  epochsToReach: number | null;
  /** Wall time of runs of exactly `epochsToReach` epochs. */
  ms: number[];
  finalMse: number;
}

/** Default settings on all rows: epochs and time until the MSE is within 0.1% of the optimum. */
export async function convergence(backend: BackendName, runs: number): Promise<ConvergenceResult> {
  const { name: actual, hooks } = await useBackend(backend);
  const data = await bundledDataset();
  const settings = { ...DEFAULT_SETTINGS, validationSplit: 0 };
  const optimum = metricsOf(leastSquares(data.x, data.y), data.x, data.y).mse;
  const points: LossPoint[] = [];
  const result = await new Trainer(data, settings, null, { ...hooks, onProgress: (p) => points.push(...p.points) }).run();
  const reached = points.find((p) => p.trainLoss <= optimum * 1.001)?.epoch ?? null;
  const ms: number[] = [];
  for (let i = 0; reached !== null && i < runs; i++) {
    const start = performance.now();
    await new Trainer(data, { ...settings, epochs: reached }, null, hooks).run();
    ms.push(performance.now() - start);
  }
  return { backend: actual, epochsToReach: reached, ms, finalMse: result.metrics.train.mse };
}

export interface RecipeResult {
  backend: BackendName;
  epochs: number;
  mse: number;
  ms: number;
}

/**
 * The original tool's recipe, kept as it was for comparison: a 1 → 1 linear layer from zero, plain SGD
 * at 1e-6 on raw (unscaled) BMI, full batch. Deliberately not the project's trainer.
 */
export async function originalRecipe(backend: BackendName, epochs: number): Promise<RecipeResult> {
  const { name: actual } = await useBackend(backend);
  const data = await bundledDataset();
  const x = tf.tensor2d(Float32Array.from(data.x), [data.x.length, 1]);
  const y = tf.tensor2d(Float32Array.from(data.y), [data.y.length, 1]);
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros', biasInitializer: 'zeros' })],
  });
  const optimizer = tf.train.sgd(1e-6);
  const start = performance.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    tf.tidy(() => {
      optimizer.minimize(() => tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, model.apply(x) as tf.Tensor));
    });
    // Let the device queue drain now and then, as any real loop reading its loss would.
    if (epoch % 1000 === 0) await tf.tidy(() => model.apply(x) as tf.Tensor).data();
  }
  const [kernel, bias] = await Promise.all(model.getWeights().map((w) => w.data()));
  const ms = performance.now() - start;
  const line = { slope: kernel[0], intercept: bias[0] };
  tf.dispose([x, y]);
  optimizer.dispose();
  model.dispose();
  return { backend: actual, epochs, mse: metricsOf(line, data.x, data.y).mse, ms };
}

export interface ScaleResult {
  backend: BackendName;
  rows: number;
  features: number;
  msPerEpoch: number[];
  peakBytes: number;
  /** What ran the epochs, e.g. "WebGPU · fused, 2 passes, workgroup 4" or "per-op". */
  kernel: string;
  /** Device calls per epoch over the measured runs (WebGPU only). */
  perEpoch: GpuCalls | null;
}

/**
 * Milliseconds per full-batch epoch at a given size, whole runs as the app does them (after a warm-up
 * run that compiles kernels); `fused: false` runs WebGPU through TF.js's per-op loop for comparison.
 * One feature: the bundled data or rows like it; several: `syntheticFeatures`.
 */
export async function scale(
  backend: BackendName,
  rows: number,
  epochs: number,
  runs: number,
  fused = true,
  features = 1,
  /** Epochs of the unmeasured run that compiles the kernels first. */
  warmEpochs = 2,
): Promise<ScaleResult> {
  const { name: actual, hooks } = await useBackend(backend, fused);
  const data =
    features > 1
      ? syntheticFeatures(rows, features)
      : rows === 163
        ? await bundledDataset()
        : syntheticDataset(await bundledDataset(), rows);
  const settings = { ...DEFAULT_SETTINGS, validationSplit: 0, epochs };
  let peakBytes = 0;
  const onProgress = (): void => {
    peakBytes = Math.max(peakBytes, tf.memory().numBytes);
  };
  const warm = await new Trainer(data, { ...settings, epochs: warmEpochs }, null, hooks).run();
  const msPerEpoch: number[] = [];
  const calls = actual === 'webgpu' ? countGpuCalls() : undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await new Trainer(data, settings, null, { ...hooks, onProgress }).run();
    msPerEpoch.push((performance.now() - start) / epochs);
  }
  const counted = calls?.();
  const per = (n: number): number => n / (epochs * runs);
  const perEpoch = counted ? { dispatches: per(counted.dispatches), submits: per(counted.submits), writes: per(counted.writes) } : null;
  return { backend: actual, rows, features, msPerEpoch, peakBytes, kernel: warm.kernel ?? 'per-op', perEpoch };
}

export interface ExactFitResult {
  /** The centred cross-products of every feature and the target (two float64 passes). */
  crossProductsMs: number;
  /** The least-squares fit from them (aliasing, Cholesky of the standardized cross-products). */
  fitMs: number;
}

/** What the exact fit of `rows` × `features` costs where it runs (a worker). */
export function exactFit(rows: number, features: number): ExactFitResult {
  const data = syntheticFeatures(rows, features);
  const start = performance.now();
  const products = datasetCrossProducts(data);
  const between = performance.now();
  leastSquaresFit(products);
  return { crossProductsMs: between - start, fitMs: performance.now() - between };
}
