/**
 * The seam between "run K epochs" and "drive a run": an EpochRunner trains and measures on some device
 * (TF.js's per-op loop on any backend, or fused WebGPU programs); the run driver decides how many epochs
 * to queue, when to read back, and what the read-back epochs mean (pause, step, stop, early stopping,
 * divergence). Plain TypeScript: no TF.js here, so the driver is tested with a runner in plain JS.
 */
import type { Line } from '../model/predict.ts';
import type { TrainingSettings } from '../settings/training-settings.ts';

/** One point as read back: the model at the end of an epoch (or the starting point), standardized units. */
export interface EpochValues {
  /** Training MSE of the weights. */
  trainLoss: number;
  /** Validation MSE of the same weights, or null without validation rows. */
  validationLoss: number | null;
  slope: number;
  intercept: number;
  /** The weights of the features after the first, standardized; absent with one feature. */
  moreWeights?: number[];
}

/** How a long (mini-batch) epoch gives the host its turns. */
export interface EpochTurn {
  /** True when the host is due a turn; asked once per batch. */
  due(): boolean;
  /** Gives the host its turn; false when the epoch in progress must be dropped (Stop, or a pause ended the run). */
  take(): Promise<boolean>;
}

/**
 * What a runner trains on: standardized rows (as float32, what the device holds) and where it starts.
 * With several features `x` holds their columns one after the other (feature j of row i at
 * `x[j * rows + i]`), the first feature's first.
 */
export interface RunnerSetup {
  train: { x: Float32Array; y: Float32Array };
  validation: { x: Float32Array; y: Float32Array };
  /** Features per row (columns in `x`); 1 when absent. */
  features?: number;
  /** The starting weights, standardized units (the first feature's slope and the intercept). */
  start: Line;
  /** The starting weights of the features after the first, standardized; absent with one feature. */
  moreStart?: readonly number[];
  settings: TrainingSettings;
}

export interface EpochRunner {
  /** What runs the epochs, shown in the backend status and the bench, e.g. "WebGPU · fused, 2 passes, workgroup 4". */
  readonly kernel: string;
  /**
   * True when an epoch has many steps (mini-batches): the driver then queues one epoch per call, and the
   * runner gives the host turns inside it. Otherwise a call may queue many epochs at once.
   */
  readonly longEpochs: boolean;
  /**
   * Runs with the same key take about as long per epoch on this device (same kernels, rows, batches),
   * so one can start with the round size the last one measured.
   */
  readonly paceKey?: string;
  /** Queues the starting point (epoch 0). Called once, before any epoch. */
  queueStart(): void;
  /** Queues `count` epochs; resolves to how many whole epochs were queued (fewer only when a turn said to stop). */
  queueEpochs(count: number, turn: EpochTurn): Promise<number>;
  /** Resolves when the device has done everything queued, so the queue is bounded by work really done. */
  settle(): Promise<void>;
  /**
   * Reads back every point queued before the call, in one transfer, oldest first. The points are taken
   * when it is called: epochs queued while the values travel belong to the next read-back.
   */
  readBack(): Promise<EpochValues[]>;
  dispose(): void;
}

export type RunnerFactory = (setup: RunnerSetup) => EpochRunner;
