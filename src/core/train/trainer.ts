/**
 * The training loop: a 1 → 1 linear model (one weight, one bias) fitted by gradient descent on
 * standardized data with TF.js, on whatever backend is active.
 *
 * Every loss point describes the model at the END of its epoch: the training and validation MSE of the
 * weights after that epoch's updates. Epoch 0 is the starting point (the untrained line, or the model a
 * run continues from), so a chart starts where training started. Epoch numbers count this run only
 * (0..epochs); the model's `training.epochs` adds the epochs of the model it continued from.
 *
 * Speed and responsiveness come from reading back little: each epoch's losses and its weights (four
 * scalars) stay on the device until a report is due (at most once per `reportIntervalMs`), then all
 * pending epochs come back in one `await tensor.data()`. Between reports the host gets control back, and
 * within a long mini-batch epoch every ~10 ms. Early stopping and divergence are decided at report time,
 * epoch by epoch over the new points, so the outcome never depends on when reports happened; having every
 * epoch's weights lets a run end on exactly the best (or last good) ones.
 */
// Functional ops only (no chained `x.mul(...)`): tfjs-core alone does not add those methods. The
// gradients minimize() needs are registered by whoever loads TF.js: backend.ts in the browser, the
// full @tensorflow/tfjs bundle in Node.
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../dataset.ts';
import { describeData, type Model } from '../model.ts';
import type { Line } from '../predict.ts';
import { seededRandom, shuffledIndices, splitDataset, splitMetrics, type SplitMetrics } from '../split.ts';
import { DivergenceMonitor } from './divergence.ts';
import { EarlyStopping, type Snapshot } from './early-stopping.ts';
import type { RunEnd } from './run-end.ts';
import type { TrainingSettings } from './settings.ts';
import { lineToRawUnits, lineToScaledUnits, standardize } from '../stats.ts';

export interface LossPoint {
  /** Epochs done in this run when the loss was measured: 0 is the starting point. */
  epoch: number;
  /** Training MSE in raw target units² of the weights at the end of the epoch. */
  trainLoss: number;
  /** Validation MSE in raw units² of the same weights, or null without validation rows. */
  validationLoss: number | null;
  /**
   * The weights after the epoch, as a line in raw units: the optimizer's path (read back with the
   * losses, so it costs no extra transfer). Optional so points made elsewhere (tests, old runs) still fit.
   */
  line?: Line;
}

export type TrainerState = 'idle' | 'running' | 'paused' | 'done';

export interface TrainingProgress {
  state: TrainerState;
  /** Epochs completed in this run. */
  epoch: number;
  epochs: number;
  /** New loss points since the previous report. */
  points: LossPoint[];
  /** The current line in raw units (the last finite one, should the weights blow up). */
  line: Line;
  /** Time spent training so far, pauses excluded, in ms. */
  elapsedMs: number;
}

export interface TrainingResult {
  model: Model;
  metrics: SplitMetrics;
  /** Epochs run in this run before it ended (the model's weights may be from an earlier one: see `end`). */
  epochsRun: number;
  /** True when the run ended before its last epoch (Stop, early stopping or divergence). */
  stopped: boolean;
  end: RunEnd;
  /** Time spent training, pauses excluded, in ms. */
  elapsedMs: number;
}

export interface TrainerHooks {
  onProgress?: (progress: TrainingProgress) => void;
  /** Gives the host (a page, a worker, Node) a turn; defaults to a zero-delay timer. */
  yieldToHost?: () => Promise<void>;
  now?: () => number;
  /** How often losses are read back and reported, in ms (a screen frame by default). */
  reportIntervalMs?: number;
  /** The backend name recorded in the model's metadata. */
  backend?: string;
}

const yieldWithTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** Longest stretch of mini-batch work between two turns of the host, in ms. */
const WORK_SLICE_MS = 10;

export class Trainer {
  private state: TrainerState = 'idle';
  private epoch = 0;
  private stepsAllowed = Infinity;
  private stopRequested = false;
  private wake: (() => void) | undefined;
  private readonly data: ReturnType<typeof describeData>;
  private readonly train: Dataset;
  private readonly validation: Dataset;

  constructor(
    dataset: Dataset,
    private readonly settings: TrainingSettings,
    /** Where training starts: a model to continue (its epochs carry over), or null for the zero line. */
    private readonly initial: Model | null = null,
    private readonly hooks: TrainerHooks = {},
  ) {
    ({ train: this.train, validation: this.validation } = splitDataset(dataset, settings.validationSplit, settings.seed));
    this.data = describeData(this.train);
  }

  get currentState(): TrainerState {
    return this.state;
  }

  /**
   * Pauses at the next epoch boundary, or within a long mini-batch epoch at its next turn of the host;
   * before `run()`, the run starts paused (after its epoch-0 point).
   */
  pause(): void {
    if (this.state === 'running' || this.state === 'idle') this.stepsAllowed = 0;
  }

  resume(): void {
    this.stepsAllowed = Infinity;
    this.wakeUp();
  }

  /** While paused (or before `run()`): runs exactly one more epoch, then pauses. */
  step(): void {
    if (this.state !== 'paused' && this.state !== 'idle') return;
    this.stepsAllowed = 1;
    this.wakeUp();
  }

  /**
   * Ends the run, keeping the weights at the end of the last whole epoch: a mini-batch epoch in
   * progress stops at its next turn of the host and is dropped.
   */
  stop(): void {
    this.stopRequested = true;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async run(): Promise<TrainingResult> {
    if (this.state !== 'idle') throw new Error('A Trainer runs once; make a new one to train again.');
    this.state = 'running';
    const { normalization } = this.data;
    const now = this.hooks.now ?? (() => performance.now());
    const yieldToHost = this.hooks.yieldToHost ?? yieldWithTimer;
    const reportInterval = this.hooks.reportIntervalMs ?? 16;
    const targetVariance = normalization.target.std ** 2;
    const toRaw = (scaled: Line): Line => lineToRawUnits(scaled, normalization.feature, normalization.target);

    const start = this.initial ? lineToScaledUnits(this.initial, normalization.feature, normalization.target) : { slope: 0, intercept: 0 };
    const tensors = tf.tidy(() => ({
      x: tf.tensor2d(standardize(this.train.x, normalization.feature), [this.train.x.length, 1]),
      y: tf.tensor2d(standardize(this.train.y, normalization.target), [this.train.y.length, 1]),
      xVal: tf.tensor2d(standardize(this.validation.x, normalization.feature), [this.validation.x.length, 1]),
      yVal: tf.tensor2d(standardize(this.validation.y, normalization.target), [this.validation.y.length, 1]),
      weight: tf.variable(tf.scalar(start.slope), true),
      bias: tf.variable(tf.scalar(start.intercept), true),
    }));
    const { x, y, xVal, yVal, weight, bias } = tensors;
    const optimizer = this.settings.optimizer === 'adam' ? tf.train.adam(this.settings.learningRate) : tf.train.sgd(this.settings.learningRate);
    const rows = this.train.x.length;
    const batchSize = this.settings.batchSize > 0 && this.settings.batchSize < rows ? this.settings.batchSize : rows;
    const hasValidation = this.validation.x.length > 0;
    // Mean squared error as one squaredDifference and one mean: fewer kernel dispatches per epoch than
    // tf.losses.meanSquaredError (sub, square, sum, div), which is what costs time on a GPU.
    const lossOf = (xs: tf.Tensor, ys: tf.Tensor): tf.Scalar => tf.mean(tf.squaredDifference(tf.add(tf.mul(xs, weight), bias), ys));

    /**
     * The model as it stands: [train loss, validation loss?, weight, bias] as a 1-D tensor that stays on
     * the device until the next report. Call inside a tidy.
     */
    const measure = (): tf.Tensor1D =>
      tf.stack(hasValidation ? [lossOf(x, y), lossOf(xVal, yVal), weight, bias] : [lossOf(x, y), weight, bias]) as tf.Tensor1D;

    let lastYield = now();
    /** Gives the host a turn; true when the run was stopped meanwhile. */
    const yieldAndCheckStop = async (): Promise<boolean> => {
      await yieldToHost();
      lastYield = now();
      return this.stopRequested;
    };

    /**
     * One epoch; returns `measure()` after it, or undefined when the run ended mid-epoch (Stop, or an
     * earlier epoch's verdict read back during a pause): that epoch is dropped. A Pause that comes during
     * a long epoch takes effect at the next turn of the host; Step then finishes this epoch.
     */
    const shuffleRandom = seededRandom(this.settings.seed);
    const runEpoch = async (): Promise<tf.Tensor1D | undefined> => {
      if (batchSize === rows) {
        // The gradient pass and one forward pass for the loss after the update, in one tidy.
        return tf.tidy(() => {
          optimizer.minimize(() => lossOf(x, y), false, [weight, bias]);
          return measure();
        });
      }
      // Mini-batches over a seeded shuffle: one gather per epoch, then a slice and a tidy per batch, so
      // only the shuffled copy lives across the host's turns.
      /** Epochs allowed after this one: a pause lowers it. */
      let allowed = this.stepsAllowed;
      const order = tf.tensor1d(Int32Array.from(shuffledIndices(rows, shuffleRandom)), 'int32');
      const { xs, ys } = tf.tidy(() => ({ xs: tf.gather(x, order), ys: tf.gather(y, order) }));
      order.dispose();
      try {
        for (let startRow = 0; startRow < rows; startRow += batchSize) {
          const size = Math.min(batchSize, rows - startRow);
          tf.tidy(() => {
            const xb = tf.slice(xs, [startRow, 0], [size, 1]);
            const yb = tf.slice(ys, [startRow, 0], [size, 1]);
            optimizer.minimize(() => lossOf(xb, yb), false, [weight, bias]);
          });
          if (now() - lastYield < WORK_SLICE_MS) continue;
          if (await yieldAndCheckStop()) return undefined;
          if (this.stepsAllowed < allowed) {
            if (!(await waitWhilePaused())) return undefined;
            // Woken by Step: finishing this epoch is that one step.
            this.stepsAllowed -= 1;
            allowed = this.stepsAllowed;
          }
        }
        return tf.tidy(measure);
      } finally {
        tf.dispose([xs, ys]);
      }
    };

    // What the read-back epochs have shown so far.
    const earlyStopping = this.settings.earlyStopping ? new EarlyStopping(this.settings.earlyStopping) : undefined;
    const divergence = new DivergenceMonitor();
    /** The last finite weights, shown while training. */
    let lastFinite: Line = start;
    let end: RunEnd | undefined;
    /** Where the run ends up when early stopping or divergence restores earlier weights. */
    let restored: Snapshot | undefined;

    /** Judges one read-back epoch; sets `end` when the run must stop there. */
    const examine = (point: LossPoint, weights: Line): void => {
      // Both losses belong to the weights at the end of the epoch.
      const trained: Snapshot = { epoch: point.epoch, loss: point.trainLoss, line: weights };
      const why = divergence.observe(trained, point.validationLoss);
      if (why !== undefined) {
        restored = divergence.best ?? trained;
        end = { reason: 'diverged', why, atEpoch: point.epoch, kept: { epoch: restored.epoch, loss: restored.loss } };
        return;
      }
      lastFinite = weights;
      if (!earlyStopping) return;
      const watched: Snapshot = point.validationLoss === null ? trained : { ...trained, loss: point.validationLoss };
      if (earlyStopping.observe(watched)) {
        restored = earlyStopping.best ?? watched;
        end = {
          reason: 'early-stopped',
          monitor: point.validationLoss === null ? 'training' : 'validation',
          patience: this.settings.earlyStopping!.patience,
          best: { epoch: restored.epoch, loss: restored.loss },
        };
      }
    };

    // Training time excludes pauses, so epochs per second and time left stay honest.
    let runningSince: number | undefined = now();
    let elapsedBefore = 0;
    const elapsed = (): number => elapsedBefore + (runningSince === undefined ? 0 : now() - runningSince);
    const stopClock = (): void => {
      elapsedBefore = elapsed();
      runningSince = undefined;
    };

    /** Reports, then waits with the clock stopped until Resume, Step or Stop; false when the run must end. */
    const waitWhilePaused = async (): Promise<boolean> => {
      stopClock();
      this.state = 'paused';
      await report();
      if (end !== undefined) return false;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (this.stopRequested || this.stepsAllowed > 0) this.wakeUp();
      });
      runningSince = now();
      lastYield = now();
      if (this.stopRequested) return false;
      this.state = 'running';
      return true;
    };

    const pending: { epoch: number; values: tf.Tensor1D }[] = [];
    /** Reads pending epochs back in one transfer, judges them in order, and reports them. */
    const report = async (): Promise<void> => {
      const points: LossPoint[] = [];
      if (pending.length > 0) {
        const packed = tf.tidy(() => tf.concat(pending.map((p) => p.values)));
        let values: Float32Array | Int32Array | Uint8Array;
        try {
          values = await packed.data();
        } finally {
          packed.dispose();
        }
        const perEpoch = hasValidation ? 4 : 3;
        for (let i = 0; i < pending.length && end === undefined; i++) {
          const at = i * perEpoch;
          const point: LossPoint = {
            epoch: pending[i]!.epoch,
            trainLoss: values[at]! * targetVariance,
            validationLoss: hasValidation ? values[at + 1]! * targetVariance : null,
          };
          const weights: Line = { slope: values[at + perEpoch - 2]!, intercept: values[at + perEpoch - 1]! };
          point.line = toRaw(weights);
          points.push(point);
          examine(point, weights);
          // Epochs run past the end are dropped, so the outcome never depends on when reports happen.
          if (end !== undefined) this.epoch = point.epoch;
        }
        for (const p of pending) p.values.dispose();
        pending.length = 0;
      }
      if (end !== undefined) this.state = 'done';
      this.hooks.onProgress?.({
        state: this.state,
        epoch: this.epoch,
        epochs: this.settings.epochs,
        points,
        line: toRaw(restored?.line ?? lastFinite),
        elapsedMs: elapsed(),
      });
    };

    try {
      // The starting point, reported with the first epochs.
      pending.push({ epoch: 0, values: tf.tidy(measure) });
      let lastReport = now();
      while (this.epoch < this.settings.epochs && !this.stopRequested && end === undefined) {
        if (this.stepsAllowed <= 0) {
          if (!(await waitWhilePaused())) break;
          continue;
        }
        this.stepsAllowed -= 1;
        const values = await runEpoch();
        if (values === undefined) break;
        this.epoch += 1;
        pending.push({ epoch: this.epoch, values });
        if (now() - lastReport >= reportInterval || pending.length >= 1024) {
          await report();
          await yieldAndCheckStop();
          lastReport = now();
        }
      }
      stopClock();
      this.state = 'done';
      await report();
    } finally {
      for (const p of pending) p.values.dispose();
      optimizer.dispose();
      tf.dispose([x, y, xVal, yVal, weight, bias]);
      this.state = 'done';
    }

    const finalEnd: RunEnd = end ?? (this.epoch < this.settings.epochs ? { reason: 'stopped' } : { reason: 'completed' });
    const line = toRaw(restored?.line ?? lastFinite);
    const metrics = splitMetrics(line, this.train, this.validation);
    const { feature, target, rows: trainRows, dataHash } = this.data;
    const previousEpochs = this.initial?.training.epochs ?? 0;
    const model: Model = {
      ...line,
      feature,
      target,
      normalization,
      training: {
        // The model's whole history: the epochs of the model this run continued from, plus this run's.
        epochs: previousEpochs + (restored?.epoch ?? this.epoch),
        optimizer: this.settings.optimizer,
        learningRate: this.settings.learningRate,
        trainMse: metrics.train.mse,
        validationMse: metrics.validation?.mse ?? null,
        r2: metrics.train.r2,
        backend: this.hooks.backend ?? tf.getBackend(),
        rows: trainRows,
        dataHash,
        date: new Date().toISOString(),
      },
    };
    return {
      model,
      metrics,
      epochsRun: this.epoch,
      stopped: finalEnd.reason !== 'completed',
      end: finalEnd,
      elapsedMs: elapsedBefore,
    };
  }
}
