/**
 * The built app in real headless Chromium with software WebGPU (SwiftShader): loads the bundled data,
 * trains in a worker on WebGPU to the least-squares optimum of its training rows with a live loss chart,
 * and predicts. With `?split=0` it trains on all rows and must hit the reference numbers.
 */
import { describe, expect } from 'vitest';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { splitMetrics, splitDataset } from '../../src/core/data/split.ts';
import { leastSquares } from '../../src/core/stats/stats.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { bundledCsv } from '../unit/bundled-data.ts';
import {
  OPTIMUM_MSE,
  backendBadge,
  loadCsv,
  lossPoints,
  lossSeries,
  metricValue,
  optimumMse,
  plottedLossPoints,
  predictText,
  tensorCount,
  trainAndWait,
  waitUntilReady,
  dataSummary,
  dataError,
  visibleText,
} from './app-page.ts';
import { test, type Open } from './browser.ts';

/** The closed-form optimum of a 20% split's training rows, computed here independently of the page. */
function expectedSplitOptimum() {
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  const { train, validation } = splitDataset(parsed.dataset, 0.2, DEFAULT_SETTINGS.seed);
  return { rows: train.x.length, metrics: splitMetrics(leastSquares(train.x, train.y), train, validation) };
}

describe('the app on WebGPU with 20% validation rows (?split=0.2)', () => {
  test('shows the bundled data, that it trains on WebGPU in a worker, and no model or prediction before training', async ({ open }) => {
    const { page, errors } = await open('?split=0.2');
    await waitUntilReady(page);
    expect(await dataSummary(page)).toMatch(/163 rows/);
    await expect(backendBadge(page).textContent()).resolves.toBe('WebGPU');
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('webgpu');
    await expect(page.locator('[data-engine]').getAttribute('data-engine')).resolves.toBe('worker');
    // TF.js lives in the worker only: the page itself never loads it.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('main-thread-engine')))).toBe(
      false,
    );

    const { output, message } = await predictText(page, '25');
    expect(output).toBe('—');
    expect(message).toMatch(/No model loaded/);
    expect(errors).toEqual([]);
  });

  test('trains to within 0.1% of the closed-form optimum of its training rows in at most 30 epochs, frees its tensors, and charts the loss on a log scale too', async ({
    open,
  }) => {
    const { page, errors } = await open('?split=0.2');
    await waitUntilReady(page);
    const expected = expectedSplitOptimum();
    const before = await tensorCount(page);
    await trainAndWait(page);

    const optimum = await optimumMse(page);
    expect(Math.abs(optimum - expected.metrics.optimum.mse) / expected.metrics.optimum.mse).toBeLessThan(1e-9);
    const mse = await metricValue(page, 'mse');
    expect(Math.abs(mse - optimum) / optimum).toBeLessThan(1e-3);
    expect(await metricValue(page, 'r2')).toBeCloseTo(expected.metrics.optimum.r2, 3);
    expect(await metricValue(page, 'mse', 'validation')).toBeCloseTo(expected.metrics.validation!.mse, 2);
    await expect(page.locator('metrics-panel [data-gap]').textContent()).resolves.toMatch(/best possible line/);

    const points = await lossPoints(page);
    // Epoch 0 (the untrained line) and the 50 epochs after it.
    expect(points.map((p) => p.epoch)).toEqual(Array.from({ length: 51 }, (_, i) => i));
    expect(await plottedLossPoints(page)).toBe(51);
    expect(await lossSeries(page)).toEqual(['Training loss', 'Validation loss']);
    expect(points.every((p) => p.validationLoss !== null)).toBe(true);
    const reached = points.find((p) => p.trainLoss <= optimum * 1.001);
    expect(reached?.epoch).toBeLessThanOrEqual(30);

    expect(await tensorCount(page)).toBe(before);

    const distribution = () =>
      page
        .locator('loss-chart')
        .evaluate((chart) => (chart as HTMLElement & { plot?: { scales: { y: { distr: number } } } }).plot?.scales.y.distr);
    expect(await distribution()).toBe(1);
    await page.locator('loss-chart').getByLabel('Log scale').check();
    await expect.poll(distribution).toBe(3);
    expect(await plottedLossPoints(page)).toBe(51);
    await page.locator('loss-chart').getByLabel('Log scale').uncheck();
    await expect.poll(distribution).toBe(1);
    expect(errors).toEqual([]);
  });

  test('refuses a CSV with fewer than 2 usable rows and keeps the data; then loads one with reordered columns and lists its skipped rows', async ({
    open,
  }) => {
    const { page, errors } = await open('?split=0.2');
    await waitUntilReady(page);
    await loadCsv(page, 'tiny.csv', 'Country,LifeExpectancy,Bmi\nA,70,25\nB,abc,26\n');
    expect(await dataError(page)).toMatch(/Only 1 usable row/);
    expect(await dataSummary(page)).toMatch(/163 rows/);

    await loadCsv(page, 'four.csv', 'Bmi,Country,LifeExpectancy\n20,A,60\n22,B,65\n\n24,C,\n26,D,75\n');
    expect(await dataSummary(page)).toMatch(/3 rows from four\.csv/);
    await expect(page.locator('data-panel [data-skipped]').textContent()).resolves.toMatch(/Skipped 1 row.*line\s+5/s);
    expect(errors).toEqual([]);
  });
});

describe('the app with ?split=0 (all rows, the reference numbers)', () => {
  /** A fresh page trained on all rows with the defaults. */
  async function trained(open: Open) {
    const app = await open('?split=0');
    await waitUntilReady(app.page);
    await trainAndWait(app.page);
    return app;
  }

  test('reaches MSE 43.0210 within 0.1% in at most 30 epochs, with no validation rows, and predicts the reference values', async ({
    open,
  }) => {
    const { page, errors } = await trained(open);
    expect(Math.abs((await metricValue(page, 'mse')) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
    expect(Math.abs((await optimumMse(page)) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-9);
    expect(await metricValue(page, 'r2')).toBeCloseTo(0.4634, 3);
    const points = await lossPoints(page);
    expect(points.find((p) => p.trainLoss <= OPTIMUM_MSE * 1.001)?.epoch).toBeLessThanOrEqual(30);
    expect(points.every((p) => p.validationLoss === null)).toBe(true);
    expect(await lossSeries(page)).toEqual(['Training loss']);
    await expect(page.locator('metrics-panel #validation').count()).resolves.toBe(0);
    // Each number once, where it belongs: the model's MSE is the Fit card's, shown nowhere else on the
    // page (not in the run's end, the progress, the landscape or the model card), rounded or not.
    const mse = (await page.locator('metrics-panel #train [data-metric=mse]').textContent())!.trim();
    expect(mse).toMatch(/^43\.02\d\d$/);
    expect((await visibleText(page)).split(mse.slice(0, -2)).length - 1).toBe(1);

    // 60.3 years at BMI 21.07931, with Enter in the field.
    const { output, message } = await predictText(page, '21.07931');
    expect(output).toBe('60.3 years');
    expect(message).toBe('');
    await expect(page.locator('bmi-predictor output').getAttribute('aria-live')).resolves.toBe('polite');

    // 78.9 years at BMI 28.45, with the Predict button.
    await page.getByLabel('BMI', { exact: true }).fill('28.45');
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(page.locator('bmi-predictor output').textContent()).resolves.toBe('78.9 years');
    expect(errors).toEqual([]);
  });

  test('refuses input that is not a usable BMI with a message and no number', async ({ open }) => {
    const { page, errors } = await trained(open);
    const refused: [string, RegExp][] = [
      ['', /Enter a BMI/],
      ['abc', /not a number/],
      ['NaN', /not a number/],
      ['-5', /cannot be negative/],
      ['500', /outside the range/],
      ['2 5', /not a number/],
    ];
    for (const [input, message] of refused) {
      const result = await predictText(page, input);
      expect(result.message, JSON.stringify(input)).toMatch(message);
      expect(result.output, JSON.stringify(input)).toBe('—');
    }
    expect(errors).toEqual([]);
  });
});
