import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/train/settings.ts';
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

  it('reaches the optimum of its own training rows within 30 epochs with the default 20% validation split', async () => {
    const points: TrainingProgress['points'] = [];
    const result = await new Trainer(dataset, DEFAULT_SETTINGS, null, { onProgress: (p) => points.push(...p.points) }).run();
    expect(result.model.training.rows).toBe(130);
    expect(points.every((p) => p.validationLoss !== null)).toBe(true);
    expect(points.find((p) => p.trainLoss <= result.metrics.optimum.mse * 1.001)!.epoch).toBeLessThanOrEqual(30);
    expect(relative(result.metrics.train.mse, result.metrics.optimum.mse)).toBeLessThan(1e-6);
    expect(relative(result.metrics.validation!.mse, points.at(-1)!.validationLoss!)).toBeLessThan(1e-5);
  });

  it('gives the same split and the same weights for the same seed, and another split for another seed', async () => {
    const settings = { ...DEFAULT_SETTINGS, epochs: 20, batchSize: 16 };
    const [a, b, c] = await Promise.all([
      new Trainer(dataset, settings).run(),
      new Trainer(dataset, settings).run(),
      new Trainer(dataset, { ...settings, seed: 7 }).run(),
    ]);
    expect([b.model.slope, b.model.intercept, b.metrics.validation!.mse]).toEqual([a.model.slope, a.model.intercept, a.metrics.validation!.mse]);
    expect(c.metrics.validation!.mse).not.toBe(a.metrics.validation!.mse);
  });

  it('reaches 0.1% of the optimum MSE within 30 epochs with the default settings on all rows', async () => {
    const points: TrainingProgress['points'] = [];
    await new Trainer(dataset, ALL_ROWS, null, { onProgress: (p) => points.push(...p.points) }).run();
    expect(points.map((p) => p.epoch)).toEqual(Array.from({ length: DEFAULT_SETTINGS.epochs }, (_, i) => i + 1));
    const first = points.findIndex((p) => p.trainLoss <= REFERENCE.mse * 1.001);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(points[first]!.epoch).toBeLessThanOrEqual(30);
    // Gradient descent on a convex loss never goes up with this step size (float32 noise aside).
    for (let i = 1; i < points.length; i++) expect(points[i]!.trainLoss).toBeLessThanOrEqual(points[i - 1]!.trainLoss * (1 + 1e-6));
  });

  it('disposes every tensor it made', async () => {
    const before = tf.memory().numTensors;
    await new Trainer(dataset, { ...ALL_ROWS, epochs: 5 }).run();
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 5, batchSize: 16, optimizer: 'adam' }).run();
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, learningRate: 0.9, earlyStopping: { patience: 2, minImprovement: 0 } }).run();
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, learningRate: 10 }).run();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('resumes from a given line instead of starting over', async () => {
    const first = await new Trainer(dataset, { ...ALL_ROWS, epochs: 3 }).run();
    const losses: number[] = [];
    await new Trainer(dataset, { ...ALL_ROWS, epochs: 1 }, first.model, { onProgress: (p) => losses.push(...p.points.map((q) => q.trainLoss)) }).run();
    expect(losses[0]).toBeCloseTo(first.metrics.train.mse, 3);
  });

  it('pauses, steps exactly one epoch, resumes and stops', async () => {
    const states: string[] = [];
    let trainer!: Trainer;
    const epochsSeen: number[] = [];
    trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 1000 }, null, {
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
    const trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 100 }, null, { onProgress: (p) => seen.push({ state: p.state, epoch: p.epoch }) });
    trainer.step();
    const running = trainer.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(trainer.currentState).toBe('paused');
    expect(seen.at(-1)).toEqual({ state: 'paused', epoch: 1 });
    trainer.stop();
    expect((await running).epochsRun).toBe(1);
  });

  it('reports training time without the pauses', async () => {
    let clock = 0;
    const trainer = new Trainer(dataset, { ...ALL_ROWS, epochs: 3 }, null, { now: () => (clock += 1), reportIntervalMs: 0 });
    trainer.pause();
    const result = await trainer.run();
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(result.elapsedMs).toBeLessThan(clock);
  });
});
