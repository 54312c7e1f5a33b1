/**
 * The views with several features on the page (issue 20, item 6): R's mtcars loaded, mpg on wt, hp and
 * qsec ticked and trained. The scatter plot is a component-plus-residual plot of a chosen feature,
 * predicted vs actual sits beside residuals vs fitted, a point's leverage and Cook's distance are R's,
 * and the loss landscape is a slice that says where the other parameters are held.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { rFixture } from '../unit/r-lm-fixtures.ts';
import { loadCsv, trainAndWait, waitUntilReady } from './app-page.ts';
import { axeViolations } from './axe.ts';
import { test } from './browser.ts';

/** A chart's text alternative. */
function description(page: Page, chart: string): Promise<string> {
  return page
    .locator(`${chart} .chart[role=img]`)
    .getAttribute('aria-label')
    .then((text) => text ?? '');
}

describe('the views with several features', () => {
  test("component plus residual, predicted vs actual, a point's influence as R gives it, and the landscape's slice", async ({ open }) => {
    const { fixture, csv } = rFixture('mtcars');
    const app = await open('?split=0&epochs=300&lr=0.3&optimizer=adam');
    const { page } = app;
    await waitUntilReady(page);
    await loadCsv(page, 'mtcars.csv', csv);
    await page.getByLabel('Target (y axis)').selectOption('mpg');
    await page.getByLabel('Feature (x axis)').selectOption('wt');
    const box = (name: string) => page.locator('data-panel [data-feature-boxes]').getByRole('checkbox', { name, exact: true });
    await box('hp').check();
    await box('qsec').check();
    await trainAndWait(page);

    // The scatter plot is a component-plus-residual plot of wt, and says so in its title, axis and text.
    const views = page.locator('point-views');
    await expect
      .poll(() =>
        views
          .locator('[data-partial-title]')
          .textContent()
          .then((text) => (text ?? '').replace(/\s+/g, ' ').trim()),
      )
      .toBe('Component plus residual: mpg against wt');
    await expect
      .poll(() => description(page, 'scatter-plot'))
      .toMatch(/^Component-plus-residual plot of 32 rows: mpg with the parts of hp, qsec taken out/);
    await page.getByLabel('Plot against').selectOption('qsec');
    await expect.poll(() => description(page, 'scatter-plot')).toMatch(/against qsec\. Partial fit: slope /);
    expect(await description(page, 'predicted-actual-plot')).toBe(
      'Predicted vs actual mpg of 32 rows for the fit of wt, hp, qsec: points on the diagonal are predicted exactly.',
    );

    // The row furthest from the fit, selected from the list: R's hatvalues and cooks.distance.
    const first = page.locator('furthest-points button').first();
    const row = Number(await first.getAttribute('data-row'));
    await first.click();
    const panel = page.locator('point-influence');
    await expect.poll(() => panel.locator('[data-leverage]').textContent()).toBe(fixture.leverage[row].toFixed(4));
    expect(await panel.locator('[data-cooks]').textContent()).toBe(fixture.cooksDistance[row].toFixed(4));
    expect(await panel.locator('[data-refit-intercept]').textContent()).toBe(fixture.refits[row][0]!.toFixed(4).replace('-', '−'));

    // The landscape: a slice over wt's coefficient and the intercept, the others held where the run ended.
    const landscape = page.locator('loss-landscape');
    await expect
      .poll(() => landscape.locator('[data-slice-note]').textContent())
      .toMatch(
        /^A slice through the loss over 4 parameters: hp's coefficient −?\d+\.\d{4} and qsec's coefficient −?\d+\.\d{4} held where the run is \(epoch 300\)\.$/,
      );
    await landscape.getByLabel('Vertical axis').selectOption({ label: "qsec's coefficient" });
    await expect.poll(() => landscape.locator('canvas').getAttribute('aria-label')).toMatch(/over wt's coefficient and qsec's coefficient/);
    expect(await landscape.locator('canvas').getAttribute('data-optimum')).toMatch(/^\d/);

    expect(await axeViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
