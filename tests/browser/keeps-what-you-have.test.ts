/**
 * Issue 10 in the app, in a real browser: a failed run never replaces the model (item 2); Undo after
 * every replacement and persistence that follows what is current (item 3); the defaults train on
 * every row and give the command line's numbers (item 4); paused means paused (item 5); and a
 * prediction that is not finite is a message (item 1, the form).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  control,
  deleteSaved,
  predictText,
  predictorLine,
  statusText,
  trainAndWait,
  untilRunEnds,
  waitForEpochAbove,
  waitForLibraryMessage,
  waitForRunState,
  waitUntilReady,
} from './app-page.ts';
import { test } from './browser.ts';

const sampleText = readFileSync(fileURLToPath(new URL('../../public/sample-weights.json', import.meta.url)), 'utf8');
const sample = JSON.parse(sampleText) as { slope: number; intercept: number };

async function loadSample(page: Page, name = 'sample.json'): Promise<void> {
  await page.getByLabel('Load weights file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(sampleText) });
  await waitForLibraryMessage(page, new RegExp(`Loaded the weights file "${name}"`));
}

const undoBar = (page: Page) => page.locator('undo-bar');
const undoButton = (page: Page) => undoBar(page).getByRole('button', { name: 'Undo', exact: true });

/** Reloads and waits until the app has had its chance to restore a model from the last visit. */
async function reloadAndSettle(page: Page): Promise<void> {
  await page.reload();
  await waitUntilReady(page);
  // Saving in the browser is "on" once the model from the last visit, if any, is restored.
  await expect
    .poll(() =>
      page.locator('model-library').evaluate((library) => (library as HTMLElement & { storage: { state: string } }).storage.state),
    )
    .toBe('on');
}

describe('a run that fails never replaces the model (item 2)', () => {
  test('a diverged run keeps the loaded model, current and stored; the reload brings that model back', async ({ open }) => {
    const { page, errors } = await open('?lr=10&epochs=1000');
    await waitUntilReady(page);
    await loadSample(page);
    await trainAndWait(page);
    expect(await statusText(page)).toMatch(/^Training diverged at epoch \d+ .*; the model you had is kept\./);
    expect(await predictorLine(page)).toEqual({ slope: sample.slope, intercept: sample.intercept });
    expect((await predictText(page, '28.45')).output).toBe('78.9 years');

    await page.reload();
    await page
      .locator('model-library [data-current]')
      .filter({ hasText: /Restored from your last visit/ })
      .waitFor();
    expect(await predictorLine(page)).toEqual({ slope: sample.slope, intercept: sample.intercept });
    expect(errors).toEqual([]);
  });

  test('a run stopped at once keeps the model when it trained no epoch, else its model replaces it with an Undo', async ({ open }) => {
    const { page, errors } = await open('?epochs=100000');
    await waitUntilReady(page);
    await loadSample(page);
    await untilRunEnds(page, async () => {
      await control(page, 'Train').click();
      await control(page, 'Stop').click();
    });
    const status = await statusText(page);
    if (status.includes('before the first epoch')) {
      expect(await predictorLine(page)).toEqual({ slope: sample.slope, intercept: sample.intercept });
    } else {
      // The run got an epoch in before Stop: a finished run, so it replaced the model, with an Undo.
      expect(status).toMatch(/^Stopped after [\d,]+ epochs?/);
      await undoButton(page).click();
      expect(await predictorLine(page)).toEqual({ slope: sample.slope, intercept: sample.intercept });
    }
    expect(errors).toEqual([]);
  });
});

describe('Undo, and persistence that follows what is current (item 3)', () => {
  test('Reset offers Undo; undone, the model is back; reset again, a reload shows no model', async ({ open }) => {
    const { page, errors } = await open('?epochs=20');
    await waitUntilReady(page);
    await loadSample(page);
    await control(page, 'Reset').click();
    expect((await predictText(page, '25')).output).toBe('—');
    await expect(undoBar(page).locator('[data-undo]').textContent()).resolves.toMatch(/Reset\./);
    await undoButton(page).click();
    expect(await predictorLine(page)).toEqual({ slope: sample.slope, intercept: sample.intercept });
    // Undone: what is kept for the next visit is the model again.
    await page.reload();
    await page
      .locator('model-library [data-current]')
      .filter({ hasText: /Restored from your last visit/ })
      .waitFor();

    await control(page, 'Reset').click();
    expect((await predictText(page, '25')).output).toBe('—');
    await reloadAndSettle(page);
    await expect(page.locator('model-library [data-current]').textContent()).resolves.toMatch(/No model yet/);
    expect(await predictorLine(page)).toBeNull();
    expect(errors).toEqual([]);
  });

  test('a finished run and a loaded file each offer Undo back to the model before them', async ({ open }) => {
    const { page, errors } = await open('?epochs=3&lr=0.01');
    await waitUntilReady(page);
    await loadSample(page);
    await trainAndWait(page);
    const trained = await predictorLine(page);
    expect(trained).not.toEqual({ slope: sample.slope, intercept: sample.intercept });
    await expect(undoBar(page).locator('[data-undo]').textContent()).resolves.toMatch(/Trained a new model/);
    await undoButton(page).click();
    expect(await predictorLine(page)).toEqual({ slope: sample.slope, intercept: sample.intercept });

    await trainAndWait(page);
    await loadSample(page, 'again.json');
    await expect(undoBar(page).locator('[data-undo]').textContent()).resolves.toMatch(/Loaded the weights file "again\.json"/);
    await undoButton(page).click();
    expect(await predictorLine(page)).not.toEqual({ slope: sample.slope, intercept: sample.intercept });
    expect(errors).toEqual([]);
  });

  test('a deleted saved model comes back with Undo', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await loadSample(page);
    await page.getByLabel('Model name').fill('keep me');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForLibraryMessage(page, /Saved "keep me"/);
    await deleteSaved(page, 'keep me');
    await waitForLibraryMessage(page, /Deleted the saved model "keep me"/);
    await expect(page.getByRole('button', { name: 'Delete model keep me', exact: true }).count()).resolves.toBe(0);
    await undoButton(page).click();
    await waitForLibraryMessage(page, /Saved "keep me" again/);
    await page.getByRole('button', { name: 'Delete model keep me', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the defaults agree with the command line (item 4)', () => {
  test('trains on every row: Train, then BMI 21.07931 → 60.3 and 28.45 → 78.9', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await trainAndWait(page);
    await expect(page.locator('metrics-panel #validation').count()).resolves.toBe(0);
    expect((await predictText(page, '21.07931')).output).toBe('60.3 years');
    expect((await predictText(page, '28.45')).output).toBe('78.9 years');
    expect(errors).toEqual([]);
  });
});

describe('paused means paused (item 5)', () => {
  test('no time left while paused, the model card says paused, and Predict uses the paused line, labelled', async ({ open }) => {
    // Mini-batches, so the run is still going when Pause comes (100,000 full-batch epochs take a second).
    const { page, errors } = await open('?epochs=100000&lr=0.001&batch=32');
    await waitUntilReady(page);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    await waitForEpochAbove(page, 3);
    await expect.poll(() => page.locator('training-progress [data-progress=time-left]').textContent()).toMatch(/left/);
    await control(page, 'Pause').click();
    await waitForRunState(page, 'paused');

    expect(((await page.locator('training-progress [data-progress=time-left]').textContent()) ?? '').trim()).toBe('');
    await expect(page.locator('model-library [data-training-hint]').textContent()).resolves.toMatch(/Training is paused/);
    await expect(page.locator('[data-predict-source]').textContent()).resolves.toMatch(/paused run's line \(epoch \d+\)/);
    const { output, message } = await predictText(page, '25');
    expect(message).not.toMatch(/No model/);
    expect(output).toMatch(/^\d+\.\d years$/);

    await control(page, 'Stop').click();
    await waitForRunState(page, 'idle');
    await expect(page.locator('[data-predict-source]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a prediction that is not finite is a message (item 1, the form)', () => {
  test('says so instead of showing Infinity', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await page.locator('bmi-predictor').evaluate(
      (element, weights) => {
        (element as HTMLElement & { model: unknown }).model = { ...(weights as object), slope: 1e308 };
      },
      JSON.parse(sampleText) as unknown,
    );
    const { output, message } = await predictText(page, '28.45');
    expect(output).toBe('—');
    expect(message).toMatch(/no finite prediction/);
    expect(errors).toEqual([]);
  });
});
