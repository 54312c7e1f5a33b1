/**
 * What the page needs from whatever runs the training (a Web Worker by default, or the page's own
 * thread to compare): a backend, and runs it can pause, step, resume and stop.
 */
import type { Dataset } from '../core/data/dataset.ts';
import type { Model } from '../core/model/model.ts';
import type { BackendChoice, BackendName } from '../core/settings/backends.ts';
import type { MemoryInfo, RunStart } from '../core/train/protocol.ts';
import type { TrainingSettings } from '../core/settings/training-settings.ts';
import type { TrainingProgress, TrainingResult } from '../core/train/trainer.ts';
import type { EngineName } from '../core/settings/engines.ts';

export interface TrainingRun {
  readonly result: Promise<TrainingResult>;
  pause(): void;
  resume(): void;
  step(): void;
  stop(): void;
}

export interface TrainingEngine {
  readonly name: EngineName;
  readonly backend: BackendChoice;
  /** TF.js's own count of live tensors and bytes (where TF.js runs), to show training cleans up after itself. */
  memory(): Promise<MemoryInfo>;
  train(
    dataset: Dataset,
    settings: TrainingSettings,
    initial: Model | null,
    onProgress: (progress: TrainingProgress) => void,
    start?: RunStart,
  ): TrainingRun;
  /** Frees the engine (ends the worker); a backend change starts a new one. */
  dispose(): void;
}

export type StartEngine = (preferred: BackendName | undefined) => Promise<TrainingEngine>;
