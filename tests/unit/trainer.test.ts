import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { splitDataset } from '../../src/core/data/split.ts';
import { metricsOf } from '../../src/core/stats/stats.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { Trainer, type TrainingProgress } from '../../src/core/train/trainer.ts';
import { bundledDataset } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

const dataset = bundledDataset;
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
/** The defaults on all 163 rows, so results compare with the reference numbers. */
const ALL_ROWS = { ...DEFAULT_SETTINGS, validationSplit: 0 };
const HOLD_OUT_FIFTH = { ...DEFAULT_SETTINGS, validationSplit: 0.2 };

describe('Trainer on the CPU backend', () => {
  it('lands within 1e-3 relative of the closed-form slope and intercept', async () => {
    const result = await new Trainer(dataset, { ...ALL_ROWS, epochs: 200 }).run();
    expect(relative(result.model.slope, REFERENCE.slope)).toBeLessThan(1e-3);
    expect(relative(result.model.intercept, REFERENCE.intercept)).toBeLessThan(1e-3);
    expect(relative(result.metrics.train.mse, REFERENCE.mse)).toBeLessThan(1e-6);
    expect(result.model.training).toMatchObject({ epochs: 200, optimizer: 'sgd', rows: 163, backend: 'cpu', validationMse: null });
    expect(result.end).toEqual({ reason: 'completed' });
    expect(result.stopped).toBe(false);
  });

  it('reaches the optimum of its own training rows within 30 epochs with a 20% validation split', async () => {
    const points: TrainingProgress['points'] = [];
    const result = await new Trainer(dataset, HOLD_OUT_FIFTH, null, { onProgress: (p) => points.push(...p.points) }).run();
    expect(result.model.training.rows).toBe(130);
    expect(points.every((p) => p.validationLoss !== null)).toBe(true);
    expect(points.find((p) => p.trainLoss <= result.metrics.optimum.mse * 1.001)!.epoch).toBeLessThanOrEqual(30);
    expect(relative(result.metrics.train.mse, result.metrics.optimum.mse)).toBeLessThan(1e-6);
    expect(relative(result.metrics.validation!.mse, points.at(-1)!.validationLoss!)).toBeLessThan(1e-5);
  });

  it('gives the same split and the same weights for the same seed, and another split for another seed', async () => {
    const settings = { ...HOLD_OUT_FIFTH, epochs: 20, batchSize: 16 };
    const [a, b, c] = await Promise.all([
      new Trainer(dataset, settings).run(),
      new Trainer(dataset, settings).run(),
      new Trainer(dataset, { ...settings, seed: 7 }).run(),
    ]);
    expect([b.model.slope, b.model.intercept, b.metrics.validation!.mse]).toEqual([
      a.model.slope,
      a.model.intercept,
      a.metrics.validation!.mse,
    ]);
    expect(c.metrics.validation!.mse).not.toBe(a.metrics.validation!.mse);
  });

  it('trains on every row by default, as the command line does, landing on the reference line (BMI 28.45 -> 78.9)', async () => {
    expect(DEFAULT_SETTINGS.validationSplit).toBe(0);
    const result = await new Trainer(dataset, DEFAULT_SETTINGS).run();
    expect(result.model.training.rows).toBe(163);
    expect(result.metrics.validation).toBeNull();
    expect((result.model.slope * 21.07931 + result.model.intercept).toFixed(1)).toBe('60.3');
    expect((result.model.slope * 28.45 + result.model.intercept).toFixed(1)).toBe('78.9');
  });

  it('reaches 0.1% of the optimum MSE within 30 epochs with the default settings on all rows', async () => {
    const points: TrainingProgress['points'] = [];
    await new Trainer(dataset, ALL_ROWS, null, { onProgress: (p) => points.push(...p.points) }).run();
    expect(points.map((p) => p.epoch)).toEqual(Array.from({ length: DEFAULT_SETTINGS.epochs + 1 }, (_, i) => i));
    const first = points.findIndex((p) => p.trainLoss <= REFERENCE.mse * 1.001);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(points[first].epoch).toBeLessThanOrEqual(30);
    // Gradient descent on a convex loss never goes up with this step size (float32 noise aside).
    for (let i = 1; i < points.length; i++) expect(points[i].trainLoss).toBeLessThanOrEqual(points[i - 1].trainLoss * (1 + 1e-6));
  });

  it('disposes every tensor it made', async () => {
    const before = tf.memory().numTensors;
    await new Trainer(dataset, { ...ALL_ROWS, epochs: 5 }).run();
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 5, batchSize: 16, optimizer: 'adam' }).run();
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, learningRate: 0.9, earlyStopping: { patience: 2, minImprovement: 0 } }).run();
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, learningRate: 10 }).run();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('resumes from a given model: its first point is that model’s loss, and its epochs carry over', async () => {
    const first = await new Trainer(dataset, { ...ALL_ROWS, epochs: 3 }).run();
    const points: TrainingProgress['points'] = [];
    const second = await new Trainer(dataset, { ...ALL_ROWS, epochs: 2 }, first.model, {
      onProgress: (p) => points.push(...p.points),
    }).run();
    expect(points.map((p) => p.epoch)).toEqual([0, 1, 2]);
    expect(relative(points[0].trainLoss, first.metrics.train.mse)).toBeLessThan(1e-5);
    expect(points[1].trainLoss).toBeLessThan(points[0].trainLoss);
    expect(second.epochsRun).toBe(2);
    expect(second.model.training.epochs).toBe(5);
  });

  it.each([
    ['full batch', 0],
    ['mini-batch', 16],
  ])('reports every point at the end of its epoch, from an epoch-0 point of the starting line (%s)', async (_, batchSize) => {
    const points: TrainingProgress['points'] = [];
    const result = await new Trainer(dataset, { ...HOLD_OUT_FIFTH, epochs: 4, batchSize }, null, {
      onProgress: (p) => points.push(...p.points),
    }).run();
    expect(points.map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4]);
    // The untrained line predicts the training mean: its MSE is the training rows' variance.
    const rows = splitDataset(dataset, HOLD_OUT_FIFTH.validationSplit, HOLD_OUT_FIFTH.seed);
    const mean = rows.train.y.reduce((a, b) => a + b, 0) / rows.train.y.length;
    expect(relative(points[0].trainLoss, metricsOf({ slope: 0, intercept: mean }, rows.train.x, rows.train.y).mse)).toBeLessThan(1e-5);
    expect(
      relative(points[0].validationLoss!, metricsOf({ slope: 0, intercept: mean }, rows.validation.x, rows.validation.y).mse),
    ).toBeLessThan(1e-5);
    // The last point describes the model the run returns.
    expect(relative(points.at(-1)!.trainLoss, result.metrics.train.mse)).toBeLessThan(1e-5);
    expect(relative(points.at(-1)!.validationLoss!, result.metrics.validation!.mse)).toBeLessThan(1e-5);
  });

  it('gives the host turns inside a long mini-batch epoch, and Stop there drops the unfinished epoch', async () => {
    let clock = 0;
    let yields = 0;
    const before = tf.memory().numTensors;
    const trainer: Trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 10, batchSize: 1 }, null, {
      // Every batch takes 3 ms of fake time, so the first epoch (163 batches) needs several turns.
      now: () => (clock += 3),
      reportIntervalMs: 1e9,
      yieldToHost: async () => {
        yields += 1;
        if (yields === 3) trainer.stop();
      },
    });
    const result = await trainer.run();
    expect(yields).toBe(3);
    expect(result.epochsRun).toBe(0);
    expect(result.end).toEqual({ reason: 'stopped' });
    expect(result.model.training.epochs).toBe(0);
    // The weights of the last whole epoch: here the untrained line (slope 0).
    expect(result.model.slope).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses inside a long mini-batch epoch, and Step then finishes that epoch', async () => {
    let clock = 0;
    let yields = 0;
    const pausedAt: { epoch: number; points: number[] }[] = [];
    const trainer: Trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 10, batchSize: 1 }, null, {
      now: () => (clock += 3),
      reportIntervalMs: 1e9,
      yieldToHost: async () => {
        if (++yields === 3) trainer.pause();
      },
      onProgress: (p) => {
        if (p.state !== 'paused') return;
        pausedAt.push({ epoch: p.epoch, points: p.points.map((q) => q.epoch) });
        // First pause (inside epoch 1): step; second (after it): stop.
        setTimeout(() => (pausedAt.length === 1 ? trainer.step() : trainer.stop()), 0);
      },
    });
    const result = await trainer.run();
    expect(pausedAt).toEqual([
      { epoch: 0, points: [0] },
      { epoch: 1, points: [1] },
    ]);
    expect(result.epochsRun).toBe(1);
    expect(result.end).toEqual({ reason: 'stopped' });
  });

  it('disposes its read-back tensor when reading the losses back fails', async () => {
    const before = tf.memory().numTensors;
    const data = vi.spyOn(tf.Tensor.prototype, 'data').mockRejectedValueOnce(new Error('device lost'));
    try {
      await expect(new Trainer(dataset, { ...ALL_ROWS, epochs: 5 }).run()).rejects.toThrow('device lost');
    } finally {
      data.mockRestore();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses, steps exactly one epoch, resumes and stops', async () => {
    const states: string[] = [];
    const epochsSeen: number[] = [];
    const trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 1000 }, null, {
      reportIntervalMs: 0,
      onProgress: (p) => {
        states.push(p.state);
        epochsSeen.push(p.epoch);
      },
    });
    const running = trainer.run();
    trainer.pause();
    await new Promise((r) => setTimeout(r, 20));
    expect(trainer.currentState).toBe('paused');
    const pausedAt = epochsSeen.at(-1)!;
    trainer.step();
    await new Promise((r) => setTimeout(r, 20));
    expect(epochsSeen.at(-1)).toBe(pausedAt + 1);
    trainer.stop();
    const result = await running;
    expect(result.stopped).toBe(true);
    expect(result.end).toEqual({ reason: 'stopped' });
    expect(result.epochsRun).toBe(pausedAt + 1);
    expect(result.model.training.epochs).toBe(pausedAt + 1);
  });

  it('steps one epoch from the start when step() comes before run(), then waits paused', async () => {
    const seen: { state: string; epoch: number }[] = [];
    const trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 100 }, null, {
      onProgress: (p) => seen.push({ state: p.state, epoch: p.epoch }),
    });
    trainer.step();
    const running = trainer.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(trainer.currentState).toBe('paused');
    expect(seen.at(-1)).toEqual({ state: 'paused', epoch: 1 });
    trainer.stop();
    expect((await running).epochsRun).toBe(1);
  });

  it('starts paused when pause() comes before run(), having reported the starting point', async () => {
    const seen: { state: string; epochs: number[] }[] = [];
    const trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 3 }, null, {
      onProgress: (p) => seen.push({ state: p.state, epochs: p.points.map((q) => q.epoch) }),
    });
    trainer.pause();
    const running = trainer.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(trainer.currentState).toBe('paused');
    expect(seen).toEqual([{ state: 'paused', epochs: [0] }]);
    trainer.resume();
    const result = await running;
    expect(result.epochsRun).toBe(3);
    expect(result.end).toEqual({ reason: 'completed' });
  });

  it('reports training time without the pauses', async () => {
    // A fake clock: each reading costs 1 ms of training; a pause lasts 1,000,000 ms.
    let clock = 0;
    const pauseMs = 1_000_000;
    let paused = false;
    const trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 10 }, null, {
      now: () => (clock += 1),
      reportIntervalMs: 0,
      onProgress: (p) => {
        if (p.epoch === 3 && p.state === 'running' && !paused) trainer.pause();
        if (p.state === 'paused') {
          paused = true;
          clock += pauseMs;
          setTimeout(() => trainer.resume(), 0);
        }
      },
    });
    const result = await trainer.run();
    expect(paused).toBe(true);
    expect(result.epochsRun).toBe(10);
    expect(clock).toBeGreaterThan(pauseMs);
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(result.elapsedMs).toBeLessThan(clock - pauseMs);
  });
});
