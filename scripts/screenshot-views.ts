/**
 * Screenshots of each view for the README (docs/view-*.png): the scatter plot with a tooltip and the
 * furthest points labelled, a selected point with its refitted line, residuals vs fitted, the loss
 * landscape with the optimizer's path, and the loss chart with values under the cursor; then with
 * several features (R's mtcars, mpg on wt, hp and qsec): the component-plus-residual plot, predicted
 * vs actual and a selected row's influence, and the landscape's slice. Serves the built app (run
 * `npm run build` first) and trains in headless Chromium with WebGPU.
 */
import { readFileSync } from 'node:fs';
import { type Locator, type Page } from 'playwright-core';
import { chartsDrawn, openPreviewBrowser } from './preview-browser.ts';

const { url, browser, close } = await openPreviewBrowser();

/** Moves the mouse onto the row with this label in a point chart. */
async function hoverRow(page: Page, chart: Locator, label: string): Promise<void> {
  const at = await chart.evaluate((element, name) => {
    const plot = element as HTMLElement & {
      rowNamed(label: string): number;
      pointPosition(row: number): { x: number; y: number } | undefined;
    };
    return plot.pointPosition(plot.rowNamed(name));
  }, label);
  if (!at) throw new Error(`${label} is not drawn.`);
  await page.mouse.move(at.x, at.y);
}

const scheme = (process.env.SCHEME as 'light' | 'dark' | undefined) ?? 'light';
const suffix = scheme === 'dark' ? '-dark' : '';

async function shoot(target: Locator, name: string): Promise<void> {
  // The charts and the landscape draw in tasks of their own once near the window.
  await chartsDrawn(target.page());
  const path = `docs/view-${name}${suffix}.png`;
  await target.screenshot({ path });
  console.log(`wrote ${path}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: scheme });
  await page.goto(url);
  const train = page.getByRole('button', { name: 'Train' });
  await train.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  await train.click();
  await page
    .locator('training-panel [data-status]')
    .filter({ hasText: /^Trained/ })
    .waitFor({ timeout: 60_000 });
  const views = page.locator('point-views');
  const scatter = page.locator('scatter-plot');
  // Scrolled first: a screenshot that scrolls would move the points from under the mouse.
  await views.scrollIntoViewIfNeeded();
  await hoverRow(page, scatter, 'Lesotho');
  await page.locator('scatter-plot [data-tooltip]').waitFor();
  await shoot(views, 'points');
  await hoverRow(page, scatter, 'Tonga');
  await page.mouse.down();
  await page.mouse.up();
  await page.locator('point-influence [data-refit]').waitFor();
  await page.mouse.move(0, 0);
  await shoot(views, 'selected');
  const lossChart = page.locator('loss-chart');
  await lossChart.scrollIntoViewIfNeeded();
  const box = (await lossChart.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await shoot(lossChart, 'loss-chart');
  // A second run with Adam: its path beside the first run's (gradient descent), faded.
  await page.locator('training-settings').getByLabel('Optimizer', { exact: true }).selectOption('adam');
  await train.click();
  await page.locator('training-panel[data-runs-finished="2"]').waitFor({ timeout: 60_000 });
  // The second run replaced the model: its Undo bar, fixed in the window, would cover the landscape.
  await page.locator('undo-bar').getByRole('button', { name: 'Dismiss' }).click();
  const landscape = page.locator('loss-landscape');
  await landscape.scrollIntoViewIfNeeded();
  await shoot(landscape, 'landscape');
  await page.screenshot({ path: `docs/view-page-${scheme}.png`, fullPage: true });
  console.log(`wrote docs/view-page-${scheme}.png`);
  await shootSeveralFeatures();
} finally {
  await close();
}

/** The views with three features: mtcars loaded, mpg on wt, hp and qsec, trained with Adam. */
async function shootSeveralFeatures(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: scheme });
  await page.goto(`${url}?split=0&epochs=300&lr=0.3&optimizer=adam`);
  const train = page.getByRole('button', { name: 'Train' });
  await train.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  const csv = readFileSync(new URL('../tests/fixtures/r-lm/mtcars.csv', import.meta.url));
  await page.getByLabel(/Load another CSV/).setInputFiles({ name: 'mtcars.csv', mimeType: 'text/csv', buffer: csv });
  await page.locator('data-panel[data-files-read="1"]').waitFor();
  await page.getByLabel('Target (y axis)').selectOption('mpg');
  await page.getByLabel('Feature (x axis)').selectOption('wt');
  for (const name of ['hp', 'qsec'])
    await page.locator('data-panel [data-feature-boxes]').getByRole('checkbox', { name, exact: true }).check();
  await train.click();
  await page.locator('training-panel[data-runs-finished="1"]').waitFor({ timeout: 60_000 });
  await page.locator('furthest-points button').first().click();
  await page.locator('point-influence [data-leverage]').waitFor();
  const views = page.locator('point-views');
  await views.scrollIntoViewIfNeeded();
  await shoot(views, 'several-features');
  const landscape = page.locator('landscape-panel');
  await landscape.scrollIntoViewIfNeeded();
  await shoot(landscape, 'several-features-landscape');
}
