/**
 * Epochs as fused WebGPU programs (`fused-programs.ts`) run inside TF.js: the rows, the history of
 * states and the partial sums are TF.js tensors on TF.js's device; nothing is submitted behind its back.
 *
 * Every queued epoch writes one slot of a history buffer (weights, Adam's moments, both losses of the
 * weights at the end of the epoch); a read-back copies the slots written since the last one and reads
 * them in one transfer. The same code computes an epoch whether it is queued alone or with others, so a
 * run ends on the same epoch with the same weights whatever the number queued per read-back.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import type { EpochRunner, EpochTurn, EpochValues, RunnerSetup } from '../core/train/epoch-runner.ts';
import { MAX_PENDING_EPOCHS } from '../core/train/round-size.ts';
import { oncePerColumn } from '../core/data/once-per-columns.ts';
import { seededRandom, shuffledIndices } from '../core/data/split.ts';
import {
  BLOCK_ROWS,
  EpochsProgram,
  FinishProgram,
  groupLayout,
  MEASURE,
  PartialsProgram,
  STATE_SIZE,
  UPDATE,
  updateUniformValues,
  type ProgramUniform,
} from './fused-programs.ts';
import { describeKernel, passesFor, type KernelChoice } from './kernel-choice.ts';
import { settleWebgpuQueue, webgpuBackend } from './webgpu-queue.ts';

/** Adam's constants as `tf.train.adam(learningRate)` has them. */
const ADAM = { beta1: 0.9, beta2: 0.999 };

/** Float32 copy padded with zeros to a whole number of vec4s (at least one). */
function padded(values: Float32Array): Float32Array {
  const out = new Float32Array(Math.max(4, Math.ceil(values.length / 4) * 4));
  out.set(values);
  return out;
}

/** mean(x) and mean(x²) in float64, once per column (the training columns are remembered per data set). */
const means = oncePerColumn((values: Float32Array) => meansOf(values));

function meansOf(values: Float32Array): { meanX: number; meanXX: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sum += v;
    squares += v * v;
  }
  const n = Math.max(1, values.length);
  return { meanX: sum / n, meanXX: squares / n };
}

export function createFusedRunner(setup: RunnerSetup, choice: KernelChoice): EpochRunner {
  const backend = webgpuBackend();
  const { train, validation, start, settings } = setup;
  const rows = train.x.length;
  const valRows = validation.x.length;
  const hasValidation = valRows > 0;
  const batchSize = settings.batchSize > 0 && settings.batchSize < rows ? settings.batchSize : rows;
  const miniBatch = batchSize < rows;
  const passes = passesFor(choice, rows + valRows, miniBatch);
  const size = choice.workgroupSize;
  const adam = settings.optimizer === 'adam';

  const trainMeans = means(train.x);
  const validationMeans = means(validation.x);
  const updateUniforms = updateUniformValues({
    adam,
    learningRate: settings.learningRate,
    ...ADAM,
    epsilon: backend.epsilon(),
    trainMeanX: trainMeans.meanX,
    trainMeanXX: trainMeans.meanXX,
    validationMeanX: validationMeans.meanX,
    validationMeanXX: validationMeans.meanXX,
  });

  const historySlots = MAX_PENDING_EPOCHS + 2;
  const initialState = new Float32Array(historySlots * STATE_SIZE);
  initialState.set([start.slope, start.intercept, 0, 0, 0, 0, ADAM.beta1, ADAM.beta2]);
  const tensors = {
    trainX: tf.tensor1d(padded(train.x)),
    trainY: tf.tensor1d(padded(train.y)),
    valX: tf.tensor1d(padded(validation.x)),
    valY: tf.tensor1d(padded(validation.y)),
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

  /** One partial-sums pass over training rows [lo, hi) of `xs`/`ys` (and the validation rows when `withValidation`). */
  const partials = (
    xs: tf.Tensor,
    ys: tf.Tensor,
    lo: number,
    hi: number,
    withValidation: boolean,
  ): { sums: tf.Tensor; trainGroups: number; valGroups: number } => {
    const alignedLo = Math.floor(lo / 4) * 4;
    const layout = groupLayout(Math.max(hi - alignedLo, withValidation ? valRows : 0), size, choice.maxGroups, choice.minBlocks);
    const rowsPerGroup = size * BLOCK_ROWS * layout.blocks;
    const trainGroups = Math.ceil((hi - alignedLo) / rowsPerGroup);
    const valGroups = withValidation && hasValidation ? Math.ceil(valRows / rowsPerGroup) : 0;
    const program = new PartialsProgram(size, trainGroups + valGroups);
    const info = run(
      program,
      [xs, ys, tensors.valX, tensors.valY, history],
      [
        { type: 'int32', data: [lo] },
        { type: 'int32', data: [hi] },
        { type: 'int32', data: [valRows] },
        { type: 'int32', data: [trainGroups] },
        { type: 'int32', data: [valGroups] },
        { type: 'int32', data: [layout.blocks] },
        { type: 'int32', data: [stateAt] },
      ],
    );
    return { sums: tf.engine().makeTensorFromTensorInfo(info), trainGroups, valGroups };
  };

  /** Adds partial sums, applies `flags` and writes the resulting slot(s); returns the slots written. */
  const finish = (
    p: { sums: tf.Tensor; trainGroups: number; valGroups: number },
    flags: number,
    trainCount: number,
    at: number,
  ): number => {
    const program = new FinishProgram(size, historySlots * STATE_SIZE);
    run(
      program,
      [p.sums],
      [
        { type: 'int32', data: [p.trainGroups] },
        { type: 'int32', data: [p.valGroups] },
        { type: 'int32', data: [at] },
        { type: 'int32', data: [flags] },
        { type: 'float32', data: [trainCount] },
        { type: 'float32', data: [valRows] },
        ...updateUniforms,
      ],
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
    const program = new EpochsProgram(size, historySlots * STATE_SIZE);
    run(
      program,
      [tensors.trainX, tensors.trainY, tensors.valX, tensors.valY],
      [
        { type: 'int32', data: [rows] },
        { type: 'int32', data: [valRows] },
        { type: 'int32', data: [count] },
        { type: 'int32', data: [stateAt] },
        { type: 'int32', data: [written] },
        { type: 'int32', data: [measureFirst ? MEASURE : 0] },
        { type: 'float32', data: [rows] },
        { type: 'float32', data: [valRows] },
        ...updateUniforms,
      ],
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
    const order = new Int32Array(Math.max(4, Math.ceil(rows / 4) * 4));
    order.set(shuffledIndices(rows, shuffleRandom));
    const { xs, ys } = tf.tidy(() => {
      const indices = tf.tensor1d(order, 'int32');
      return { xs: tf.gather(tensors.trainX, indices), ys: tf.gather(tensors.trainY, indices) };
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
    paceKey: `fused:${size}:${passes}:${rows}:${valRows}:${batchSize}:${settings.optimizer}`,
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
      const points: EpochValues[] = [];
      for (let i = 0; i < count; i++) {
        const at = i * STATE_SIZE;
        points.push({
          slope: values[at],
          intercept: values[at + 1],
          trainLoss: values[at + 8],
          validationLoss: hasValidation ? values[at + 9] : null,
        });
      }
      return points;
    },
    dispose() {
      tf.dispose(Object.values(tensors));
    },
  };
}
