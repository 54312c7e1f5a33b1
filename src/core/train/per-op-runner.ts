/**
 * Epochs as TF.js's per-op autograd loop, on whatever backend is active (WebGL, WASM, CPU, and WebGPU
 * when the fused programs are not used): `optimizer.minimize` and a forward pass for the loss.
 */
// Functional ops only (no chained `x.mul(...)`): tfjs-core alone does not add those methods. The
// gradients minimize() needs are registered by whoever loads TF.js: tfjs-browser/backend.ts in the browser, the
// full @tensorflow/tfjs bundle in Node.
import * as tf from '@tensorflow/tfjs-core';
import { seededRandom, shuffledIndices } from '../data/split.ts';
import type { EpochRunner, EpochTurn, EpochValues, RunnerSetup } from './epoch-runner.ts';

export function createPerOpRunner(setup: RunnerSetup, settle: () => Promise<void> = async () => {}): EpochRunner {
  const { train, validation, start, settings } = setup;
  // One feature: a scalar weight times the column (the ops every one-feature number was measured with);
  // d features: a [d, 1] weight and matMul.
  const d = setup.features ?? 1;
  const rows = train.y.length;
  const validationRows = validation.y.length;
  const hasValidation = validationRows > 0;
  const { x, y, xVal, yVal, weight, bias } = tf.tidy(() => ({
    // Columns one after the other on the way in; rows of d features for matMul.
    x: d === 1 ? tf.tensor2d(train.x, [rows, 1]) : tf.transpose(tf.tensor2d(train.x, [d, rows])),
    y: tf.tensor2d(train.y, [rows, 1]),
    xVal: d === 1 ? tf.tensor2d(validation.x, [validationRows, 1]) : tf.transpose(tf.tensor2d(validation.x, [d, validationRows])),
    yVal: tf.tensor2d(validation.y, [validationRows, 1]),
    weight: tf.variable(d === 1 ? tf.scalar(start.slope) : tf.tensor2d([start.slope, ...(setup.moreStart ?? [])], [d, 1]), true),
    bias: tf.variable(tf.scalar(start.intercept), true),
  }));
  const optimizer = settings.optimizer === 'adam' ? tf.train.adam(settings.learningRate) : tf.train.sgd(settings.learningRate);
  const batchSize = settings.batchSize > 0 && settings.batchSize < rows ? settings.batchSize : rows;
  const shuffleRandom = seededRandom(settings.seed);
  // Mean squared error as one squaredDifference and one mean: fewer kernel dispatches per epoch than
  // tf.losses.meanSquaredError (sub, square, sum, div).
  const lossOf = (xs: tf.Tensor, ys: tf.Tensor): tf.Scalar =>
    tf.mean(tf.squaredDifference(tf.add(d === 1 ? tf.mul(xs, weight) : tf.matMul(xs as tf.Tensor2D, weight as tf.Tensor2D), bias), ys));
  const losses = (): tf.Scalar[] => (hasValidation ? [lossOf(x, y), lossOf(xVal, yVal)] : [lossOf(x, y)]);
  /** [train loss, validation loss?, weights (d), bias], kept on the device until read back. Call inside a tidy. */
  const measure = (): tf.Tensor1D =>
    d === 1
      ? (tf.stack([...losses(), weight, bias]) as tf.Tensor1D)
      : tf.concat([tf.stack(losses()) as tf.Tensor1D, tf.reshape(weight, [d]), tf.reshape(bias, [1])]);
  let pending: tf.Tensor1D[] = [];

  /** One mini-batch epoch over a seeded shuffle; false when a turn said to drop it. */
  const miniBatchEpoch = async (turn: EpochTurn): Promise<boolean> => {
    // One gather per epoch, then a slice and a tidy per batch, so only the shuffled copy lives across turns.
    const order = tf.tensor1d(Int32Array.from(shuffledIndices(rows, shuffleRandom)), 'int32');
    const { xs, ys } = tf.tidy(() => ({ xs: tf.gather(x, order), ys: tf.gather(y, order) }));
    order.dispose();
    try {
      for (let startRow = 0; startRow < rows; startRow += batchSize) {
        const size = Math.min(batchSize, rows - startRow);
        tf.tidy(() => {
          const xb = tf.slice(xs, [startRow, 0], [size, d]);
          const yb = tf.slice(ys, [startRow, 0], [size, 1]);
          optimizer.minimize(() => lossOf(xb, yb), false, [weight, bias]);
        });
        if (turn.due() && !(await turn.take())) return false;
      }
      return true;
    } finally {
      tf.dispose([xs, ys]);
    }
  };

  return {
    kernel: 'per-op',
    longEpochs: batchSize < rows,
    paceKey: `per-op:${tf.getBackend()}:${rows}x${d}:${validationRows}:${batchSize}:${setup.settings.optimizer}`,
    queueStart() {
      pending.push(tf.tidy(measure));
    },
    async queueEpochs(count, turn) {
      for (let i = 0; i < count; i++) {
        if (batchSize < rows) {
          if (!(await miniBatchEpoch(turn))) return i;
          pending.push(tf.tidy(measure));
        } else {
          // The gradient pass and one forward pass for the loss after the update, in one tidy.
          pending.push(
            tf.tidy(() => {
              optimizer.minimize(() => lossOf(x, y), false, [weight, bias]);
              return measure();
            }),
          );
        }
      }
      return count;
    },
    settle,
    async readBack() {
      const taken = pending;
      pending = [];
      if (taken.length === 0) return [];
      let values: Float32Array | Int32Array | Uint8Array;
      try {
        const packed = tf.tidy(() => tf.concat(taken));
        try {
          values = await packed.data();
        } finally {
          packed.dispose();
        }
      } finally {
        tf.dispose(taken);
      }
      const lossCount = hasValidation ? 2 : 1;
      const perEpoch = lossCount + d + 1;
      const points: EpochValues[] = [];
      for (let at = 0; at < values.length; at += perEpoch) {
        const point: EpochValues = {
          trainLoss: values[at],
          validationLoss: hasValidation ? values[at + 1] : null,
          slope: values[at + lossCount],
          intercept: values[at + perEpoch - 1],
        };
        if (d > 1) point.moreWeights = Array.from(values.subarray(at + lossCount + 1, at + lossCount + d));
        points.push(point);
      }
      return points;
    },
    dispose() {
      tf.dispose(pending);
      pending = [];
      optimizer.dispose();
      tf.dispose([x, y, xVal, yVal, weight, bias]);
    },
  };
}
