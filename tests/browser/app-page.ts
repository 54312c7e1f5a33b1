/**
 * Actions and readings on the app page, shared by the browser tests. Playwright's locators pierce the
 * open shadow roots of the Lit elements, so these read like a user's view of the page.
 */
import type { Page } from 'playwright-core';

export const OPTIMUM_MSE = 43.0210311892;

export function backendBadge(page: Page) {
  return page.locator('backend-status [part=badge]');
}

/** Waits until the Train button is enabled: data loaded and a backend running. */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).and(page.locator(':enabled')).waitFor({ timeout: 45_000 });
}

/** Clicks Train and waits for the run to finish. */
export async function trainAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await page.locator('training-panel [data-status]').filter({ hasText: /^Trained \d+ epochs/ }).waitFor({ timeout: 45_000 });
}

export async function metricValue(page: Page, name: 'mse' | 'rmse' | 'r2', rows: 'train' | 'validation' = 'train'): Promise<number> {
  return Number(await page.locator(`metrics-panel #${rows} [data-metric=${name}]`).textContent());
}

/** The loss points the chart holds, read from the element. */
export function lossPoints(page: Page): Promise<{ epoch: number; trainLoss: number }[]> {
  return page.locator('loss-chart').evaluate((chart) => [...(chart as HTMLElement & { points: { epoch: number; trainLoss: number }[] }).points]);
}

/** How many x values the uPlot instance of the loss chart is drawing. */
export function plottedLossPoints(page: Page): Promise<number> {
  return page.locator('loss-chart').evaluate((chart) => {
    const plot = (chart as HTMLElement & { plot?: { data: unknown[][] } }).plot;
    return plot?.data[0]?.length ?? 0;
  });
}

export async function tensorCount(page: Page): Promise<number> {
  const text = (await page.locator('[data-tensors]').textContent()) ?? '';
  const match = /(\d+)/.exec(text);
  if (!match) throw new Error(`No tensor count shown (got "${text}")`);
  return Number(match[1]);
}

/** Types into the field labelled `label`, presses Enter, and returns the output's text and the message. */
export async function predictText(page: Page, input: string, label = 'BMI'): Promise<{ output: string; message: string }> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(input);
  await field.press('Enter');
  return {
    output: ((await page.locator('bmi-predictor output').textContent()) ?? '').trim(),
    message: ((await page.locator('bmi-predictor [part=message]').textContent()) ?? '').trim(),
  };
}
