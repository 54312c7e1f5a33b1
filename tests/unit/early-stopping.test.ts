import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { metricsOf } from '../../src/core/stats/stats.ts';
import { splitDataset } from '../../src/core/data/split.ts';
import { DivergenceMonitor, GROWTH_FACTOR, RISING_EPOCHS } from '../../src/core/train/divergence.ts';
import { EarlyStopping, type Snapshot } from '../../src/core/train/early-stopping.ts';
import { describeRunEnd } from '../../src/core/train/run-end.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { Trainer, type LossPoint } from '../../src/core/train/trainer.ts';
import { bundledDataset } from './bundled-data.ts';

const at = (epoch: number, loss: number): Snapshot => ({ epoch, loss, line: { slope: epoch, intercept: 0 } });

describe('EarlyStopping', () => {
  it('stops after `patience` epochs without improvement and remembers the best', () => {
    const stopping = new EarlyStopping({ patience: 3, minImprovement: 0 });
    const losses = [10, 8, 9, 7, 7.5, 8, 7.1];
    const decisions = losses.map((loss, i) => stopping.observe(at(i + 1, loss)));
    expect(decisions).toEqual([false, false, false, false, false, false, true]);
    expect(stopping.best).toEqual(at(4, 7));
  });

  it('counts only improvements larger than the minimum, relative to the best', () => {
    const stopping = new EarlyStopping({ patience: 2, minImprovement: 0.01 });
    expect(stopping.observe(at(1, 100))).toBe(false);
    expect(stopping.observe(at(2, 99.5))).toBe(false); // 0.5% better: not enough
    expect(stopping.observe(at(3, 99.2))).toBe(true);
    expect(stopping.best?.epoch).toBe(1);
  });

  it('never takes NaN as the best', () => {
    const stopping = new EarlyStopping({ patience: 5, minImprovement: 0 });
    stopping.observe(at(1, Number.NaN));
    stopping.observe(at(2, 3));
    expect(stopping.best?.epoch).toBe(2);
  });
});

describe('DivergenceMonitor', () => {
  it('flags NaN and infinite losses and weights at once', () => {
    expect(new DivergenceMonitor().observe(at(0, Number.NaN))).toMatch(/NaN/);
    expect(new DivergenceMonitor().observe(at(0, Infinity))).toMatch(/infinite/);
    expect(new DivergenceMonitor().observe(at(0, 1), Infinity)).toMatch(/infinite/);
    expect(new DivergenceMonitor().observe({ epoch: 1, loss: 1, line: { slope: Number.NaN, intercept: 0 } })).toMatch(/weights became NaN/);
  });

  it(`flags a loss rising ${RISING_EPOCHS} epochs in a row to over ${GROWTH_FACTOR}× its best, and keeps the best`, () => {
    const monitor = new DivergenceMonitor();
    const losses = [1, 2, 4, 8, 16, 32];
    const verdicts = losses.map((loss, i) => monitor.observe(at(i, loss)));
    expect(verdicts.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(verdicts[5]).toMatch(/grew/);
    expect(monitor.best).toEqual(at(0, 1));
  });

  it('lets noisy or slowly converging losses be', () => {
    const monitor = new DivergenceMonitor();
    // Rising five times in a row but never far above the best, then a large jump that does not keep rising.
    for (const [i, loss] of [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.4, 50, 2, 1].entries()) expect(monitor.observe(at(i, loss))).toBeUndefined();
  });
});

describe('describeRunEnd', () => {
  it('says how each run ended', () => {
    expect(describeRunEnd({ reason: 'completed' }, 50)).toBe('Trained 50 epochs. The Fit card shows how well the new line fits.');
    expect(describeRunEnd({ reason: 'stopped' }, 1)).toBe('Stopped after 1 epoch; kept the weights reached.');
    expect(describeRunEnd({ reason: 'early-stopped', monitor: 'validation', patience: 3, best: { epoch: 5, loss: 28.5 } }, 8)).toMatch(
      /^Stopped early after 8 epochs: the validation loss had not improved for 3 epochs\. Restored the best weights, from epoch 5 \(validation MSE 28\.5000\)/,
    );
    expect(describeRunEnd({ reason: 'diverged', why: 'the loss became NaN', atEpoch: 9, kept: { epoch: 0, loss: 79.3 } }, 9)).toMatch(
      /^Training diverged at epoch 9 \(the loss became NaN\) and stopped\. Kept the last good weights, from the starting line/,
    );
  });
});

describe('Trainer with early stopping and divergence (CPU backend)', () => {
  const dataset = bundledDataset;
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  /** SGD at 0.9 overshoots back and forth, so the loss on a fifth held out goes down and up again. */
  const oscillating = {
    ...DEFAULT_SETTINGS,
    validationSplit: 0.2,
    learningRate: 0.9,
    earlyStopping: { patience: 3, minImprovement: 0.0001 },
  };

  async function train(settings: typeof DEFAULT_SETTINGS, reportIntervalMs = 16) {
    const points: LossPoint[] = [];
    const result = await new Trainer(dataset, settings, null, { reportIntervalMs, onProgress: (p) => points.push(...p.points) }).run();
    return { result, points };
  }

  it('stops on the validation loss and restores exactly the best validation loss', async () => {
    const { result, points } = await train(oscillating);
    const best = points.reduce((a, b) => (b.validationLoss! < a.validationLoss! ? b : a));
    expect(result.end).toMatchObject({ reason: 'early-stopped', monitor: 'validation', patience: 3, best: { epoch: best.epoch } });
    expect(result.stopped).toBe(true);
    expect(result.epochsRun).toBe(best.epoch + 3);
    expect(points.at(-1)!.epoch).toBe(best.epoch + 3);
    expect(result.model.training.epochs).toBe(best.epoch);
    // The model's validation MSE (float64 on the raw line) is the best one seen (float32 on the device).
    expect(Math.abs(result.metrics.validation!.mse - best.validationLoss!) / best.validationLoss!).toBeLessThan(1e-5);
    expect(result.metrics.validation!.mse).toBeLessThan(points.at(-1)!.validationLoss! * 0.99);
  });

  it('decides the same whether losses come back every epoch or in one batch', async () => {
    const often = await train(oscillating, 0);
    const rarely = await train(oscillating, 1e9);
    expect(rarely.result.end).toEqual(often.result.end);
    expect([rarely.result.model.slope, rarely.result.model.intercept]).toEqual([often.result.model.slope, often.result.model.intercept]);
    expect(rarely.points.map((p) => p.epoch)).toEqual(often.points.map((p) => p.epoch));
  });

  it('watches the training loss when there are no validation rows, restoring the weights that had it', async () => {
    const { result, points } = await train({ ...oscillating, validationSplit: 0, learningRate: 0.1, epochs: 500 });
    const { end } = result;
    if (end.reason !== 'early-stopped') throw new Error(`ended ${end.reason}`);
    expect(end.monitor).toBe('training');
    // A point's training loss is that of the weights at the end of its epoch: the ones restored.
    const bestPoint = points.find((p) => p.epoch === end.best.epoch)!;
    expect(end.best.loss).toBe(bestPoint.trainLoss);
    expect(Math.abs(result.metrics.train.mse - bestPoint.trainLoss) / bestPoint.trainLoss).toBeLessThan(1e-5);
    expect(result.epochsRun).toBeLessThan(500);
  });

  it.each([10, 1.5])('stops a diverging run (SGD, learning rate %d) by itself and keeps finite, good weights', async (learningRate) => {
    const { result, points } = await train({ ...DEFAULT_SETTINGS, learningRate, epochs: 1000 });
    expect(result.end.reason).toBe('diverged');
    expect(result.stopped).toBe(true);
    expect(result.epochsRun).toBeLessThan(1000);
    expect(points.at(-1)!.epoch).toBe(result.epochsRun);
    for (const value of [result.model.slope, result.model.intercept, result.metrics.train.mse]) expect(Number.isFinite(value)).toBe(true);
    // The kept weights have the lowest training loss seen.
    const lowest = Math.min(...points.map((p) => p.trainLoss));
    expect(Math.abs(result.metrics.train.mse - lowest) / lowest).toBeLessThan(1e-5);
  });

  it('keeps good weights when a run ends on NaN', async () => {
    const broken = { ...DEFAULT_SETTINGS, learningRate: 1e30, epochs: 50 };
    const { result } = await train(broken);
    expect(result.end).toMatchObject({ reason: 'diverged', why: expect.stringMatching(/NaN|infinite/) });
    expect(Number.isFinite(result.model.slope) && Number.isFinite(result.model.intercept)).toBe(true);
    const rows = splitDataset(dataset, broken.validationSplit, broken.seed).train;
    expect(result.metrics.train.mse).toBeCloseTo(metricsOf(result.model, rows.x, rows.y).mse, 9);
  });
});
