/**
 * Shareable settings: the URL sets up the page, edits are written back with `history.replaceState`,
 * a reload keeps them, and bad values fall back to defaults with a visible notice.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  appRendered,
  backendBadge,
  control,
  dataSummary,
  metricValue,
  openMoreSettings,
  setSetting,
  tensorCount,
  trainAndWait,
  waitUntilReady,
} from './app-page.ts';
import { test } from './browser.ts';

function field(page: Page, label: string) {
  return page.locator('training-settings').getByLabel(label, { exact: true });
}

async function formValues(page: Page): Promise<Record<string, string | boolean>> {
  await openMoreSettings(page);
  const labels = [
    'Epochs',
    'Learning rate',
    'Optimizer',
    'Batch size',
    'Validation rows (%)',
    'Split seed',
    'Backend',
    'Patience (epochs)',
    'Minimum improvement (%)',
  ];
  const values: Record<string, string | boolean> = {};
  for (const label of labels) values[label] = await field(page, label).inputValue();
  values['Early stopping'] = await page.getByLabel('Stop early when the loss stops improving').isChecked();
  return values;
}

const query = (page: Page) => new URL(page.url()).searchParams;

describe('settings in the URL', () => {
  test('set up the form and the backend', async ({ open }) => {
    const { page, errors } = await open(
      '?epochs=77&lr=0.05&optimizer=adam&batch=16&split=0.1&seed=9&patience=4&improve=0.001&backend=wasm',
    );
    await waitUntilReady(page);
    expect(await formValues(page)).toEqual({
      Epochs: '77',
      'Learning rate': '0.05',
      Optimizer: 'adam',
      'Batch size': '16',
      'Validation rows (%)': '10',
      'Split seed': '9',
      Backend: 'wasm',
      'Patience (epochs)': '4',
      'Minimum improvement (%)': '0.1',
      'Early stopping': true,
    });
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('wasm');
    await expect(page.locator('[data-notices]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test('follow edits without adding history entries, and survive a reload', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    const historyLength = await page.evaluate(() => history.length);
    await setSetting(page, 'Learning rate', '0.25');
    await setSetting(page, 'Validation rows (%)', '30');
    await setSetting(page, 'Optimizer', 'adam');
    await page.getByLabel('Stop early when the loss stops improving').check();
    expect(Object.fromEntries(query(page))).toEqual({
      optimizer: 'adam',
      lr: '0.25',
      epochs: '50',
      batch: 'full',
      split: '0.3',
      seed: '42',
      patience: '10',
      improve: '0.0001',
    });
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    await page.reload();
    await waitUntilReady(page);
    expect(await formValues(page)).toMatchObject({
      'Learning rate': '0.25',
      'Validation rows (%)': '30',
      Optimizer: 'adam',
      'Early stopping': true,
    });
    expect(errors).toEqual([]);
  });

  test('refuses a bad value typed in the form with a message, and keeps the URL', async ({ open }) => {
    const { page, errors } = await open('?lr=0.2');
    await waitUntilReady(page);
    await setSetting(page, 'Learning rate', '-1');
    await expect(page.locator('training-settings [data-settings-error]').textContent()).resolves.toMatch(
      /Learning rate must be a number above 0 and at most 10\./,
    );
    await expect(field(page, 'Learning rate').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(query(page).get('lr')).toBe('0.2');
    await control(page, 'Train').click();
    await appRendered(page);
    await expect(page.locator('training-panel').getAttribute('data-run-state')).resolves.toBe('idle');
    await expect(page.locator('training-panel').getAttribute('data-runs-finished')).resolves.toBe('0');
    await expect(page.locator('metrics-panel #train').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test('falls back to defaults with a notice for each bad value, and the page still works', async ({ open }) => {
    const { page, errors } = await open('?lr=abc&epochs=-3&split=2&optimizer=rmsprop&batch=-1&seed=x&backend=tpu&target=Country');
    await waitUntilReady(page);
    const notices = await page.locator('[data-notices] li').allTextContents();
    expect(notices).toHaveLength(8);
    expect(notices.join('\n')).toMatch(/Ignored lr=abc .*Using 0\.1\./);
    expect(notices.join('\n')).toMatch(/Ignored epochs=-3 .*Using 50\./);
    expect(notices.join('\n')).toMatch(/Ignored split=2 .*Validation rows must be a number from 0% to 90%/);
    expect(notices.join('\n')).toMatch(/Ignored optimizer=rmsprop/);
    expect(notices.join('\n')).toMatch(/Ignored batch=-1 .*Batch size must be a whole number from 0/);
    expect(notices.join('\n')).toMatch(/Ignored seed=x/);
    expect(notices.join('\n')).toMatch(/Ignored backend=tpu .*Using the best available backend\./);
    expect(notices.join('\n')).toMatch(/Ignored the columns from the address: Column "Country" holds text, not numbers/);
    expect(await formValues(page)).toMatchObject({
      Epochs: '50',
      'Learning rate': '0.1',
      Optimizer: 'sgd',
      'Batch size': '',
      'Validation rows (%)': '0',
      'Split seed': '42',
      Backend: '',
    });
    expect(await dataSummary(page)).toBe('163 rows from bmi_and_life_expectancy.csv');
    await trainAndWait(page);
    expect(await metricValue(page, 'mse')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('switches the backend from the form, restarting the worker on it', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await setSetting(page, 'Backend', 'cpu');
    await expect.poll(() => backendBadge(page).getAttribute('data-backend')).toBe('cpu');
    expect(query(page).get('backend')).toBe('cpu');
    await waitUntilReady(page);
    await trainAndWait(page);
    expect(await metricValue(page, 'mse')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('trains on the page thread with ?engine=main (to compare with the worker)', async ({ open }) => {
    const { page, errors } = await open('?engine=main&split=0');
    await waitUntilReady(page);
    await expect(page.locator('[data-engine]').getAttribute('data-engine')).resolves.toBe('main');
    const before = await tensorCount(page);
    await trainAndWait(page);
    expect(Math.abs((await metricValue(page, 'mse')) - 43.0210311892) / 43.0210311892).toBeLessThan(1e-3);
    expect(await tensorCount(page)).toBe(before);
    expect(errors).toEqual([]);
  });
});
