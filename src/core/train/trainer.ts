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
import { datasetWithFeatures, featureColumns, type Dataset } from '../data/dataset.ts';
import { intervalStatistics } from '../stats/fit-summary.ts';
import { describeData, describeMoreFeatures, type Model } from '../model/model.ts';
import { modelFeatureNames } from '../model/model-features.ts';
import { weightsAsHyperplane, type Weights } from '../model/predict.ts';
import { splitDataset, splitMetricsOfWeights, type SplitMetrics } from '../data/split.ts';
import { leastSquaresFit } from '../stats/least-squares-fit.ts';
import { INTERVAL_LEVEL } from '../stats/intervals.ts';
import { jointIntervalStatistics } from '../stats/regression-summary.ts';
import type { RunnerFactory } from './epoch-runner.ts';
import type { LossPoint } from './epoch-judge.ts';
import { createPerOpRunner } from './per-op-runner.ts';
import { RunControls, type TrainerState } from './run-controls.ts';
import { driveRun } from './run-driver.ts';
import type { RunEnd } from './run-end.ts';
import type { TrainingSettings } from '../settings/training-settings.ts';
import { standardize, standardizeColumns, weightsToRawUnits, weightsToScaledUnits } from '../stats/stats.ts';
import { datasetCrossProducts, datasetFeatureScalings, datasetMoments, datasetStandardizedFeatures } from '../data/dataset-facts.ts';

export type { LossPoint } from './epoch-judge.ts';
export type { TrainerState } from './run-controls.ts';

export interface TrainingProgress {
  state: TrainerState;
  /** Epochs completed in this run. */
  epoch: number;
  epochs: number;
  /** New loss points since the previous report. */
  points: LossPoint[];
  /** The current line in raw units (the last finite one, should the weights blow up); with several features, all their weights. */
  line: Weights;
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

/** A model's weights: its line, and the coefficients of its features after the first. */
function weightsOf(model: Model): Weights {
  const { slope, intercept, moreFeatures } = model;
  return moreFeatures === undefined
    ? { slope, intercept }
    : { slope, intercept, moreWeights: moreFeatures.map((more) => more.coefficient) };
}

export class Trainer {
  private readonly controls = new RunControls();
  private readonly data: ReturnType<typeof describeData>;
  private readonly train: Dataset;
  private readonly validation: Dataset;
  /** The features left out because of singularities on the training rows (R's NA coefficients). */
  private readonly aliased: string[] = [];

  constructor(
    dataset: Dataset,
    private readonly settings: TrainingSettings,
    /** Where training starts: a model to continue (its epochs carry over), or null for the zero line. */
    private readonly initial: Model | null = null,
    private readonly hooks: TrainerHooks = {},
  ) {
    let { train, validation } = splitDataset(dataset, settings.validationSplit, settings.seed);
    if (train.moreFeatures !== undefined) {
      // As R's lm: a feature that is constant or a linear combination of the others on the training rows
      // is left out (and named), not trained to an arbitrary share of the others' weight.
      const fit = leastSquaresFit(datasetCrossProducts(train));
      if (fit.fitted.length === 0) throw new Error('Every feature is constant on the training rows: there is nothing to fit.');
      if (fit.aliased.length > 0) {
        const names = featureColumns(train).map((column) => column.name);
        this.aliased = fit.aliased.map((j) => names[j]);
        train = datasetWithFeatures(train, fit.fitted);
        validation = datasetWithFeatures(validation, fit.fitted);
      }
    }
    this.train = train;
    this.validation = validation;
    this.data = describeData(this.train);
    // Several features on either side: the coefficients must be of the same features, in the same order.
    // (One-feature runs leave that to their callers, as they always did: the command line and the page check the columns.)
    if (initial && (train.moreFeatures !== undefined || initial.moreFeatures !== undefined)) {
      const want = featureColumns(train).map((column) => column.name);
      const have = modelFeatureNames(initial);
      if (have.length !== want.length || have.some((name, j) => name !== want[j])) {
        throw new Error(
          `The model to continue reads ${have.join(', ')}, and this run trains on ${want.join(', ')}: continue only with the same features, in the same order.`,
        );
      }
    }
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
    const features = featureColumns(this.train).length;
    const scalings = datasetFeatureScalings(this.train);
    const toRaw = (scaled: Weights): Weights => weightsToRawUnits(scaled, scalings, normalization.target);
    const zero: Weights =
      features === 1 ? { slope: 0, intercept: 0 } : { slope: 0, intercept: 0, moreWeights: new Array<number>(features - 1).fill(0) };
    const start = this.initial ? weightsToScaledUnits(weightsOf(this.initial), scalings, normalization.target) : zero;
    const createRunner = this.hooks.createRunner ?? ((setup) => createPerOpRunner(setup));
    const validationX =
      features === 1
        ? standardize(this.validation.x, normalization.feature)
        : standardizeColumns(
            featureColumns(this.validation).map((column) => column.values),
            scalings,
          );
    const runner = createRunner({
      train: datasetStandardizedFeatures(this.train),
      validation: { x: validationX, y: standardize(this.validation.y, normalization.target) },
      ...(features === 1 ? {} : { features, moreStart: start.moreWeights }),
      start: { slope: start.slope, intercept: start.intercept },
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
    const metrics = splitMetricsOfWeights(line, this.train, this.validation);
    const { feature, target, rows: trainRows, dataHash } = this.data;
    const previousEpochs = this.initial?.training.epochs ?? 0;
    const { moreWeights, ...firstFeature } = line;
    const model: Model = {
      ...firstFeature,
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
      intervals:
        moreWeights === undefined
          ? intervalStatistics(line, datasetMoments(this.train), feature)
          : jointIntervalStatistics(
              weightsAsHyperplane(line),
              datasetCrossProducts(this.train),
              INTERVAL_LEVEL,
              featureColumns(this.train).map((column) => column.values),
            ),
    };
    if (moreWeights !== undefined) {
      model.moreFeatures = describeMoreFeatures(this.train).map((described, j) => ({ ...described, coefficient: moreWeights[j] }));
    }
    if (this.aliased.length > 0) model.aliasedFeatures = [...this.aliased];
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
