/**
 * One `train` run in Node: the core Trainer on TF.js's pure-JavaScript CPU backend, continuing from a
 * previous model when there is one.
 *
 * CPU rather than WASM: for one weight and 163 rows both take about the same time (measured ~0.1 s for
 * 100 epochs), and CPU needs no .wasm file paths. Nothing here uses tfjs-node, which downloads native
 * binaries.
 */
// The full bundle in Node: it registers the CPU backend and the gradients the trainer needs.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../core/data/dataset.ts';
import type { Model } from '../core/model/model.ts';
import type { SplitMetrics } from '../core/data/split.ts';
import type { TrainingSettings } from '../core/settings/training-settings.ts';
import { Trainer } from '../core/train/trainer.ts';

export interface RunResult {
  model: Model;
  metrics: SplitMetrics;
  /** Epochs trained in this run (the model's `training.epochs` also counts the previous ones). */
  epochsRun: number;
  seconds: number;
}

export async function useCpuBackend(): Promise<void> {
  // Production mode silences TF.js's console advice to install tfjs-node, which this project avoids on purpose.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
}

/**
 * Trains `settings.epochs` epochs from `previous` (or from zero), calling `onLoss` with the training loss
 * at the start and after every epoch, numbered across runs: resuming a 100-epoch model reports epoch 100
 * (the loaded model's own loss), then 101, 102, …
 */
export async function trainFrom(
  dataset: Dataset,
  settings: TrainingSettings,
  previous: Model | undefined,
  onLoss: (epoch: number, loss: number) => void,
): Promise<RunResult> {
  const previousEpochs = previous?.training.epochs ?? 0;
  const started = performance.now();
  const trainer = new Trainer(dataset, settings, previous ?? null, {
    backend: 'cpu',
    onProgress: (progress) => {
      for (const point of progress.points) onLoss(previousEpochs + point.epoch, point.trainLoss);
    },
  });
  const result = await trainer.run();
  return {
    model: result.model,
    metrics: result.metrics,
    epochsRun: result.epochsRun,
    seconds: (performance.now() - started) / 1000,
  };
}
