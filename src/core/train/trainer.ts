/**
 * The training loop: a 1 → 1 linear model (one weight, one bias) fitted by gradient descent on
 * standardized data with TF.js, on whatever backend is active.
 *
 * Speed and responsiveness come from reading back little: the loss of every epoch stays on the device
 * until a report is due (at most once per `reportIntervalMs`), then all pending losses and the current
 * weights come back in one `await tensor.data()`. Between reports the host gets control back.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../dataset.ts';
import { describeData, type Model } from '../model.ts';
import type { Line } from '../predict.ts';
import { seededRandom, shuffledIndices, splitDataset, splitMetrics, type SplitMetrics } from '../split.ts';
import type { TrainingSettings } from './settings.ts';
import { lineToRawUnits, lineToScaledUnits, standardize } from '../stats.ts';

export interface LossPoint {
  epoch: number;
  /** Training MSE in raw target units², measured before that epoch's update. */
  trainLoss: number;
  /** Validation MSE in raw units² after the update, or null without validation rows. */
  validationLoss: number | null;
}

export type TrainerState = 'idle' | 'running' | 'paused' | 'done';

export interface TrainingProgress {
  state: TrainerState;
  /** Epochs completed in this run. */
  epoch: number;
  epochs: number;
  /** New loss points since the previous report. */
  points: LossPoint[];
  /** The current line in raw units. */
  line: Line;
}

export interface TrainingResult {
  model: Model;
  metrics: SplitMetrics;
  epochsRun: number;
  /** True when stop() ended the run before its last epoch. */
  stopped: boolean;
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
    private readonly initial: Line | null = null,
    private readonly hooks: TrainerHooks = {},
  ) {
    ({ train: this.train, validation: this.validation } = splitDataset(dataset, settings.validationSplit, settings.seed));
    this.data = describeData(this.train);
  }

  get currentState(): TrainerState {
    return this.state;
  }

  /** Pauses at the next epoch boundary. */
  pause(): void {
    if (this.state === 'running') this.stepsAllowed = 0;
  }

  resume(): void {
    this.stepsAllowed = Infinity;
    this.wakeUp();
  }

  /** While paused: runs exactly one more epoch, then pauses again. */
  step(): void {
    if (this.state !== 'paused') return;
    this.stepsAllowed = 1;
    this.wakeUp();
  }

  /** Ends the run at the next epoch boundary, keeping the weights reached. */
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

    const start = this.initial ? lineToScaledUnits(this.initial, normalization.feature, normalization.target) : { slope: 0, intercept: 0 };
    const tensors = tf.tidy(() => ({
      x: tf.tensor2d(standardize(this.train.x, normalization.feature), [this.train.x.length, 1]),
      y: tf.tensor2d(standardize(this.train.y, normalization.target), [this.train.y.length, 1]),
      xVal: tf.tensor2d(standardize(this.validation.x, normalization.feature), [this.validation.x.length, 1]),
      yVal: tf.tensor2d(standardize(this.validation.y, normalization.target), [this.validation.y.length, 1]),
      weight: tf.variable(tf.scalar(start.slope), true, 'weight'),
      bias: tf.variable(tf.scalar(start.intercept), true, 'bias'),
    }));
    const { x, y, xVal, yVal, weight, bias } = tensors;
    const optimizer = this.settings.optimizer === 'adam' ? tf.train.adam(this.settings.learningRate) : tf.train.sgd(this.settings.learningRate);
    const rows = this.train.x.length;
    const batchSize = this.settings.batchSize > 0 && this.settings.batchSize < rows ? this.settings.batchSize : rows;
    const hasValidation = this.validation.x.length > 0;
    const lossOf = (xs: tf.Tensor, ys: tf.Tensor): tf.Scalar => tf.losses.meanSquaredError(ys, xs.mul(weight).add(bias));

    /** One epoch; returns [train loss, validation loss?] as a 1-D tensor that stays on the device. */
    const shuffleRandom = seededRandom(this.settings.seed);
    const runEpoch = (): tf.Tensor1D =>
      tf.tidy(() => {
        let trainLoss: tf.Scalar;
        if (batchSize === rows) {
          trainLoss = optimizer.minimize(() => lossOf(x, y), true, [weight, bias])!;
        } else {
          // Mini-batches over a seeded shuffle; the epoch's loss is the mean over its batches.
          const order = shuffledIndices(rows, shuffleRandom);
          const batchLosses: tf.Scalar[] = [];
          for (let startRow = 0; startRow < rows; startRow += batchSize) {
            const idx = tf.tensor1d(Array.from(order.subarray(startRow, startRow + batchSize)), 'int32');
            const xb = tf.gather(x, idx);
            const yb = tf.gather(y, idx);
            batchLosses.push(optimizer.minimize(() => lossOf(xb, yb), true, [weight, bias])!);
          }
          trainLoss = tf.addN(batchLosses).div(batchLosses.length);
        }
        return tf.stack(hasValidation ? [trainLoss, lossOf(xVal, yVal)] : [trainLoss]) as tf.Tensor1D;
      });

    const pending: { epoch: number; loss: tf.Tensor1D }[] = [];
    /** Reads pending losses and the weights back in one transfer, and reports them. */
    const report = async (): Promise<Line> => {
      const packed = tf.tidy(() => tf.concat([...pending.map((p) => p.loss), weight.reshape([1]), bias.reshape([1])]));
      const values = await packed.data();
      packed.dispose();
      const perEpoch = hasValidation ? 2 : 1;
      const points = pending.map((p, i) => ({
        epoch: p.epoch,
        trainLoss: values[i * perEpoch]! * targetVariance,
        validationLoss: hasValidation ? values[i * perEpoch + 1]! * targetVariance : null,
      }));
      for (const p of pending) p.loss.dispose();
      pending.length = 0;
      const scaled = { slope: values[values.length - 2]!, intercept: values[values.length - 1]! };
      const line = lineToRawUnits(scaled, normalization.feature, normalization.target);
      this.hooks.onProgress?.({ state: this.state, epoch: this.epoch, epochs: this.settings.epochs, points, line });
      return line;
    };

    let line: Line = this.initial ?? lineToRawUnits(start, normalization.feature, normalization.target);
    try {
      let lastReport = now();
      while (this.epoch < this.settings.epochs && !this.stopRequested) {
        if (this.stepsAllowed <= 0) {
          this.state = 'paused';
          line = await report();
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            if (this.stopRequested || this.stepsAllowed > 0) this.wakeUp();
          });
          if (this.stopRequested) break;
          this.state = 'running';
          continue;
        }
        this.epoch += 1;
        this.stepsAllowed -= 1;
        pending.push({ epoch: this.epoch, loss: runEpoch() });
        if (now() - lastReport >= reportInterval || pending.length >= 1024) {
          line = await report();
          await yieldToHost();
          lastReport = now();
        }
      }
      this.state = 'done';
      line = await report();
    } finally {
      for (const p of pending) p.loss.dispose();
      optimizer.dispose();
      tf.dispose([x, y, xVal, yVal, weight, bias]);
      this.state = 'done';
    }

    const metrics = splitMetrics(line, this.train, this.validation);
    const { feature, target, rows: trainRows, dataHash } = this.data;
    const model: Model = {
      ...line,
      feature,
      target,
      normalization,
      training: {
        epochs: this.epoch,
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
    return { model, metrics, epochsRun: this.epoch, stopped: this.epoch < this.settings.epochs };
  }
}
