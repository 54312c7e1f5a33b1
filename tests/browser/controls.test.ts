/**
 * Steering a run in the worker: Pause, Resume, Step, Stop and Reset, with buttons disabled when they
 * make no sense and the keyboard working for all of them; early stopping, divergence, reproducible
 * seeds, tensors that do not pile up, and a main thread free of long tasks while training.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  control,
  lossPoints,
  metricValue,
  modelLine,
  plottedLine,
  predictText,
  progressEpoch,
  runState,
  setSetting,
  statusText,
  tensorCount,
  trainAndWait,
  untilRunEnds,
  waitForEpochAbove,
  waitForRunState,
  waitUntilReady,
} from './app-page.ts';
import { test, type Open } from './browser.ts';

async function enabledControls(page: Page): Promise<string[]> {
  const names = ['Train', 'Pause', 'Resume', 'Step', 'Stop', 'Reset'] as const;
  const enabled = await Promise.all(names.map((name) => control(page, name).isEnabled()));
  return names.filter((_, i) => enabled[i]);
}

/** The name of the focused run-control button, if one is focused. */
function focusedControl(page: Page): Promise<string | undefined> {
  return page.locator('training-panel').evaluate((panel) => {
    const focused = panel.shadowRoot?.activeElement;
    return focused instanceof HTMLButtonElement ? focused.textContent?.trim() : undefined;
  });
}

/** A fresh page with a run long enough (100,000 epochs) to be still going while the test steers it. */
async function longRunPage(open: Open) {
  // Slow epochs (mini-batches, small steps): 100,000 full-batch epochs take seconds on fused WebGPU.
  const app = await open('?epochs=100000&batch=32&lr=0.001');
  await waitUntilReady(app.page);
  return app;
}

/** Starts the long run and pauses it a few epochs in; returns the epoch it paused after. */
async function trainThenPause(page: Page): Promise<number> {
  await control(page, 'Train').click();
  await waitForRunState(page, 'running');
  await waitForEpochAbove(page, 5);
  await control(page, 'Pause').click();
  await waitForRunState(page, 'paused');
  return progressEpoch(page);
}

/**
 * Clicks Step (or presses a key on it) and waits until the run is paused again one epoch later. The
 * worker reports "paused" after the epoch's progress, in order, so nothing is still on its way then.
 */
async function stepOnce(page: Page, press: () => Promise<void> = () => control(page, 'Step').click()): Promise<void> {
  const expected = (await progressEpoch(page)) + 1;
  await press();
  await page
    .locator('training-progress [data-progress=epoch]')
    .filter({ hasText: new RegExp(`^${expected.toLocaleString('en-US')} of`) })
    .waitFor();
  await waitForRunState(page, 'paused');
}

interface LongTaskRecorder {
  seen: PerformanceEntry[];
  observer: PerformanceObserver;
}

/** An init script: records the page's long tasks from its first moment (they are only observable). */
function recordLongTasks(): void {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  (window as unknown as { longTasks: LongTaskRecorder }).longTasks = { seen, observer };
}

describe('run controls', () => {
  test('enable only Train and Step before any run; Step starts a run of one epoch, paused; Reset while paused drops it', async ({
    open,
  }) => {
    const { page, errors } = await longRunPage(open);
    expect(await enabledControls(page)).toEqual(['Train', 'Step']);
    await control(page, 'Step').click();
    await waitForRunState(page, 'paused');
    expect(await progressEpoch(page)).toBe(1);
    expect((await lossPoints(page)).map((p) => p.epoch)).toEqual([0, 1]);
    await untilRunEnds(page, () => control(page, 'Reset').click());
    expect(await runState(page)).toBe('idle');
    expect((await predictText(page, '25')).output).toBe('—');
    expect(await lossPoints(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('pause, step exactly one epoch at a time while paused, then resume from the same epoch', async ({ open }) => {
    const { page, errors } = await longRunPage(open);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    expect(await enabledControls(page)).toEqual(['Pause', 'Stop']);
    await expect(page.locator('training-settings').getByLabel('Epochs', { exact: true }).isDisabled()).resolves.toBe(true);
    await waitForEpochAbove(page, 5);
    await control(page, 'Pause').click();
    await waitForRunState(page, 'paused');
    expect(await enabledControls(page)).toEqual(['Resume', 'Step', 'Stop', 'Reset']);
    const pausedAt = await progressEpoch(page);
    expect(pausedAt).toBeGreaterThan(0);
    expect(await statusText(page)).toBe(`Paused after epoch ${pausedAt.toLocaleString('en-US')} of 100,000.`);
    expect((await lossPoints(page)).at(-1)?.epoch).toBe(pausedAt);

    for (const expected of [pausedAt + 1, pausedAt + 2]) {
      await stepOnce(page);
      expect(await progressEpoch(page)).toBe(expected);
      expect((await lossPoints(page)).at(-1)?.epoch).toBe(expected);
    }

    await control(page, 'Resume').click();
    await waitForEpochAbove(page, pausedAt + 7);
    const points = await lossPoints(page);
    // One unbroken run: epochs 0 (the start), 1, 2… with no restart after the pause, and the loss carried on.
    expect(points.map((p) => p.epoch)).toEqual(points.map((_, i) => i));
    expect(points[pausedAt + 3].trainLoss).toBeLessThanOrEqual(points[pausedAt + 2].trainLoss * (1 + 1e-6));
    expect(points[pausedAt].trainLoss).toBeLessThan(points[0].trainLoss);
    expect(errors).toEqual([]);
  });

  test('Stop keeps the weights reached; Reset then goes back to untrained', async ({ open }) => {
    const { page, errors } = await longRunPage(open);
    const paused = await trainThenPause(page);
    const reached = await plottedLine(page);
    await untilRunEnds(page, () => control(page, 'Stop').click());
    expect(await statusText(page)).toBe(`Stopped after ${paused.toLocaleString('en-US')} epochs; kept the weights reached.`);
    expect(await modelLine(page)).toEqual(reached);
    expect((await predictText(page, '25')).output).toMatch(/^\d+\.\d years$/);
    expect(await enabledControls(page)).toEqual(['Train', 'Step', 'Reset']);

    await control(page, 'Reset').click();
    const result = await predictText(page, '25');
    expect(result.output).toBe('—');
    expect(result.message).toMatch(/No model loaded/);
    await expect(
      page
        .locator('metrics-panel')
        .getByText(/Train a model/)
        .count(),
    ).resolves.toBe(1);
    expect(await lossPoints(page)).toEqual([]);
    expect(await plottedLine(page)).toBeNull();
    expect(await enabledControls(page)).toEqual(['Train', 'Step']);
    expect(errors).toEqual([]);
  });

  test('work from the keyboard, focus following the buttons that make sense', async ({ open }) => {
    const { page, errors } = await longRunPage(open);
    await control(page, 'Train').focus();
    await page.keyboard.press('Enter');
    await waitForRunState(page, 'running');
    await expect.poll(() => focusedControl(page)).toBe('Pause');
    await page.keyboard.press('Space');
    await waitForRunState(page, 'paused');
    await expect.poll(() => focusedControl(page)).toBe('Resume');
    await page.keyboard.press('Tab'); // Step
    expect(await focusedControl(page)).toBe('Step');
    await stepOnce(page, () => page.keyboard.press('Enter'));
    await page.keyboard.press('Tab'); // Stop
    await untilRunEnds(page, () => page.keyboard.press('Enter'));
    await expect.poll(() => focusedControl(page)).toBe('Train');
    await control(page, 'Reset').focus();
    await page.keyboard.press('Enter');
    expect((await predictText(page, '25')).output).toBe('—');
    expect(errors).toEqual([]);
  });
});

describe('early stopping and divergence', () => {
  test('stops early and restores the weights with the best validation loss', async ({ open }) => {
    // SGD at 0.9 overshoots back and forth: the validation loss falls, rises and falls again.
    const { page, errors } = await open('?split=0.2&lr=0.9&epochs=500&patience=3&improve=0.0001');
    await waitUntilReady(page);
    await trainAndWait(page);
    const status = await statusText(page);
    const match =
      /^Stopped early after (\d+) epochs: the validation loss had not improved for 3 epochs\. Restored the best weights, from epoch (\d+)/.exec(
        status,
      );
    expect(match, status).not.toBeNull();
    const [stoppedAt, bestEpoch] = [Number(match![1]), Number(match![2])];
    expect(stoppedAt).toBe(bestEpoch + 3);
    const points = await lossPoints(page);
    expect(points.at(-1)?.epoch).toBe(stoppedAt);
    const best = points.reduce((a, b) => (b.validationLoss! < a.validationLoss! ? b : a));
    expect(best.epoch).toBe(bestEpoch);
    // The model on the page has exactly the best validation loss seen (float32 on the GPU vs float64 here).
    const validationMse = Number(await page.locator('metrics-panel #validation [data-metric=mse]').textContent());
    expect(Math.abs(validationMse - best.validationLoss!)).toBeLessThan(1e-3);
    expect(validationMse).toBeLessThan(points.at(-1)!.validationLoss! - 0.01);
    expect(errors).toEqual([]);
  });

  test('stops a diverging run (SGD, learning rate 10) by itself; its starting line does not become the model', async ({ open }) => {
    const { page, errors } = await open('?lr=10&epochs=1000');
    await waitUntilReady(page);
    await trainAndWait(page);
    const status = await statusText(page);
    // Issue 10: a diverged run never replaces the model (here: none); its last good weights are its starting line, so nothing is offered.
    expect(status).toMatch(/^Training diverged at epoch \d+ \(.+\); the model you had is kept\. Try a smaller learning rate\./);
    expect((await lossPoints(page)).length).toBeLessThan(1000);
    const { output } = await predictText(page, '25');
    expect(output).toBe('—');
    expect(errors).toEqual([]);
  });
});

describe('reproducible runs', () => {
  test('gives the same split and the same final weights for the same seed, twice and after a reload', async ({ open }) => {
    const url = '?split=0.2&seed=7&batch=16&epochs=20&optimizer=adam&lr=0.05';
    const first = await open(url);
    await waitUntilReady(first.page);
    const runOnce = async (page: Page) => {
      await trainAndWait(page);
      return {
        line: await modelLine(page),
        validation: await metricValue(page, 'mse', 'validation'),
        optimum: await page.locator('metrics-panel [data-optimum]').getAttribute('data-optimum'),
      };
    };
    const a = await runOnce(first.page);
    // Mini-batch Adam on WebGPU gets close to the optimum of the training rows.
    expect(Math.abs((await metricValue(first.page, 'mse')) - Number(a.optimum)) / Number(a.optimum)).toBeLessThan(0.02);
    const b = await runOnce(first.page);
    expect(b).toEqual(a);

    const second = await open(url);
    await waitUntilReady(second.page);
    expect(await runOnce(second.page)).toEqual(a);

    // Another seed, another split.
    await setSetting(second.page, 'Split seed', '8');
    const other = await runOnce(second.page);
    expect(other.optimum).not.toBe(a.optimum);
    expect([first.errors, second.errors]).toEqual([[], []]);
  });
});

describe('resources and responsiveness', () => {
  test('keeps the same number of tensors after 10 runs as after the first', async ({ open }) => {
    const { page, errors } = await open('?epochs=20');
    await waitUntilReady(page);
    await trainAndWait(page);
    const afterFirst = await tensorCount(page);
    const variants: [string, string][] = [
      ['Optimizer', 'adam'],
      ['Batch size', '16'],
      ['Validation rows (%)', '20'],
      ['Learning rate', '10'],
      ['Learning rate', '0.1'],
    ];
    for (let run = 2; run <= 10; run++) {
      const variant = variants[run % variants.length];
      await setSetting(page, variant[0], variant[1]);
      await trainAndWait(page);
    }
    expect(await tensorCount(page)).toBe(afterFirst);
    expect(errors).toEqual([]);
  });

  test('has no long task on the page while a 200-epoch run trains in the worker', async ({ open }) => {
    const { page, errors } = await open('?epochs=200', { initScript: recordLongTasks });
    await waitUntilReady(page);
    const loadedAt = await page.evaluate(() => performance.now());
    await trainAndWait(page);
    expect((await lossPoints(page)).length).toBe(201);
    const longTasks = await page.evaluate((since) => {
      const recorder = (window as unknown as { longTasks: LongTaskRecorder }).longTasks;
      // takeRecords: the entries observed but not yet handed to the callback, so none is missed.
      const entries = [...recorder.seen, ...recorder.observer.takeRecords()];
      return entries.filter((entry) => entry.startTime >= since).map((entry) => ({ start: entry.startTime, duration: entry.duration }));
    }, loadedAt);
    expect(longTasks).toEqual([]);
    expect(errors).toEqual([]);
  });
});
