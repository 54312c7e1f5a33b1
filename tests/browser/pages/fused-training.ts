/**
 * A built test page (vite.config.ts input) exposing `window.fusedCheck`: trains with the app's Trainer on
 * WebGPU through the fused programs or TF.js's per-op loop, on the bundled data or synthetic rows, and
 * reports what the browser tests compare (weights, loss points, kernel, tensors, compiled pipelines).
 */
import * as tf from '@tensorflow/tfjs-core';
import { wasmPaths } from '../../../src/app/wasm-paths.ts';
import type { BackendName } from '../../../src/core/settings/backends.ts';
import { parseCsv, type Dataset } from '../../../src/core/data/dataset.ts';
import type { Model } from '../../../src/core/model/model.ts';
import { splitDataset } from '../../../src/core/data/split.ts';
import { scalingOf, standardize } from '../../../src/core/stats/stats.ts';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../../../src/core/settings/training-settings.ts';
import { Trainer, type LossPoint } from '../../../src/core/train/trainer.ts';
import { chooseBackend } from '../../../src/tfjs-browser/backend.ts';
import { runnerFor } from '../../../src/tfjs-browser/runner-choice.ts';
import { compiledPipelineCount } from '../../../src/tfjs-browser/webgpu-queue.ts';
import { syntheticDataset, syntheticFeatures } from '../../../bench/synthetic-data.ts';

async function bundled(): Promise<Dataset> {
  const outcome = parseCsv(await (await fetch('/bmi_and_life_expectancy.csv')).text());
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.dataset;
}

export interface CheckRequest {
  backend?: BackendName;
  fused: boolean;
  /** 163 = the bundled data; more = synthetic rows like it. */
  rows: number;
  /** More than 1: the bench's synthetic rows of this many features instead. */
  features?: number;
  settings?: Partial<TrainingSettings>;
  maxEpochsPerRound?: number;
  /** Start from this raw-unit line instead of the zero line of the standardized data. */
  initial?: { slope: number; intercept: number };
  reportIntervalMs?: number;
  /** Actions on the trainer at given reported epochs, e.g. { 3: 'pause' }. */
  controls?: Record<number, 'pause' | 'step' | 'resume' | 'stop'>;
}

export interface CheckResult {
  backend: string;
  kernel: string;
  slope: number;
  intercept: number;
  /** The raw-unit coefficients of the features after the first (several features only). */
  moreCoefficients: number[];
  epochsRun: number;
  end: string;
  modelEpochs: number;
  points: LossPoint[];
  /** Float64 full-batch gradient descent on the same float32 rows (SGD only): raw-unit training losses. */
  reference: number[];
  tensorsBefore: number;
  tensorsAfter: number;
  /** Compiled pipelines at each report of the run. */
  pipelines: number[];
}

/** Plain float64 full-batch SGD on standardized rows, the losses of the weights after each epoch (epoch 0 first). */
function float64Descent(x: Float32Array, y: Float32Array, learningRate: number, epochs: number, variance: number): number[] {
  let w = 0;
  let b = 0;
  const n = x.length;
  const loss = (): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = w * x[i] + b - y[i];
      s += r * r;
    }
    return (s / n) * variance;
  };
  const out = [loss()];
  for (let e = 0; e < epochs; e++) {
    let gr = 0;
    let grx = 0;
    for (let i = 0; i < n; i++) {
      const r = w * x[i] + b - y[i];
      gr += r;
      grx += r * x[i];
    }
    w -= learningRate * 2 * (grx / n);
    b -= learningRate * 2 * (gr / n);
    out.push(loss());
  }
  return out;
}

async function train(request: CheckRequest): Promise<CheckResult> {
  const choice = await chooseBackend({ preferred: request.backend ?? 'webgpu', wasmPaths, fused: request.fused });
  const base = await bundled();
  const data =
    (request.features ?? 1) > 1
      ? syntheticFeatures(request.rows, request.features ?? 1)
      : request.rows === 163
        ? base
        : syntheticDataset(base, request.rows);
  const settings: TrainingSettings = { ...DEFAULT_SETTINGS, validationSplit: 0, ...request.settings };
  const tensorsBefore = tf.memory().numTensors;
  const points: LossPoint[] = [];
  const pipelines: number[] = [];
  const controls = request.controls ?? {};
  // Only the line and the epoch count of a model matter to where a run starts.
  const initial = request.initial ? ({ ...request.initial, training: { epochs: 0 } } as unknown as Model) : null;
  const trainer: Trainer = new Trainer(data, settings, initial, {
    createRunner: runnerFor(choice),
    ...(request.maxEpochsPerRound ? { maxEpochsPerRound: request.maxEpochsPerRound } : {}),
    ...(request.reportIntervalMs !== undefined ? { reportIntervalMs: request.reportIntervalMs } : {}),
    onProgress: (p) => {
      points.push(...p.points);
      if (choice.name === 'webgpu') pipelines.push(compiledPipelineCount());
      const action = controls[p.epoch];
      if (action) {
        delete controls[p.epoch];
        setTimeout(() => trainer[action](), 0);
      }
    },
  });
  const result = await trainer.run();
  let reference: number[] = [];
  if (settings.optimizer === 'sgd' && settings.batchSize === 0 && !initial) {
    const { train: rows } = splitDataset(data, settings.validationSplit, settings.seed);
    const fx = scalingOf(rows.x);
    const fy = scalingOf(rows.y);
    reference = float64Descent(standardize(rows.x, fx), standardize(rows.y, fy), settings.learningRate, settings.epochs, fy.std ** 2);
  }
  return {
    backend: choice.name,
    kernel: result.kernel ?? '',
    slope: result.model.slope,
    intercept: result.model.intercept,
    moreCoefficients: (result.model.moreFeatures ?? []).map((more) => more.coefficient),
    epochsRun: result.epochsRun,
    end: result.end.reason,
    modelEpochs: result.model.training.epochs,
    points,
    reference,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
    pipelines,
  };
}

const api = { train };
export type FusedCheckApi = typeof api;
(globalThis as unknown as { fusedCheck: FusedCheckApi }).fusedCheck = api;
