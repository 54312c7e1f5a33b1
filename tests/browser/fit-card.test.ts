/**
 * The Fit card in one coherent state: during a paused run every number is of the run's line (the
 * metrics, the line and the summary agree), and after training the summary says what it shows: the
 * trained line's estimates, with the exact least-squares line (R's lm) beside them.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { control, pauseALongRun, trainAndWait, waitForRunState, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

const summary = (page: Page) => page.locator('fit-summary-table');
const attribute = async (page: Page, selector: string, name: string) => Number(await page.locator(selector).getAttribute(name));

describe('the Fit card', () => {
  test("while paused, the metrics, the line and the summary are all of the run's line", async ({ open }) => {
    const { page, errors } = await open('?batch=32');
    await waitUntilReady(page);
    await pauseALongRun(page);
    await summary(page).locator('[data-provisional]').waitFor();
    await page.locator('metrics-panel [data-provisional]').waitFor();
    await expect(
      page
        .locator('metrics-panel')
        .getByText(/Train a model/)
        .count(),
    ).resolves.toBe(0);
    const slope = await attribute(page, 'fit-summary-table [data-term=slope] [data-cell=estimate]', 'data-value');
    expect(await attribute(page, 'metrics-panel [data-line]', 'data-slope')).toBe(slope);
    // The metrics' MSE is the summary's residual sum of squares over the rows: the same line.
    const residualSe = await attribute(page, 'fit-summary-table [data-stat=residual-se]', 'data-value');
    const df = await attribute(page, 'fit-summary-table [data-stat=df]', 'data-value');
    const mse = Number(await page.locator('metrics-panel #train [data-metric=mse]').textContent());
    expect(mse).toBeCloseTo((residualSe ** 2 * df) / (df + 2), 3);
    const r2 = Number(await page.locator('metrics-panel #train [data-metric=r2]').textContent());
    expect(r2).toBeCloseTo(await attribute(page, 'fit-summary-table [data-stat=r2]', 'data-value'), 4);
    await control(page, 'Stop').click();
    await waitForRunState(page, 'idle');
    await expect(page.locator('metrics-panel [data-provisional]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test("after training: the trained line's estimates, and the exact least-squares line (R's lm) beside them", async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await trainAndWait(page);
    await summary(page).locator('[data-exact]').waitFor();
    await expect(summary(page).locator('caption').textContent()).resolves.not.toMatch(/as R's summary\(lm\) reports it/);
    // R: lm(LifeExpectancy ~ Bmi) gives intercept 7.2278, slope 2.5185 (shared/data/README.md).
    expect(await attribute(page, 'fit-summary-table [data-exact]', 'data-intercept')).toBeCloseTo(7.2278383433, 8);
    expect(await attribute(page, 'fit-summary-table [data-exact]', 'data-slope')).toBeCloseTo(2.5184794389, 8);
    await expect(summary(page).locator('[data-cell=estimate]').first().textContent()).resolves.toBe('7.2287');
    const exact = ((await summary(page).locator('[data-exact]').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(exact).toMatch(/intercept 7\.2278, slope 2\.5185\. The trained line differs by \+0\.0009 in the intercept/);
    expect(errors).toEqual([]);
  });
});
