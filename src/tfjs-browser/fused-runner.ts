/**
 * Epochs as fused WebGPU programs (`fused-programs.ts`) run inside TF.js: the rows, the history of
 * states and the partial sums are TF.js tensors on TF.js's device; nothing is submitted behind its back.
 *
 * Every queued epoch writes one slot of a history buffer (parameters, Adam's moments, both losses of the
 * parameters at the end of the epoch); a read-back copies the slots written since the last one and reads
 * them in one transfer. The same code computes an epoch whether it is queued alone or with others, so a
 * run ends on the same epoch with the same weights whatever the number queued per read-back.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import type { EpochRunner, EpochTurn, RunnerSetup } from '../core/train/epoch-runner.ts';
import { MAX_PENDING_EPOCHS } from '../core/train/round-size.ts';
import { seededRandom, shuffledIndices } from '../core/data/split.ts';
import type { TrainingSettings } from '../core/settings/training-settings.ts';
import {
  BLOCK_ROWS,
  EPOCHS_UNIFORMS,
  EpochsProgram,
  FINISH_UNIFORMS,
  FinishProgram,
  groupLayout,
  MEASURE,
  momentsLayout,
  PARTIALS_UNIFORMS,
  PartialsProgram,
  stateLayout,
  UPDATE,
  type ProgramShape,
} from './fused-programs.ts';
import type { ProgramUniform } from './fused-layout.ts';
import { deviceRows, paddedRows, rowMoments, type FeatureRows } from './fused-rows.ts';
import { residentRows } from './resident-rows.ts';
import { describeKernel, passesFor, type KernelChoice } from './kernel-choice.ts';
import { settleWebgpuQueue, webgpuBackend } from './webgpu-queue.ts';

/** Adam's constants as `tf.train.adam(learningRate)` has them. */
const ADAM = { beta1: 0.9, beta2: 0.999 };

/** What the fused runner trains on: d standardized features (column-major) and where it starts. */
export interface FusedSetup {
  features: number;
  train: FeatureRows;
  validation: FeatureRows;
  /** The starting parameters, standardized units: one weight per feature, then the intercept. */
  start: ArrayLike<number>;
  settings: TrainingSettings;
}

/** One point as read back: the parameters at the end of an epoch (or the starting point), standardized units. */
export interface ParameterValues {
  /** One weight per feature, then the intercept. */
  parameters: number[];
  /** Training MSE of the parameters. */
  trainLoss: number;
  /** Validation MSE of the same parameters, or null without validation rows. */
  validationLoss: number | null;
}

/** An epoch runner whose read-backs carry the parameter vector. */
export type ParameterRunner = Omit<EpochRunner, 'readBack'> & { readBack(): Promise<ParameterValues[]> };

export function createFusedParameterRunner(setup: FusedSetup, choice: KernelChoice): ParameterRunner {
  const backend = webgpuBackend();
  const { features, train, validation, settings } = setup;
  const rows = train.y.length;
  const valRows = validation.y.length;
  if (train.x.length !== rows * features || validation.x.length !== valRows * features || setup.start.length !== features + 1) {
    throw new Error(`The fused runner needs ${features} feature column(s) of every row and ${features + 1} starting parameters.`);
  }
  const hasValidation = valRows > 0;
  const batchSize = settings.batchSize > 0 && settings.batchSize < rows ? settings.batchSize : rows;
  const miniBatch = batchSize < rows;
  const passes = passesFor(choice, rows + valRows, miniBatch);
  const shape: ProgramShape = { lanes: choice.workgroupSize, features, layout: choice.layout };
  const lanes = shape.lanes;
  const adam = settings.optimizer === 'adam';
  const state = stateLayout(features);
  const STATE_SIZE = state.size;

  const updateValues = {
    adam: adam ? 1 : 0,
    learningRate: settings.learningRate,
    ...ADAM,
    // As TF.js's Adam computes them: in float64, then used as float32 constants.
    oneMinusBeta1: 1 - ADAM.beta1,
    oneMinusBeta2: 1 - ADAM.beta2,
    epsilon: backend.epsilon(),
  };

  const moments = momentsLayout(features);
  const momentValues = new Float32Array(moments.size);
  const trainMoments = rowMoments(train, features);
  const validationMoments = rowMoments(validation, features);
  moments.write(momentValues, 0, 'trainMeanX', trainMoments.meanX);
  moments.write(momentValues, 0, 'trainMeanXX', trainMoments.meanXX);
  moments.write(momentValues, 0, 'validationMeanX', validationMoments.meanX);
  moments.write(momentValues, 0, 'validationMeanXX', validationMoments.meanXX);

  const historySlots = MAX_PENDING_EPOCHS + 2;
  const initialState = new Float32Array(historySlots * STATE_SIZE);
  state.write(initialState, 0, 'params', setup.start);
  state.write(initialState, 0, 'beta1Power', [ADAM.beta1]);
  state.write(initialState, 0, 'beta2Power', [ADAM.beta2]);
  const trainRows = deviceRows(train, features, choice.layout);
  const valDeviceRows = deviceRows(validation, features, choice.layout);
  // On the device from an earlier run on the same rows, or uploaded now and kept for the next one.
  const residentTrain = residentRows(train, features, choice.layout);
  const residentValidation = residentRows(validation, features, choice.layout);
  const tensors = {
    trainX: residentTrain.x,
    trainY: residentTrain.y,
    valX: residentValidation.x,
    valY: residentValidation.y,
    moments: tf.tensor1d(momentValues),
    history: tf.tensor1d(initialState),
  };
  const { history } = tensors;
  /** Slot holding the latest state. */
  let stateAt = 0;
  /** Slots written since the last read-back (from slot 0). */
  let written = 0;
  /** The starting point is still to be written (with the next epoch, or alone at read-back). */
  let startPending = false;
  const shuffleRandom = seededRandom(settings.seed);

  const run = (program: WebGPUProgram, inputs: tf.TensorInfo[], uniforms: ProgramUniform[], output?: tf.Tensor): tf.TensorInfo =>
    (backend.runWebGPUProgram as (...args: unknown[]) => tf.TensorInfo)(program, inputs, 'float32', uniforms, output);

  interface Partials {
    sums: tf.Tensor;
    trainGroups: number;
    valGroups: number;
  }

  /** One partial-sums pass over training rows [lo, hi) of `xs`/`ys` (and the validation rows when `withValidation`). */
  const partials = (xs: tf.Tensor, ys: tf.Tensor, lo: number, hi: number, withValidation: boolean): Partials => {
    const alignedLo = Math.floor(lo / 4) * 4;
    const layout = groupLayout(Math.max(hi - alignedLo, withValidation ? valRows : 0), lanes, choice.maxGroups, choice.minBlocks);
    const rowsPerGroup = lanes * BLOCK_ROWS * layout.blocks;
    const trainGroups = Math.ceil((hi - alignedLo) / rowsPerGroup);
    const valGroups = withValidation && hasValidation ? Math.ceil(valRows / rowsPerGroup) : 0;
    const info = run(
      new PartialsProgram(shape, trainGroups + valGroups),
      [xs, ys, tensors.valX, tensors.valY, history],
      PARTIALS_UNIFORMS.values({
        trainStart: lo,
        trainEnd: hi,
        trainStride: trainRows.stride,
        valRows,
        valStride: valDeviceRows.stride,
        trainGroups,
        valGroups,
        blocks: layout.blocks,
        stateAt,
      }),
    );
    return { sums: tf.engine().makeTensorFromTensorInfo(info), trainGroups, valGroups };
  };

  /** Adds partial sums, applies `flags` and writes the resulting slot(s); returns the slots written. */
  const finish = (p: Partials, flags: number, trainCount: number, at: number): number => {
    run(
      new FinishProgram(shape, historySlots * STATE_SIZE),
      [p.sums, tensors.moments],
      FINISH_UNIFORMS.values({
        trainGroups: p.trainGroups,
        valGroups: p.valGroups,
        outAt: at,
        flags,
        trainRows: trainCount,
        valRows,
        ...updateValues,
      }),
      history,
    );
    p.sums.dispose();
    return (flags & MEASURE ? 1 : 0) + (flags & UPDATE ? 1 : 0);
  };

  /** Full-batch epochs (and the pending starting point), two passes each. */
  const twoPassEpochs = (count: number, measureFirst: boolean): void => {
    if (count === 0 && measureFirst) {
      written += finish(partials(tensors.trainX, tensors.trainY, 0, rows, true), MEASURE, rows, written);
      stateAt = written - 1;
    }
    for (let i = 0; i < count; i++) {
      const flags = UPDATE | (i === 0 && measureFirst ? MEASURE : 0);
      written += finish(partials(tensors.trainX, tensors.trainY, 0, rows, true), flags, rows, written);
      stateAt = written - 1;
    }
  };

  /** Full-batch epochs in one dispatch. */
  const onePassEpochs = (count: number, measureFirst: boolean): void => {
    run(
      new EpochsProgram(shape, historySlots * STATE_SIZE),
      [tensors.trainX, tensors.trainY, tensors.valX, tensors.valY, tensors.moments],
      EPOCHS_UNIFORMS.values({
        trainRowCount: rows,
        valRowCount: valRows,
        trainStride: trainRows.stride,
        valStride: valDeviceRows.stride,
        epochs: count,
        stateAt,
        outAt: written,
        flags: measureFirst ? MEASURE : 0,
        trainRows: rows,
        valRows,
        ...updateValues,
      }),
      history,
    );
    written += count + (measureFirst ? 1 : 0);
    stateAt = written - 1;
  };

  /** Writes the starting point alone, if it is still pending. */
  const flushStart = (): void => {
    if (!startPending) return;
    startPending = false;
    if (passes === 'one') onePassEpochs(0, true);
    else twoPassEpochs(0, true);
  };

  /** One mini-batch epoch over a seeded shuffle, then its losses over all rows; false when a turn said to drop it. */
  const miniBatchEpoch = async (turn: EpochTurn): Promise<boolean> => {
    flushStart();
    const order = new Int32Array(paddedRows(rows));
    order.set(shuffledIndices(rows, shuffleRandom));
    // Column-major X is gathered along its rows (axis 1), row-major along axis 0.
    const { xs, ys } = tf.tidy(() => {
      const indices = tf.tensor1d(order, 'int32');
      return { xs: tf.gather(tensors.trainX, indices, choice.layout === 'rows' ? 0 : 1), ys: tf.gather(tensors.trainY, indices) };
    });
    const slot = written;
    const startState = stateAt;
    try {
      for (let lo = 0; lo < rows; lo += batchSize) {
        const hi = Math.min(rows, lo + batchSize);
        finish(partials(xs, ys, lo, hi, false), UPDATE, hi - lo, slot);
        stateAt = slot;
        if (turn.due()) {
          // Bound the queue by work the device has really done before the host's turn.
          await settleWebgpuQueue();
          if (!(await turn.take())) {
            // The unfinished epoch is dropped: the run keeps the state it had.
            stateAt = startState;
            return false;
          }
        }
      }
      finish(partials(tensors.trainX, tensors.trainY, 0, rows, true), MEASURE, rows, slot);
      written = slot + 1;
      return true;
    } finally {
      tf.dispose([xs, ys]);
    }
  };

  return {
    kernel: describeKernel(choice, rows + valRows, miniBatch),
    longEpochs: miniBatch,
    paceKey: `fused:${lanes}:${choice.layout}:${features}:${passes}:${rows}:${valRows}:${batchSize}:${settings.optimizer}`,
    queueStart() {
      startPending = true;
    },
    async queueEpochs(count, turn) {
      if (miniBatch) {
        for (let i = 0; i < count; i++) if (!(await miniBatchEpoch(turn))) return i;
        return count;
      }
      if (count === 0) return 0;
      const measureFirst = startPending;
      startPending = false;
      if (passes === 'one') onePassEpochs(count, measureFirst);
      else twoPassEpochs(count, measureFirst);
      return count;
    },
    settle: settleWebgpuQueue,
    async readBack() {
      flushStart();
      if (written === 0) return [];
      // A fresh tensor: TF.js caches what it reads, and the history buffer keeps changing.
      const slots = tf.slice(history, 0, written * STATE_SIZE);
      const count = written;
      // Taken now: the copy is queued before any later epoch, so the next slots are written from 0
      // again while this one travels. The latest state stays where it is.
      written = 0;
      let values: Float32Array;
      try {
        values = (await slots.data()) as Float32Array;
      } finally {
        slots.dispose();
      }
      const points: ParameterValues[] = [];
      for (let i = 0; i < count; i++) {
        const at = i * STATE_SIZE;
        points.push({
          parameters: Array.from(state.slice(values, at, 'params')),
          trainLoss: state.read(values, at, 'trainLoss'),
          validationLoss: hasValidation ? state.read(values, at, 'validationLoss') : null,
        });
      }
      return points;
    },
    dispose() {
      tf.dispose(Object.values(tensors));
      residentTrain.release();
      residentValidation.release();
    },
  };
}

/** The fused runner behind the runner interface: a line (slope and intercept) and the further features' weights. */
export function createFusedRunner(setup: RunnerSetup, choice: KernelChoice): EpochRunner {
  const features = setup.features ?? 1;
  const runner = createFusedParameterRunner(
    {
      features,
      train: setup.train,
      validation: setup.validation,
      // A start of the wrong length is refused by the parameter runner.
      start: [setup.start.slope, ...(setup.moreStart ?? []), setup.start.intercept],
      settings: setup.settings,
    },
    choice,
  );
  return {
    ...runner,
    async readBack() {
      return (await runner.readBack()).map(({ parameters, trainLoss, validationLoss }) => ({
        slope: parameters[0],
        intercept: parameters[features],
        ...(features > 1 ? { moreWeights: parameters.slice(1, features) } : {}),
        trainLoss,
        validationLoss,
      }));
    },
  };
}
