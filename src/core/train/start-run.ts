/**
 * What the worker and the page's own thread share to train: TF.js's memory figures, and a Trainer set
 * up for a host with an event loop to keep responsive, started running or with one step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset.ts';
import type { Model } from '../model/model.ts';
import type { RunnerFactory } from './epoch-runner.ts';
import type { MemoryInfo, RunStart } from './protocol.ts';
import type { TrainingSettings } from '../settings/training-settings.ts';
import { Trainer, type TrainingProgress } from './trainer.ts';
import { yieldThroughMessage } from './yield.ts';

/** TF.js's own count of live tensors and their bytes. */
export function memoryInfo(): MemoryInfo {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}

/** A Trainer that yields through messages (no timer clamping); `start: 'step'` runs one epoch, then pauses. */
export function startTrainer(
  dataset: Dataset,
  settings: TrainingSettings,
  initial: Model | null,
  onProgress: (progress: TrainingProgress) => void,
  start: RunStart,
  /** What runs the epochs (the browser picks fused WebGPU programs or TF.js's per-op loop). */
  createRunner?: RunnerFactory,
): Trainer {
  const trainer = new Trainer(dataset, settings, initial, {
    onProgress,
    yieldToHost: yieldThroughMessage,
    ...(createRunner ? { createRunner } : {}),
  });
  if (start === 'step') trainer.step();
  return trainer;
}
