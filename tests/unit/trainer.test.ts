import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type Dataset } from '../../src/core/dataset.ts';
import { DEFAULT_SETTINGS } from '../../src/core/train/settings.ts';
import { Trainer, type TrainingProgress } from '../../src/core/train/trainer.ts';
import { bundledCsv } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

let dataset: Dataset;
beforeAll(async () => {
  await tf.setBackend('cpu');
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  dataset = parsed.dataset;
});

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('Trainer on the CPU backend', () => {
  it('lands within 1e-3 relative of the closed-form slope and intercept', async () => {
    const result = await new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 200 }).run();
    expect(relative(result.model.slope, REFERENCE.slope)).toBeLessThan(1e-3);
    expect(relative(result.model.intercept, REFERENCE.intercept)).toBeLessThan(1e-3);
    expect(relative(result.metrics.train.mse, REFERENCE.mse)).toBeLessThan(1e-6);
    expect(result.model.training).toMatchObject({ epochs: 200, optimizer: 'sgd', rows: 163, backend: 'cpu', validationMse: null });
  });

  it('reaches 0.1% of the optimum MSE within 30 epochs with the default settings', async () => {
    const points: TrainingProgress['points'] = [];
    await new Trainer(dataset, DEFAULT_SETTINGS, null, { onProgress: (p) => points.push(...p.points) }).run();
    expect(points.map((p) => p.epoch)).toEqual(Array.from({ length: DEFAULT_SETTINGS.epochs }, (_, i) => i + 1));
    const first = points.findIndex((p) => p.trainLoss <= REFERENCE.mse * 1.001);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(points[first]!.epoch).toBeLessThanOrEqual(30);
    // Gradient descent on a convex loss never goes up with this step size (float32 noise aside).
    for (let i = 1; i < points.length; i++) expect(points[i]!.trainLoss).toBeLessThanOrEqual(points[i - 1]!.trainLoss * (1 + 1e-6));
  });

  it('disposes every tensor it made', async () => {
    const before = tf.memory().numTensors;
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 5 }).run();
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 5, batchSize: 16, validationSplit: 0.2, optimizer: 'adam' }).run();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('resumes from a given line instead of starting over', async () => {
    const first = await new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 3 }).run();
    const losses: number[] = [];
    await new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 1 }, first.model, { onProgress: (p) => losses.push(...p.points.map((q) => q.trainLoss)) }).run();
    expect(losses[0]).toBeCloseTo(first.metrics.train.mse, 3);
  });

  it('pauses, steps exactly one epoch, resumes and stops', async () => {
    const states: string[] = [];
    let trainer!: Trainer;
    const epochsSeen: number[] = [];
    trainer = new Trainer(dataset, { ...DEFAULT_SETTINGS, epochs: 1000 }, null, {
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
    expect(result.epochsRun).toBe(pausedAt + 1);
  });
});
