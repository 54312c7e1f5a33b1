/**
 * The one message protocol between the page and the training worker. Requests go to the worker,
 * events come back; each is a discriminated union on `type`, so both ends are checked by the compiler.
 * Runs are numbered by the page, so a late event of an old run is never taken for the current one.
 */
import type { BackendChoice, BackendName } from '../settings/backends.ts';
import type { DatasetHeader, DatasetPart } from '../data/dataset-parts.ts';
import type { Model } from '../model/model.ts';
import type { TrainingSettings } from '../settings/training-settings.ts';
import type { TrainingProgress, TrainingResult } from './trainer.ts';

/** TF.js's own count of live tensors and their bytes. */
export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
}

/** How a run starts: running, or one epoch and then paused (the Step button with no run yet). */
export type RunStart = 'run' | 'step';

export type RunControl = 'pause' | 'resume' | 'step' | 'stop';

export type TrainingRequest =
  /** Load TF.js and pick a backend; the page passes the WASM binaries' URLs (Vite assets). */
  | { type: 'init'; preferred: BackendName | undefined; wasmPaths: Record<string, string> }
  /** The data the next runs train on; sent once per data set, not per run: its names, then its parts. */
  | { type: 'data'; dataId: number; header: DatasetHeader }
  | { type: 'data-part'; dataId: number; part: DatasetPart }
  | { type: 'train'; run: number; dataId: number; settings: TrainingSettings; initial: Model | null; start: RunStart }
  | { type: 'control'; run: number; action: RunControl }
  | { type: 'memory'; id: number };

export type TrainingEvent =
  | { type: 'ready'; backend: BackendChoice }
  | { type: 'init-failed'; message: string }
  | { type: 'progress'; run: number; progress: TrainingProgress }
  | { type: 'done'; run: number; result: TrainingResult }
  | { type: 'failed'; run: number; message: string }
  | { type: 'memory'; id: number; memory: MemoryInfo };
