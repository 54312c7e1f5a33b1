/**
 * The fused WebGPU training path on Chromium's software adapter, against TF.js's per-op loop and a
 * float64 gradient descent: same weights, same losses, same run ends whatever number of epochs is
 * queued per read-back, no leaked tensors, and no shader compiled after the first epoch.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { REFERENCE } from '../unit/reference.ts';
import { test, type Open } from './browser.ts';
import type { CheckRequest, CheckResult } from './pages/fused-training.ts';

async function checkPage(open: Open): Promise<{ page: Page; errors: string[] }> {
  const opened = await open(new URL('tests/browser/pages/fused-training.html', inject('testPagesUrl')).href);
  await opened.page.waitForFunction(() => 'fusedCheck' in globalThis, null, { timeout: 60_000 });
  return opened;
}

async function train(page: Page, request: CheckRequest): Promise<CheckResult> {
  return page.evaluate(
    (r) => (globalThis as unknown as { fusedCheck: { train(r: CheckRequest): Promise<CheckResult> } }).fusedCheck.train(r),
    request,
  );
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('fused WebGPU training (software adapter)', () => {
  test('trains the bundled data to the exact least-squares line, cleans up, and compiles nothing after the first epoch', async ({
    open,
  }) => {
    const { page, errors } = await checkPage(open);
    const result = await train(page, { fused: true, rows: 163, settings: { epochs: 200 }, reportIntervalMs: 0 });
    expect(result.backend).toBe('webgpu');
    expect(result.kernel).toMatch(/^WebGPU · fused/);
    expect(relative(result.slope, REFERENCE.slope)).toBeLessThan(1e-3);
    expect(relative(result.intercept, REFERENCE.intercept)).toBeLessThan(1e-3);
    expect(result.points.map((p) => p.epoch)).toEqual(Array.from({ length: 201 }, (_, i) => i));
    expect(relative(result.points.at(-1)!.trainLoss, REFERENCE.mse)).toBeLessThan(1e-3);
    expect(result.tensorsAfter).toBe(result.tensorsBefore);
    expect(result.pipelines.length).toBeGreaterThan(1);
    expect(new Set(result.pipelines.slice(1)).size).toBe(1);
    expect(result.pipelines.at(-1)).toBe(result.pipelines[0]);
    expect(errors).toEqual([]);
  });

  test.for([163, 100_000, 1_000_000])(
    'after 50 epochs on %i rows agrees with the per-op path to 1e-5 and with float64 descent to 1e-5',
    { timeout: 240_000 },
    async (rows, { open }) => {
      const { page, errors } = await checkPage(open);
      const fused = await train(page, { fused: true, rows });
      const perOp = await train(page, { fused: false, rows });
      expect(fused.kernel).toMatch(rows <= 32_768 ? /1 pass/ : /2 passes/);
      expect(perOp.kernel).toBe('per-op');
      expect(relative(fused.slope, perOp.slope)).toBeLessThan(1e-5);
      expect(relative(fused.intercept, perOp.intercept)).toBeLessThan(1e-5);
      expect(fused.points).toHaveLength(51);
      expect(fused.reference).toHaveLength(51);
      for (const point of fused.points) expect(relative(point.trainLoss, fused.reference[point.epoch])).toBeLessThan(1e-5);
      expect(fused.tensorsAfter).toBe(fused.tensorsBefore);
      // Every report comes after the first epoch: the pipelines compiled by then are all there will be.
      expect(new Set(fused.pipelines).size).toBe(1);
      expect(errors).toEqual([]);
    },
  );

  test.for([
    ['SGD with validation', { validationSplit: 0.2 }],
    // From the raw zero line: at the standardized optimum Adam's steps follow float32 noise in a zero gradient.
    ['Adam', { optimizer: 'adam', learningRate: 0.05 }, { slope: 0, intercept: 0 }],
    ['mini-batches of 16', { batchSize: 16, validationSplit: 0.2 }],
  ] as const)('%s: weights and losses as the per-op path gives them', async (row, { open }) => {
    const [, settings] = row;
    const initial = (row as readonly unknown[])[2] as { slope: number; intercept: number } | undefined;
    const { page, errors } = await checkPage(open);
    const request = { rows: 163, settings: { epochs: 30, ...settings }, ...(initial ? { initial } : {}) };
    const fused = await train(page, { fused: true, ...request });
    const perOp = await train(page, { fused: false, ...request });
    expect(fused.kernel).toMatch(/^WebGPU · fused/);
    expect(relative(fused.slope, perOp.slope)).toBeLessThan(1e-5);
    expect(relative(fused.intercept, perOp.intercept)).toBeLessThan(1e-5);
    expect(fused.points.map((p) => p.epoch)).toEqual(perOp.points.map((p) => p.epoch));
    fused.points.forEach((point, i) => {
      expect(relative(point.trainLoss, perOp.points[i].trainLoss)).toBeLessThan(1e-5);
      if (point.validationLoss !== null) expect(relative(point.validationLoss, perOp.points[i].validationLoss!)).toBeLessThan(1e-5);
    });
    expect(fused.tensorsAfter).toBe(fused.tensorsBefore);
    expect(errors).toEqual([]);
  });

  test.for([
    [
      'early stopping',
      163,
      { validationSplit: 0.2, learningRate: 0.9, epochs: 200, earlyStopping: { patience: 3, minImprovement: 0.001 } },
      'early-stopped',
    ],
    ['divergence', 163, { learningRate: 10, epochs: 200 }, 'diverged'],
    ['divergence, two passes', 50_000, { learningRate: 10, epochs: 200 }, 'diverged'],
    [
      'early stopping with mini-batches',
      163,
      { validationSplit: 0.2, batchSize: 32, epochs: 200, earlyStopping: { patience: 2, minImprovement: 0.01 } },
      'early-stopped',
    ],
  ] as const)(
    '%s: one epoch per read-back and many end on the same epoch with the same weights',
    async ([, rows, settings, reason], { open }) => {
      const { page, errors } = await checkPage(open);
      const one = await train(page, { fused: true, rows, settings, maxEpochsPerRound: 1, reportIntervalMs: 0 });
      const many = await train(page, { fused: true, rows, settings, reportIntervalMs: 1e9 });
      expect(one.end).toBe(reason);
      expect([many.end, many.epochsRun, many.modelEpochs, many.slope, many.intercept]).toEqual([
        one.end,
        one.epochsRun,
        one.modelEpochs,
        one.slope,
        one.intercept,
      ]);
      expect(many.points).toEqual(one.points);
      expect(many.tensorsAfter).toBe(many.tensorsBefore);
      expect(errors).toEqual([]);
    },
  );

  test.for([163, 20_000])(
    'three features through the trainer on %i rows: the fused programs give the per-op loop’s coefficients and losses',
    { timeout: 120_000 },
    async (rows, { open }) => {
      const { page, errors } = await checkPage(open);
      const request = { rows, features: 3, settings: { epochs: 30, validationSplit: 0.2 } };
      const fused = await train(page, { fused: true, ...request });
      const perOp = await train(page, { fused: false, ...request });
      expect(fused.kernel).toMatch(/^WebGPU · fused, .*3 features as vec4 columns$/);
      expect(perOp.kernel).toBe('per-op');
      expect(fused.moreCoefficients).toHaveLength(2);
      [fused.slope, ...fused.moreCoefficients, fused.intercept].forEach((value, j) =>
        expect(relative(value, [perOp.slope, ...perOp.moreCoefficients, perOp.intercept][j])).toBeLessThan(1e-5),
      );
      fused.points.forEach((point, i) => {
        expect(relative(point.trainLoss, perOp.points[i].trainLoss)).toBeLessThan(1e-5);
        expect(relative(point.validationLoss!, perOp.points[i].validationLoss!)).toBeLessThan(1e-5);
      });
      expect(fused.tensorsAfter).toBe(fused.tensorsBefore);
      expect(errors).toEqual([]);
    },
  );
});
