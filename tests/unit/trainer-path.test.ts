/** Loss points carry the weights after each epoch: the optimizer's path, in raw units. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { momentsOf, mseAt } from '../../src/core/stats/moments.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { Trainer, type LossPoint } from '../../src/core/train/trainer.ts';
import { bundledDataset as data } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('every point has the line its loss was measured on, from the untrained line to the optimum', async () => {
  const points: LossPoint[] = [];
  const result = await new Trainer(data, { ...DEFAULT_SETTINGS, validationSplit: 0, epochs: 200 }, null, {
    onProgress: (p) => points.push(...p.points),
  }).run();
  expect(points.every((p) => p.line !== undefined)).toBe(true);
  // Epoch 0 is the zero line of standardized training: slope 0 through the mean target.
  expect(points[0].line!.slope).toBeCloseTo(0, 9);
  expect(points[0].line!.intercept).toBeCloseTo(momentsOf(data.x, data.y).meanY, 4);
  const last = points.at(-1)!.line!;
  expect(last.slope).toBeCloseTo(result.model.slope, 9);
  expect(Math.abs(last.slope - REFERENCE.slope) / REFERENCE.slope).toBeLessThan(1e-3);
  // The loss reported is the loss of the line reported (float32 on the device).
  const moments = momentsOf(data.x, data.y);
  for (const p of [points[0], points[5], points.at(-1)!])
    expect(Math.abs(mseAt(moments, p.line!) - p.trainLoss) / p.trainLoss).toBeLessThan(1e-4);
});
