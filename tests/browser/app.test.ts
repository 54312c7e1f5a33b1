/**
 * The built app in real headless Chromium with software WebGPU (SwiftShader): loads the bundled data,
 * trains on WebGPU to the least-squares optimum with a live loss chart, and predicts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OPTIMUM_MSE,
  backendBadge,
  lossPoints,
  metricValue,
  plottedLossPoints,
  predictText,
  tensorCount,
  trainAndWait,
  waitUntilReady,
} from './app-page.ts';
import { launchBrowser, openApp, type AppPage } from './browser.ts';

describe('the app on WebGPU', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser({ webgpu: true });
    app = await openApp(browser);
    await waitUntilReady(app.page);
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await browser.close();
  });

  it('shows the bundled data and that it runs on WebGPU', async () => {
    const { page } = app;
    await expect(page.locator('data-panel [data-summary]').textContent()).resolves.toMatch(/163\s+rows/);
    await expect(backendBadge(page).textContent()).resolves.toBe('WebGPU');
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('webgpu');
  });

  it('says there is no model before training, and predicts nothing', async () => {
    const { output, message } = await predictText(app.page, '25');
    expect(output).toBe('—');
    expect(message).toMatch(/No model loaded/);
  });

  it('trains to within 0.1% of the optimum in at most 30 epochs, with a live loss chart, and frees its tensors', async () => {
    const { page } = app;
    const before = await tensorCount(page);
    await trainAndWait(page);
    const mse = await metricValue(page, 'mse');
    expect(Math.abs(mse - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
    expect(await metricValue(page, 'r2')).toBeCloseTo(0.4634, 3);
    await expect(page.locator('metrics-panel [data-gap]').textContent()).resolves.toMatch(/best possible line/);

    const points = await lossPoints(page);
    expect(points.length).toBe(50);
    expect(await plottedLossPoints(page)).toBe(50);
    const reached = points.find((p) => p.trainLoss <= OPTIMUM_MSE * 1.001);
    expect(reached?.epoch).toBeLessThanOrEqual(30);

    expect(await tensorCount(page)).toBe(before);
  });

  it('predicts 60.3 years at BMI 21.07931, with Enter in the field', async () => {
    const { output, message } = await predictText(app.page, '21.07931');
    expect(output).toBe('60.3 years');
    expect(message).toBe('');
    await expect(app.page.locator('bmi-predictor output').getAttribute('aria-live')).resolves.toBe('polite');
  });

  it.each([
    ['', /Enter a BMI/],
    ['abc', /not a number/],
    ['NaN', /not a number/],
    ['-5', /cannot be negative/],
    ['500', /outside the range/],
    ['2 5', /not a number/],
  ])('refuses %j with a message and no number', async (input, message) => {
    const result = await predictText(app.page, input);
    expect(result.message).toMatch(message);
    expect(result.output).toBe('—');
  });

  it('predicts with the Predict button too', async () => {
    const { page } = app;
    await page.getByLabel('BMI', { exact: true }).fill('28.45');
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(page.locator('bmi-predictor output').textContent()).resolves.toBe('78.9 years');
  });

  it('refuses a CSV with fewer than 2 usable rows and keeps the data', async () => {
    const { page } = app;
    await page.getByLabel(/Load another CSV/).setInputFiles({
      name: 'tiny.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Country,LifeExpectancy,Bmi\nA,70,25\nB,abc,26\n'),
    });
    // Reading a picked file is asynchronous: wait for the message.
    await page.locator('data-panel [data-error]').filter({ hasText: /Only 1 usable row/ }).waitFor();
    await expect(page.locator('data-panel [data-summary]').textContent()).resolves.toMatch(/163\s+rows/);
  });

  it('loads another CSV with reordered columns and lists the skipped rows', async () => {
    const { page } = app;
    const csv = 'Bmi,Country,LifeExpectancy\n20,A,60\n22,B,65\n\n24,C,\n26,D,75\n';
    await page.getByLabel(/Load another CSV/).setInputFiles({ name: 'four.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('data-panel [data-summary]').filter({ hasText: /3\s+rows from\s+four\.csv/ }).waitFor();
    await expect(page.locator('data-panel [data-skipped]').textContent()).resolves.toMatch(/Skipped 1 row.*line\s+5/s);
  });
});
