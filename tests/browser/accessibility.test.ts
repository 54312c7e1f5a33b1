/**
 * axe-core (WCAG 2.2 AA and best-practice rules) finds no violation in the built app in each of its
 * states (before and after training, with More settings open, with errors, URL notices and the update
 * notice shown, with a prediction on the plot and a point selected, during a paused run, with the Undo
 * bar), in light and dark, at 360, 390 and 1280 px, nor on the embed demo page. Each test opens its own page.
 */
import { describe, expect } from 'vitest';
import {
  control,
  pauseALongRun,
  dataError,
  dropFiles,
  loadCsv,
  openMoreSettings,
  predictText,
  setSetting,
  trainAndWait,
  waitForRunState,
  waitForLibraryMessage,
  waitUntilReady,
} from './app-page.ts';
import { axeViolationsInEveryLook } from './axe.ts';
import { test } from './browser.ts';

describe('accessibility (axe-core)', () => {
  test('the app before training', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    expect(errors).toEqual([]);
  });

  test('the app after training, with More settings open', async ({ open }) => {
    const { page, errors } = await open('?epochs=20');
    await waitUntilReady(page);
    await trainAndWait(page);
    await predictText(page, '28.45');
    await openMoreSettings(page);
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    expect(errors).toEqual([]);
  });

  test('the app with URL notices, errors and the update notice shown', async ({ open }) => {
    const { page, errors } = await open('?epochs=lots&optimizer=magic');
    await waitUntilReady(page);
    await loadCsv(page, 'notes.csv', 'just one line of text\n');
    expect(await dataError(page)).not.toBe('');
    expect((await predictText(page, 'abc')).message).not.toBe('');
    await setSetting(page, 'Learning rate', '-1');
    await expect(page.locator('training-settings').getByLabel('Learning rate', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await dropFiles(page, [{ name: 'weights.json', content: '{"format": "something-else"}', type: 'application/json' }]);
    expect((await waitForLibraryMessage(page, /./)).kind).toBe('error');
    await page.locator('update-notice').evaluate((notice) => ((notice as HTMLElement & { ready: boolean }).ready = true));
    await page.locator('update-notice[ready]').waitFor();
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    expect(errors).toEqual([]);
  });

  test('the app with a prediction drawn on the plot (an extrapolation) and a point selected', async ({ open }) => {
    const { page, errors } = await open('?epochs=20');
    await waitUntilReady(page);
    await trainAndWait(page);
    await page.locator('bmi-predictor').getByLabel('BMI', { exact: true }).fill('40');
    await page.locator('furthest-points button').first().click();
    await page.locator('point-influence').getByRole('button', { name: 'Clear selection' }).waitFor();
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    expect(errors).toEqual([]);
  });

  test('the app during a paused run (its provisional Fit card), then with the Undo bar after Reset', async ({ open }) => {
    const { page, errors } = await open('?batch=32');
    await waitUntilReady(page);
    await pauseALongRun(page);
    await page.locator('fit-summary-table [data-provisional]').waitFor();
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    await control(page, 'Stop').click();
    await waitForRunState(page, 'idle');
    await control(page, 'Reset').click();
    await page.locator('undo-bar [data-undo]').waitFor();
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    expect(errors).toEqual([]);
  });

  test('the embed demo page', async ({ open }) => {
    const { page, errors } = await open('embed.html');
    await page.locator('#styled output').filter({ hasText: /\d/ }).waitFor();
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    expect(errors).toEqual([]);
  });
});
