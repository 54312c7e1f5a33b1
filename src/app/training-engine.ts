/**
 * What the page needs from whatever runs the training (the main thread today, a worker later):
 * a backend, and runs it can pause, step, resume and stop.
 */
import type { Dataset } from '../core/dataset.ts';

import type { Line } from '../core/predict.ts';
import type { BackendChoice, BackendName } from '../core/backends.ts';
import type { TrainingSettings } from '../core/train/settings.ts';
import type { TrainingProgress, TrainingResult } from '../core/train/trainer.ts';

export interface TrainingRun {
  readonly result: Promise<TrainingResult>;
  pause(): void;
  resume(): void;
  step(): void;
  stop(): void;
}

export interface TrainingEngine {
  readonly backend: BackendChoice;
  /** TF.js's own count of live tensors and bytes, to show that training cleans up after itself. */
  memory(): { numTensors: number; numBytes: number };
  train(dataset: Dataset, settings: TrainingSettings, initial: Line | null, onProgress: (progress: TrainingProgress) => void): TrainingRun;
}

export type StartEngine = (preferred: BackendName | undefined) => Promise<TrainingEngine>;
