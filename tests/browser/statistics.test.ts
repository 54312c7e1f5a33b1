/**
 * The statistics on the page: after training with the defaults the prediction shows its 95% interval,
 * the Fit panel R's summary, the scatter plot the 95% bands (toggleable); during a paused run the
 * summary follows the line as it stands, marked provisional.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { R_SUMMARY, relativeError } from '../unit/statistics-reference.ts';
import { control, pauseALongRun, predictText, trainAndWait, waitForLibraryMessage, waitForRunState, waitUntilReady } from './app-page.ts';
import { launchBrowser, openApp, type AppPage } from './browser.ts';

let browser: Browser;
const pages: AppPage[] = [];

async function freshApp(path = ''): Promise<Page> {
  const app = await openApp(browser, path);
  pages.push(app);
  await waitUntilReady(app.page);
  return app.page;
}

beforeAll(async () => {
  browser = await launchBrowser({ webgpu: true });
});
afterAll(async () => {
  for (const { errors } of pages) expect(errors).toEqual([]);
  await browser.close();
});

const summary = (page: Page) => page.locator('fit-summary-table');
const cell = (page: Page, term: 'slope' | 'intercept', name: string) => summary(page).locator(`[data-term=${term}] [data-cell=${name}]`);
const stat = async (page: Page, name: string) => Number(await summary(page).locator(`[data-stat=${name}]`).getAttribute('data-value'));

/** The values of the scatter plot's band series (uPlot's last four data columns) at the first x. */
function plottedBands(page: Page): Promise<(number | null)[]> {
  return page.locator('scatter-plot').evaluate((element) => {
    const data = (element as unknown as { plot: { data: (number | null)[][] } }).plot.data;
    return data.slice(-4).map((series) => series[0] ?? null);
  });
}

describe('statistics on the page, trained with the defaults', () => {
  it('shows the 95% interval for BMI 28.45 with the prediction: 65.7 to 92.0', async () => {
    const page = await freshApp();
    await trainAndWait(page);
    const { output } = await predictText(page, '28.45');
    expect(output).toBe('78.9 years');
    await expect(page.locator('bmi-predictor [part=interval]').textContent()).resolves.toBe(
      '; 95% of countries with this BMI: 65.7 to 92.0',
    );
  });

  it("shows R's fit summary in the Fit panel, with the slope in plain words", async () => {
    const page = await freshApp();
    await trainAndWait(page);
    await summary(page).locator('[data-fit-summary]').waitFor();
    await expect(summary(page).locator('[data-words]').textContent()).resolves.toBe(
      'Each extra BMI point goes with 2.5 more years (95% CI 2.1 to 2.9).',
    );
    // A trained line is within float32 of the optimum: R's numbers to about 1e-5.
    for (const term of ['slope', 'intercept'] as const) {
      const standardError = Number(await cell(page, term, 'standard-error').getAttribute('data-value'));
      expect(relativeError(standardError, R_SUMMARY[term].standardError)).toBeLessThan(1e-4);
      const low = Number(await cell(page, term, 'ci').getAttribute('data-low'));
      expect(Math.abs(low - R_SUMMARY[term].low)).toBeLessThan(1e-2);
    }
    await expect(cell(page, 'slope', 't').textContent()).resolves.toBe('11.792');
    await expect(cell(page, 'slope', 'p').textContent()).resolves.toBe('<2e-16');
    await expect(cell(page, 'intercept', 'p').textContent()).resolves.toBe('0.176');
    expect(await stat(page, 'df')).toBe(161);
    expect(relativeError(await stat(page, 'residual-se'), R_SUMMARY.residualStandardError)).toBeLessThan(1e-6);
    expect(relativeError(await stat(page, 'adjusted-r2'), R_SUMMARY.adjustedR2)).toBeLessThan(1e-6);
    expect(relativeError(await stat(page, 'f'), R_SUMMARY.f)).toBeLessThan(1e-5);
    await expect(summary(page).locator('th[scope=col]').allTextContents()).resolves.toEqual([
      'Term',
      'Estimate',
      'Std. error',
      't value',
      'p',
      '95% CI',
    ]);
    expect(await summary(page).locator('[data-provisional]').count()).toBe(0);
  });

  it('draws the 95% confidence and prediction bands around the line, and the box turns them off and on', async () => {
    const page = await freshApp();
    await trainAndWait(page);
    await summary(page).locator('[data-fit-summary]').waitFor();
    const toggle = page.getByLabel(/Show the 95% bands/);
    await expect(toggle.isChecked()).resolves.toBe(true);
    const [confidenceLow, confidenceHigh, predictionLow, predictionHigh] = await plottedBands(page);
    // Nested: prediction band outside the confidence band, both around the line.
    expect(predictionLow!).toBeLessThan(confidenceLow!);
    expect(confidenceLow!).toBeLessThan(confidenceHigh!);
    expect(confidenceHigh!).toBeLessThan(predictionHigh!);
    await toggle.uncheck();
    // Off: the band series are gone from the plot (x, the points and the line are left).
    await expect
      .poll(() =>
        page.locator('scatter-plot').evaluate((element) => (element as unknown as { plot: { data: unknown[] } }).plot.data.length),
      )
      .toBe(3);
    await toggle.check();
    await expect.poll(async () => (await plottedBands(page)).every((value) => typeof value === 'number')).toBe(true);
    // The chart's text alternative says so too.
    await expect(page.locator('scatter-plot [role=img]').getAttribute('aria-label')).resolves.toMatch(
      /95% confidence band \(dashed\) and prediction band \(dotted\)/,
    );
  });

  it('follows the line as it stands during a paused run, marked provisional, and is final after it', async () => {
    // Mini-batches, so the run is still going when Pause comes.
    const page = await freshApp('?batch=32');
    await pauseALongRun(page);
    await summary(page).locator('[data-provisional]').waitFor();
    await expect(summary(page).locator('[data-provisional-note]').textContent()).resolves.toMatch(/training is paused/);
    // The summary is of the line drawn now: the run's live weights.
    const live = await page.locator('scatter-plot').evaluate((plot) => (plot as unknown as { line: { slope: number } }).line.slope);
    expect(Number(await cell(page, 'slope', 'estimate').getAttribute('data-value'))).toBe(live);
    // Predicting with the paused line gives its provisional interval, not a note.
    await predictText(page, '28.45');
    await expect(page.locator('bmi-predictor [part=interval]').textContent()).resolves.toMatch(
      /^; 95% of countries with this BMI: \d+\.\d to \d+\.\d$/,
    );
    expect(await page.locator('bmi-predictor [part=interval-note]').count()).toBe(0);
    await control(page, 'Stop').click();
    await waitForRunState(page, 'idle');
    await page.locator('fit-summary-table:not(:has([data-provisional]))').waitFor();
    expect(await summary(page).locator('[data-provisional]').count()).toBe(0);
  });

  it('keeps the interval after a reload: the model the browser kept is version 2', async () => {
    const page = await freshApp();
    await trainAndWait(page);
    await page.reload();
    await waitUntilReady(page);
    await page.locator('bmi-predictor [part=input][placeholder^="e.g."]').waitFor();
    await predictText(page, '28.45');
    await expect(page.locator('bmi-predictor [part=interval]').textContent()).resolves.toBe(
      '; 95% of countries with this BMI: 65.7 to 92.0',
    );
  });

  it('still predicts from a version 1 weights file: no interval, a note why; its fit on the data is summarised', async () => {
    const page = await freshApp();
    const sample = JSON.parse(await readFile('public/sample-weights.json', 'utf8')) as Record<string, unknown>;
    delete sample.intervals;
    sample.version = 1;
    await page
      .getByLabel('Load weights file')
      .setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
    await waitForLibraryMessage(page, /old\.json/);
    const { output } = await predictText(page, '28.45');
    expect(output).toBe('78.9 years');
    await expect(page.locator('bmi-predictor [part=interval]').textContent()).resolves.toBe('');
    await expect(page.locator('bmi-predictor [part=interval-note]').textContent()).resolves.toMatch(
      /^No 95% interval: its weights file is version 1/,
    );
    // The Fit panel measures the line on the data shown, as it does the MSE.
    await summary(page).locator('[data-fit-summary]').waitFor();
    expect(await stat(page, 'df')).toBe(161);
  });
});
