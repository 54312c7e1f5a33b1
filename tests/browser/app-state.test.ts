/**
 * The app's state stays consistent when things go wrong or happen out of order: unreadable files,
 * files given while training or while the bundled data is still on its way, models loaded mid-run,
 * and a training engine that dies.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import {
  chooseSlowWeightsFile,
  control,
  dataError,
  dataSummary,
  dropFiles,
  filesRead,
  finishSlowRead,
  holdBundledCsv,
  loadCsv,
  releaseBundledCsv,
  selectUnreadableFile,
  metricValue,
  setEpochs,
  trainAndWait,
  untilRunEnds,
  waitForEpochAbove,
  waitForLibraryMessage,
  waitForRunState,
  waitUntilReady,
} from './app-page.ts';
import { test } from './browser.ts';

/** Chromium's own message for NotReadableError. */
const NOT_READABLE =
  'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.';

describe('an unreadable CSV', () => {
  test('is refused with a message, and the app can read the next file', async ({ open }) => {
    const { page, errors } = await open('?split=0');
    await waitUntilReady(page);
    await selectUnreadableFile(page, 'moved.csv', NOT_READABLE);
    await expect.poll(() => filesRead(page)).toBe(1);
    expect(await dataError(page)).toBe(`moved.csv: The file could not be read (${NOT_READABLE}). The current data is kept.`);
    expect(await dataSummary(page)).toBe('163 rows from bmi_and_life_expectancy.csv');
    expect(await page.getByLabel(/Load another CSV/).isEnabled()).toBe(true);
    await loadCsv(page, 'next.csv', 'BMI,Life expectancy\n20,60\n25,70\n30,80\n');
    expect(await dataSummary(page)).toBe('3 rows from next.csv');
    expect(errors).toEqual([]);
  });
});

describe('an unreadable model file', () => {
  test.for([
    ['weights.json', `"weights.json" could not be read (${NOT_READABLE}). The current model is kept.`],
    // No extension and no type: its first bytes are read to tell what it is.
    ['weights', `Could not read "weights" (${NOT_READABLE}). The current model is kept.`],
  ])('%s is refused with a message', async ([name, message], { open }) => {
    const { page, errors } = await open('?split=0');
    await waitUntilReady(page);
    await selectUnreadableFile(page, name, NOT_READABLE, 'any');
    expect(await waitForLibraryMessage(page, /could not (be )?read/i)).toEqual({ kind: 'error', text: message });
    expect(errors).toEqual([]);
  });
});

describe('a CSV given before the bundled data arrives', () => {
  test('is kept when the bundled data comes in later', async ({ open }) => {
    const { page, errors } = await open('?split=0', { initScript: holdBundledCsv });
    await loadCsv(page, 'mine.csv', 'BMI,Life expectancy\n20,60\n25,70\n30,80\n');
    expect(await dataSummary(page)).toBe('3 rows from mine.csv');
    await releaseBundledCsv(page);
    expect(await dataSummary(page)).toBe('3 rows from mine.csv');
    expect(await dataError(page)).toBe('');
    await waitUntilReady(page);
    expect(await dataSummary(page)).toBe('3 rows from mine.csv');
    expect(errors).toEqual([]);
  });
});

describe('a model loaded while a run starts', () => {
  test('is refused once the run is going, and the run keeps its result', async ({ open }) => {
    // Mini-batches, so the run is still going (100,000 full-batch epochs take a second).
    const { page, errors } = await open('?split=0&batch=32');
    await waitUntilReady(page);
    await setEpochs(page, 100000);
    await chooseSlowWeightsFile(page);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    await finishSlowRead(page);
    const message = await waitForLibraryMessage(page, /Training is running/);
    expect(message).toEqual({ kind: 'error', text: 'Training is running; load a model when it has finished. The current model is kept.' });
    // Past the first epoch, so Stop has a trained line to keep.
    await waitForEpochAbove(page, 1);
    await untilRunEnds(page, () => control(page, 'Stop').click());
    // The model is the trained one, not the file's.
    expect(await page.locator('model-library').getAttribute('origin')).toBe('trained in this page');
    // The refusal said training was running: it no longer holds.
    await expect.poll(() => page.locator('model-library [data-message]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a CSV given while training', () => {
  test('is refused with a message, and the data stays', async ({ open }) => {
    // Slow epochs (mini-batches, small steps), so the run is still going when the file comes.
    const { page, errors } = await open('?split=0&batch=32&lr=0.001');
    await waitUntilReady(page);
    await setEpochs(page, 100000);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    await dropFiles(page, [{ name: 'later.csv', content: 'BMI,Life expectancy\n20,60\n25,70\n30,80\n', type: 'text/csv' }]);
    await expect.poll(() => filesRead(page)).toBe(1);
    expect(await dataError(page)).toBe('later.csv: Training is running: stop it to load other data. The current data is kept.');
    expect(await dataSummary(page)).toBe('163 rows from bmi_and_life_expectancy.csv');
    await untilRunEnds(page, () => control(page, 'Stop').click());
    expect(errors).toEqual([]);
  });
});

describe('a training worker that dies mid-run', () => {
  test('ends the run with a message instead of leaving it running', async ({ open }) => {
    // Mini-batches, so the second run is still going when the worker dies.
    const { page, errors } = await open('?split=0&batch=32');
    await waitUntilReady(page);
    await setEpochs(page, 100);
    await trainAndWait(page);
    const fit = await metricValue(page, 'mse');
    await setEpochs(page, 100000);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    // What a crashed worker does to the page: every pending request fails.
    await page.locator('bmi-app').evaluate((app) => (app as unknown as { engine: { dispose(): void } }).engine.dispose());
    await waitForRunState(page, 'idle');
    expect(await page.locator('bmi-app').evaluate((app) => app.shadowRoot?.querySelector('[role=alert]')?.textContent?.trim())).toBe(
      'Training failed: The training engine was closed.',
    );
    // The model from before the run still predicts, and its fit is shown again.
    expect(await metricValue(page, 'mse')).toBe(fit);
    expect(errors).toEqual([]);
  });

  test('leaves no stale "Training failed" once other data is loaded', async ({ open }) => {
    // Mini-batches, so the run is still going (100,000 full-batch epochs take a second).
    const { page, errors } = await open('?split=0&batch=32');
    await waitUntilReady(page);
    await setEpochs(page, 100000);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    await page.locator('bmi-app').evaluate((app) => (app as unknown as { engine: { dispose(): void } }).engine.dispose());
    await waitForRunState(page, 'idle');
    // The app's own alert, beside the training panel (the panels have alerts of their own).
    const alert = page.locator('section[aria-label="Training"] > [role=alert]');
    await expect(alert.textContent()).resolves.toContain('Training failed');
    await loadCsv(page, 'other.csv', 'BMI,Life expectancy\n20,60\n25,70\n30,80\n');
    expect(await dataSummary(page)).toBe('3 rows from other.csv');
    // The failure was about the previous data's run: it goes with it, as the loss curve does.
    expect(await alert.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("a loaded model's fit", () => {
  test('is measured on the training and validation rows the settings split the data into', async ({ open }) => {
    const { page, errors } = await open('?split=0.2&seed=42');
    await waitUntilReady(page);
    const weights = await readFile(new URL('../../dist/sample-weights.json', import.meta.url), 'utf8');
    await dropFiles(page, [{ name: 'sample-weights.json', content: weights, type: 'application/json' }]);
    await waitForLibraryMessage(page, /Loaded/);
    // Both row sets, as after a run with these settings; not all rows labelled "Training rows".
    expect(await metricValue(page, 'mse', 'validation')).toBeGreaterThan(0);
    expect(await metricValue(page, 'mse', 'train')).not.toBe(await metricValue(page, 'mse', 'validation'));
    expect(errors).toEqual([]);
  });
});

describe('the app moved in the page', () => {
  test('ends its engine when removed, starts a new one when added again, and handles each file once', async ({ open }) => {
    const { page, errors } = await open('?split=0');
    await waitUntilReady(page);
    const disposed = await page.locator('bmi-app').evaluate((app) => {
      const engine = (app as unknown as { engine: { dispose(): void } }).engine;
      const dispose = engine.dispose.bind(engine);
      let called = false;
      engine.dispose = () => {
        called = true;
        dispose();
      };
      const parent = app.parentNode!;
      app.remove();
      const result = called;
      parent.append(app);
      return result;
    });
    expect(disposed).toBe(true);
    await waitUntilReady(page);
    await loadCsv(page, 'again.csv', 'BMI,Life expectancy\n20,60\n25,70\n30,80\n');
    expect(await dataSummary(page)).toBe('3 rows from again.csv');
    expect(await dataError(page)).toBe('');
    expect(await filesRead(page)).toBe(1);
    expect(errors).toEqual([]);
  });
});
