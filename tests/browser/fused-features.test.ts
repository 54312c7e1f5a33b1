/**
 * The fused WebGPU programs with d features on Chromium's software adapter, run on their own (the
 * parameter runner, no Trainer): every epoch's losses and the final parameters against a float64 run of
 * the same optimizer on the same float32 rows, converged runs against the least-squares optimum, every
 * row layout alike, no leaked tensors and no shader compiled after the first read-back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { test, type Open } from './browser.ts';
import type { FeaturesRequest, FeaturesResult, FusedFeaturesApi } from './pages/fused-features.ts';

async function featuresPage(open: Open): Promise<{ page: Page; errors: string[] }> {
  const opened = await open(new URL('tests/browser/pages/fused-features.html', inject('testPagesUrl')).href);
  await opened.page.waitForFunction(() => 'fusedFeatures' in globalThis, null, { timeout: 60_000 });
  return opened;
}

function train(page: Page, request: FeaturesRequest): Promise<FeaturesResult> {
  return page.evaluate((r) => (globalThis as unknown as { fusedFeatures: FusedFeaturesApi }).fusedFeatures.train(r), request);
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-3);

/** Every epoch as the float64 run has it: losses to `tolerance` relative, and the last parameters. */
function expectLikeFloat64(result: FeaturesResult, epochs: number, tolerance: number): void {
  expect(result.points).toHaveLength(epochs + 1);
  expect(result.reference).toHaveLength(epochs + 1);
  result.points.forEach((point, epoch) => {
    const reference = result.reference[epoch];
    expect(relative(point.trainLoss, reference.trainLoss), `training loss at epoch ${epoch}`).toBeLessThan(tolerance);
    if (reference.validationLoss === null) expect(point.validationLoss).toBeNull();
    else expect(relative(point.validationLoss!, reference.validationLoss), `validation loss at epoch ${epoch}`).toBeLessThan(tolerance);
  });
  const last = result.points.at(-1)!.parameters;
  last.forEach((value, j) => {
    expect(relative(value, result.reference.at(-1)!.parameters[j]), `parameter ${j}`).toBeLessThan(tolerance);
  });
}

function expectClean(result: FeaturesResult, errors: string[]): void {
  expect(result.tensorsAfter).toBe(result.tensorsBefore);
  // Every read-back comes after the first epoch: the pipelines compiled by then are all there will be.
  expect(new Set(result.pipelines).size).toBe(1);
  expect(errors).toEqual([]);
}

describe('fused WebGPU training with several features (software adapter)', () => {
  test.for([
    // One feature, then up to 16 as vec4 columns, then 64 as row-major vec4s; each on few rows (one
    // pass for many epochs) and on more (two passes per epoch), with validation rows.
    [1, 163, /1 pass for many epochs, workgroup 4$/],
    [1, 40_000, /2 passes, workgroup 4$/],
    [4, 163, /1 pass for many epochs, workgroup 4, 4 features as vec4 columns/],
    [4, 10_000, /2 passes, workgroup 4, 4 features as vec4 columns/],
    [16, 163, /1 pass for many epochs, workgroup 4, 16 features as vec4 columns/],
    [16, 5_000, /2 passes, workgroup 4, 16 features as vec4 columns/],
    [64, 163, /1 pass for many epochs, workgroup 4, 64 features as row-major vec4s/],
    [64, 5_000, /2 passes, workgroup 4, 64 features as row-major vec4s/],
  ] as const)(
    '%i features on %i rows: 50 epochs of SGD agree with float64 descent to 1e-5',
    { timeout: 120_000 },
    async ([features, rows, kernel], { open }) => {
      const { page, errors } = await featuresPage(open);
      const result = await train(page, { features, rows, validationRows: 101, settings: { epochs: 50 } });
      expect(result.kernel).toMatch(kernel);
      expectLikeFloat64(result, 50, 1e-5);
      expectClean(result, errors);
    },
  );

  test.for([4, 16, 64])(
    '%i features: a converged run lands on the least-squares optimum',
    { timeout: 120_000 },
    async (features, { open }) => {
      const { page, errors } = await featuresPage(open);
      const result = await train(page, { features, rows: 2_000, settings: { epochs: 300 }, perRound: 300 });
      const last = result.points.at(-1)!;
      expect((last.trainLoss - result.optimum.mse) / result.optimum.mse).toBeLessThan(2e-6);
      last.parameters.forEach((value, j) => expect(Math.abs(value - result.optimum.parameters[j]), `parameter ${j}`).toBeLessThan(1e-4));
      expectClean(result, errors);
    },
  );

  // Adam's step divides by √v, so float32 rounding in small gradients moves it more than SGD's: 1e-4.
  test.for([
    ['Adam', { optimizer: 'adam', learningRate: 0.02 }, 1e-4],
    ['mini-batches of 100', { batchSize: 100 }, 1e-5],
    ['Adam on mini-batches of 64', { optimizer: 'adam', learningRate: 0.01, batchSize: 64 }, 1e-4],
  ] as const)('16 features, %s: every epoch as the float64 run', { timeout: 120_000 }, async ([, settings, tolerance], { open }) => {
    const { page, errors } = await featuresPage(open);
    const result = await train(page, {
      features: 16,
      rows: 1_000,
      validationRows: 200,
      settings: { epochs: 20, ...settings },
      perRound: 3,
    });
    expect(result.kernel).toMatch('batchSize' in settings ? /2 passes per batch/ : /1 pass/);
    expectLikeFloat64(result, 20, tolerance);
    expectClean(result, errors);
  });

  test.for([
    ['columns', 'vec4 columns'],
    ['lanes', 'one row per invocation'],
    ['rows', 'row-major vec4s'],
  ] as const)(
    '7 features read as %s: the same epochs, full batch and mini-batches',
    { timeout: 120_000 },
    async ([layout, described], { open }) => {
      const { page, errors } = await featuresPage(open);
      for (const [rows, batchSize] of [
        [163, 0],
        [9_000, 0],
        [2_000, 500],
      ]) {
        const result = await train(page, {
          features: 7,
          rows,
          validationRows: 50,
          settings: { epochs: 10, batchSize },
          kernels: { layout },
        });
        expect(result.kernel).toContain(`7 features as ${described}`);
        expectLikeFloat64(result, 10, 1e-5);
        expectClean(result, errors);
      }
    },
  );

  test(
    'the rows stay on the device: a second run on the same rows uploads none of them and gives the same epochs',
    { timeout: 120_000 },
    async ({ open }) => {
      const { page, errors } = await featuresPage(open);
      const request: FeaturesRequest = { features: 16, rows: 100_000, settings: { epochs: 5 }, skipReference: true };
      const rowBytes = 100_000 * 17 * 4;
      const first = await train(page, request);
      const second = await train(page, request);
      expect(first.uploadedBytes).toBeGreaterThanOrEqual(rowBytes);
      // What is left: the history of states, the rows' moments and the uniforms.
      expect(second.uploadedBytes).toBeLessThan(rowBytes / 4);
      expect(second.points).toEqual(first.points);
      expectClean(first, errors);
      expectClean(second, errors);
    },
  );
});
