/**
 * The training of a 1 → 1 linear model (one weight, one bias) by gradient descent on standardized data,
 * with TF.js, on whatever backend is active.
 *
 * Every loss point describes the model at the END of its epoch: the training and validation MSE of the
 * weights after that epoch's updates. Epoch 0 is the starting point (the untrained line, or the model a
 * run continues from), so a chart starts where training started. Epoch numbers count this run only
 * (0..epochs); the model's `training.epochs` adds the epochs of the model it continued from.
 *
 * The Trainer prepares the rows and builds the result; an EpochRunner (`epoch-runner.ts`: TF.js's
 * per-op loop by default, fused WebGPU programs in the browser) runs the epochs, and `run-driver.ts`
 * drives them: few read-backs (at most one per `reportIntervalMs`, all pending epochs in one transfer),
 * and Pause, Step, Stop, early stopping and divergence decided on the read-back epochs in order, so the
 * outcome never depends on when reads happened.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset.ts';
import { intervalStatistics } from '../stats/fit-summary.ts';
import { describeData, type Model } from '../model/model.ts';
import type { Line } from '../model/predict.ts';
import { splitDataset, splitMetrics, type SplitMetrics } from '../data/split.ts';
import type { RunnerFactory } from './epoch-runner.ts';
import type { LossPoint } from './epoch-judge.ts';
import { createPerOpRunner } from './per-op-runner.ts';
import { RunControls, type TrainerState } from './run-controls.ts';
import { driveRun } from './run-driver.ts';
import type { RunEnd } from './run-end.ts';
import type { TrainingSettings } from '../settings/training-settings.ts';
import { lineToRawUnits, lineToScaledUnits, standardize } from '../stats/stats.ts';
import { datasetMoments, datasetStandardized } from '../data/dataset-facts.ts';

export type { LossPoint } from './epoch-judge.ts';
export type { TrainerState } from './run-controls.ts';

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
  /** What ran the epochs, e.g. "per-op" or "WebGPU · fused, 2 passes, workgroup 4". */
  kernel?: string;
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
  /** What runs the epochs; TF.js's per-op loop by default. */
  createRunner?: RunnerFactory;
  /** At most this many epochs queued between two waits for the device (tests compare 1 with many). */
  maxEpochsPerRound?: number;
}

const yieldWithTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class Trainer {
  private readonly controls = new RunControls();
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
    return this.controls.state;
  }

  /**
   * Pauses at the next epoch boundary, or within a long mini-batch epoch at its next turn of the host;
   * before `run()`, the run starts paused (after its epoch-0 point).
   */
  pause(): void {
    this.controls.pause();
  }

  resume(): void {
    this.controls.resume();
  }

  /** While paused (or before `run()`): runs exactly one more epoch, then pauses. */
  step(): void {
    this.controls.step();
  }

  /**
   * Ends the run, keeping the weights at the end of the last whole epoch: a mini-batch epoch in
   * progress stops at its next turn of the host and is dropped.
   */
  stop(): void {
    this.controls.stop();
  }

  async run(): Promise<TrainingResult> {
    if (this.controls.state !== 'idle') throw new Error('A Trainer runs once; make a new one to train again.');
    const { normalization } = this.data;
    const toRaw = (scaled: Line): Line => lineToRawUnits(scaled, normalization.feature, normalization.target);
    const start = this.initial ? lineToScaledUnits(this.initial, normalization.feature, normalization.target) : { slope: 0, intercept: 0 };
    const createRunner = this.hooks.createRunner ?? ((setup) => createPerOpRunner(setup));
    const runner = createRunner({
      train: datasetStandardized(this.train),
      validation: { x: standardize(this.validation.x, normalization.feature), y: standardize(this.validation.y, normalization.target) },
      start,
      settings: this.settings,
    });
    let outcome;
    try {
      outcome = await driveRun(runner, this.controls, {
        epochs: this.settings.epochs,
        earlyStopping: this.settings.earlyStopping,
        start,
        lossScale: normalization.target.std ** 2,
        now: this.hooks.now ?? (() => performance.now()),
        yieldToHost: this.hooks.yieldToHost ?? yieldWithTimer,
        reportIntervalMs: this.hooks.reportIntervalMs ?? 16,
        maxEpochsPerRound: this.hooks.maxEpochsPerRound,
        onReport: (report) => {
          // The driver's points carry standardized weights; the page draws the path in raw units.
          for (const point of report.points) if (point.line) point.line = toRaw(point.line);
          this.hooks.onProgress?.({ ...report, epochs: this.settings.epochs, line: toRaw(report.line) });
        },
      });
    } finally {
      runner.dispose();
    }

    const { epoch, end, restored } = outcome;
    const finalEnd: RunEnd = end ?? (epoch < this.settings.epochs ? { reason: 'stopped' } : { reason: 'completed' });
    const line = toRaw(outcome.line);
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
        epochs: previousEpochs + (restored?.epoch ?? epoch),
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
      // The training rows' statistics for 95% intervals, so predicting them stays arithmetic.
      intervals: intervalStatistics(line, datasetMoments(this.train), feature),
    };
    return {
      model,
      metrics,
      epochsRun: epoch,
      stopped: finalEnd.reason !== 'completed',
      end: finalEnd,
      elapsedMs: outcome.elapsedMs,
      kernel: runner.kernel,
    };
  }
}
