/**
 * Seeing the data and the training in the built app: which country each point is, the points
 * furthest from the line, what a selected point does to the fit, the loss landscape with the
 * optimizer's path, and the loss chart's values under the cursor. Reference numbers from the data
 * README (the defaults train on all 163 rows).
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect } from 'vitest';
import { control, loadCsv, trainAndWait, waitUntilReady } from './app-page.ts';
import { test, type AppPage, type Open } from './browser.ts';

/** The pages the current test opened, whose errors are checked when it ends. */
const pages: AppPage[] = [];

async function freshApp(open: Open, path = ''): Promise<Page> {
  const app = await open(path);
  pages.push(app);
  await waitUntilReady(app.page);
  return app.page;
}

afterEach(() => {
  for (const { errors } of pages.splice(0)) expect(errors).toEqual([]);
});

/** Where the row with this label is drawn in a point chart, in viewport pixels. */
async function rowPosition(chart: Locator, label: string): Promise<{ x: number; y: number }> {
  await chart.scrollIntoViewIfNeeded();
  const at = await chart.evaluate((element, name) => {
    const plot = element as HTMLElement & {
      rowNamed(label: string): number;
      pointPosition(row: number): { x: number; y: number } | undefined;
    };
    return plot.pointPosition(plot.rowNamed(name));
  }, label);
  if (!at) throw new Error(`${label} is not drawn`);
  return at;
}

function text(locator: Locator): Promise<string> {
  // innerText, not textContent: cells and lines stay apart as they read on screen.
  return locator.innerText().then((value) => value.replace(/\s+/g, ' ').trim());
}

async function furthestNames(page: Page): Promise<string[]> {
  return page.locator('furthest-points [data-furthest] .name').allTextContents();
}

describe('which point is which', () => {
  test('hovering the scatter plot at a point shows its country, values and, with a line, prediction and residual', async ({ open }) => {
    const page = await freshApp(open);
    const scatter = page.locator('scatter-plot');
    const lesotho = await rowPosition(scatter, 'Lesotho');
    await page.mouse.move(lesotho.x, lesotho.y);
    const tooltip = page.locator('scatter-plot [data-tooltip]');
    await expect(text(tooltip)).resolves.toMatch(/^Lesotho BMI 21\.\d\d kg\/m² Life expectancy 44\.50 years$/);
    await trainAndWait(page);
    const tonga = await rowPosition(scatter, 'Tonga');
    await page.mouse.move(tonga.x, tonga.y);
    await expect(text(tooltip)).resolves.toMatch(
      /^Tonga BMI 31\.00 kg\/m² Life expectancy 70\.30 years Predicted 85\.29 years Residual −14\.99$/,
    );
    // Away from every point, no tooltip.
    await page.mouse.move(tonga.x - 5, tonga.y - 150);
    await tooltip.waitFor({ state: 'detached' });
  });

  test('after Train with the defaults, the furthest from the line are South Africa, Swaziland, Lesotho, Japan, Marshall Islands', async ({
    open,
  }) => {
    const page = await freshApp(open);
    expect(await furthestNames(page)).toEqual([]);
    await trainAndWait(page);
    expect(await furthestNames(page)).toEqual(['South Africa', 'Swaziland', 'Lesotho', 'Japan', 'Marshall Islands']);
    expect(await page.locator('furthest-points [data-furthest] .residual').first().textContent()).toBe('−21.46');
  });

  test('the residuals plot shows the same tooltips', async ({ open }) => {
    const page = await freshApp(open);
    await trainAndWait(page);
    const residuals = page.locator('residuals-plot');
    const japan = await rowPosition(residuals, 'Japan');
    await page.mouse.move(japan.x, japan.y);
    await expect(text(page.locator('residuals-plot [data-tooltip]'))).resolves.toMatch(/^Japan .* Residual \+16\.09$/);
  });
});

describe('what moves the line', () => {
  test("clicking Tonga shows its leverage, Cook's distance and the refit without it (slope 2.6206); clearing removes it", async ({
    open,
  }) => {
    const page = await freshApp(open);
    await trainAndWait(page);
    const tonga = await rowPosition(page.locator('scatter-plot'), 'Tonga');
    await page.mouse.click(tonga.x, tonga.y);
    const influence = page.locator('point-influence');
    await expect(text(influence.locator('[data-summary]'))).resolves.toBe('Without Tonga: slope 2.62, +4.1%');
    const refit = /slope ([\d.]+), intercept ([\d.]+)/.exec(await text(influence.locator('[data-refit]')))!;
    expect(Math.abs(Number(refit[1]) - 2.620593)).toBeLessThan(5e-4);
    expect(Math.abs(Number(refit[2]) - 4.7926388)).toBeLessThan(5e-4);
    expect(await text(influence.locator('[data-leverage]'))).toBe('0.0464');
    expect(await text(influence.locator('[data-cooks]'))).toBe('0.1317');
    // The refitted line is drawn: the scatter plot's text alternative names it.
    await expect(page.locator('scatter-plot .chart').getAttribute('aria-label')).resolves.toMatch(/Refitted without Tonga: slope 2\.621/);
    await influence.getByRole('button', { name: 'Clear selection' }).click();
    await influence.locator('[data-summary]').waitFor({ state: 'detached' });
    await expect(page.locator('scatter-plot .chart').getAttribute('aria-label')).resolves.not.toMatch(/Refitted/);
  });

  test('by keyboard: arrows move between points, Enter selects, Escape clears; the furthest list selects too', async ({ open }) => {
    const page = await freshApp(open);
    await trainAndWait(page);
    const group = page.locator('scatter-plot .wrap');
    await group.focus();
    // Tonga has the highest BMI: End goes to it.
    await page.keyboard.press('End');
    await expect(text(page.locator('scatter-plot [data-active]'))).resolves.toMatch(/^Tonga: BMI 31\.00/);
    await page.keyboard.press('Enter');
    await expect(text(page.locator('point-influence [data-summary]'))).resolves.toBe('Without Tonga: slope 2.62, +4.1%');
    await page.keyboard.press('Escape');
    await page.locator('point-influence [data-summary]').waitFor({ state: 'detached' });
    const lesotho = page.locator('furthest-points').getByRole('button', { name: /Lesotho/ });
    await lesotho.focus();
    await page.keyboard.press('Enter');
    await expect(text(page.locator('point-influence [data-summary]'))).resolves.toMatch(/^Without Lesotho: slope \d\.\d\d, [+−]\d+\.\d%$/);
    await expect(lesotho.getAttribute('aria-pressed')).resolves.toBe('true');
  });
});

describe('text alternatives', () => {
  test("the scatter plot's table view lists every row with its country", async ({ open }) => {
    const page = await freshApp(open);
    await page.locator('scatter-plot chart-table summary').click();
    const rows = page.locator('scatter-plot chart-table tbody tr');
    // The table renders after the click's update: poll for it rather than read it at once.
    await expect.poll(() => rows.count()).toBe(163);
    await expect
      .poll(() => text(page.locator('scatter-plot chart-table tbody tr', { hasText: 'Tonga' })))
      .toMatch(/^Tonga 31\.00 kg\/m² 70\.30 years$/);
  });
});

/** The landscape's optimum marker and the end of this run's path, in canvas pixels. */
async function landscapeMarks(page: Page): Promise<{ optimum: number[]; end: number[] | undefined }> {
  const canvas = page.locator('loss-landscape canvas');
  const parse = (value: string | null) => value?.split(',').map(Number);
  return { optimum: parse(await canvas.getAttribute('data-optimum'))!, end: parse(await canvas.getAttribute('data-path-end')) };
}

describe('the loss landscape', () => {
  test('the path of a converged run ends at the optimum marker; the previous run stays, and both are in the table view', async ({
    open,
  }) => {
    const page = await freshApp(open);
    expect((await landscapeMarks(page)).end).toBeUndefined();
    await trainAndWait(page);
    const { optimum, end } = await landscapeMarks(page);
    expect(Math.hypot(end![0] - optimum[0], end![1] - optimum[1])).toBeLessThan(1.5);
    await expect(text(page.locator('loss-landscape [data-optimum-text]'))).resolves.toBe('slope 2.5185, intercept 7.2278');
    await trainAndWait(page);
    const previous = await page
      .locator('loss-landscape')
      .evaluate((element) => (element as HTMLElement & { previousPoints: unknown[] }).previousPoints.length);
    expect(previous).toBe(51);
    await expect(page.locator('loss-landscape canvas').getAttribute('aria-label')).resolves.toMatch(
      /This run's path: 51 epochs.*previous run's path is drawn faded/,
    );
  });

  test('in standardized units the path still ends at the optimum, and the cursor reads the MSE under it', async ({ open }) => {
    const page = await freshApp(open);
    await trainAndWait(page);
    await page.locator('loss-landscape').getByLabel('Standardized axes').check();
    const { optimum, end } = await landscapeMarks(page);
    expect(Math.hypot(end![0] - optimum[0], end![1] - optimum[1])).toBeLessThan(1.5);
    // Under the cursor at the marker: the optimum's own slope, intercept and MSE, in raw units.
    const canvas = page.locator('loss-landscape canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + optimum[0], box.y + optimum[1]);
    await expect(text(page.locator('loss-landscape [data-readout]'))).resolves.toMatch(
      /^Slope 2\.5\d{3}, intercept [67]\.\d{4}: MSE 43\.0\d{3}$/,
    );
  });
});

describe('the loss chart', () => {
  test('shows the epoch and loss under the cursor, and a table view of the epochs', async ({ open }) => {
    const page = await freshApp(open);
    await trainAndWait(page);
    const over = page.locator('loss-chart .u-over');
    await over.scrollIntoViewIfNeeded();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    const values = page.locator('loss-chart .u-legend .u-value');
    await expect(values.nth(0).textContent()).resolves.toBe('0');
    // Epoch 0 is the untrained line: the variance of the target.
    const first = Number(await values.nth(1).textContent());
    expect(first).toBeGreaterThan(70);
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await expect(values.nth(0).textContent()).resolves.toBe('50');
    await expect(values.nth(1).textContent()).resolves.toBe('43.0210');
    // Its table view lists the same epochs.
    await page.locator('loss-chart chart-table summary').click();
    // The table renders after the click's update: poll for it rather than read it at once.
    await expect.poll(() => page.locator('loss-chart chart-table tbody tr').count()).toBe(51);
    await expect.poll(() => text(page.locator('loss-chart chart-table tbody tr').last())).toBe('50 43.0210');
    expect(control(page, 'Train')).toBeTruthy();
  });
});

describe('the label column', () => {
  test('with two text columns there is none until the user picks one, and None takes it away again', async ({ open }) => {
    const page = await freshApp(open);
    await loadCsv(page, 'regions.csv', 'Name,Region,Bmi,LifeExpectancy\nAlpha,North,20,60\nBeta,South,25,70\nGamma,East,30,75\n');
    const scatter = page.locator('scatter-plot');
    const tooltip = page.locator('scatter-plot [data-tooltip]');
    const hoverFirst = async () => {
      const at = await scatter.evaluate((element) =>
        (element as HTMLElement & { pointPosition(row: number): { x: number; y: number } }).pointPosition(1),
      );
      await page.mouse.move(at.x, at.y);
    };
    await scatter.scrollIntoViewIfNeeded();
    await hoverFirst();
    await expect(text(tooltip.locator('strong'))).resolves.toBe('Row 2');
    const label = page.locator('data-panel').getByLabel('Label (names the points)');
    await label.selectOption('Region');
    await hoverFirst();
    await expect(text(tooltip.locator('strong'))).resolves.toBe('South');
    await label.selectOption('None');
    await hoverFirst();
    await expect(text(tooltip.locator('strong'))).resolves.toBe('Row 2');
  });
});
