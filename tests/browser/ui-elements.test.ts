/**
 * The panels' own behaviour in the app: one handler per dropped file, focus kept when a run ends,
 * what screen readers are told, and text that must not go stale.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contrastRatio,
  control,
  deepFocus,
  dropFiles,
  predictorLine,
  predictorMessage,
  setEpochs,
  untilRunEnds,
  waitForLibraryMessage,
  waitForRunState,
  waitUntilReady,
} from './app-page.ts';
import { launchBrowser, openApp, type AppPage } from './browser.ts';

let browser: Browser;
const pages: AppPage[] = [];

async function freshApp(path = '?split=0'): Promise<AppPage> {
  const app = await openApp(browser, path);
  pages.push(app);
  await waitUntilReady(app.page);
  return app;
}

beforeAll(async () => {
  browser = await launchBrowser({ webgpu: true });
});
afterAll(async () => {
  for (const { errors } of pages) expect(errors).toEqual([]);
  await browser.close();
});

describe('files dropped on the prediction form', () => {
  it('a CSV is loaded as data, and the form does not also try to read it as weights', async () => {
    const { page } = await freshApp();
    await dropFiles(page, [{ name: 'two.csv', content: 'Bmi,Country,LifeExpectancy\n20,A,60\n22,B,65\n26,D,75\n', type: 'text/csv' }], page.locator('bmi-predictor'));
    await page.locator('data-panel [data-summary]').filter({ hasText: /3\s+rows from\s+two\.csv/ }).waitFor();
    expect(await predictorMessage(page)).not.toMatch(/two\.csv|JSON/);
  });

  it('weights dropped while training are refused once, and the form keeps the current model too', async () => {
    const { page } = await freshApp();
    const sample = await readFile('public/sample-weights.json');
    const weights = JSON.parse(sample.toString('utf8'));
    await setEpochs(page, 100_000);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    const before = await predictorLine(page);
    await dropFiles(page, [{ name: 'sample-weights.json', content: sample, type: 'application/json' }], page.locator('bmi-predictor'));
    await waitForLibraryMessage(page, /Training is running.*The current model is kept/);
    const after = await predictorLine(page);
    expect(after).toEqual(before);
    expect(after?.slope).not.toBe(weights.slope);
    await control(page, 'Stop').click();
    await waitForRunState(page, 'idle');
  });
});

describe('keyboard focus', () => {
  it('stays on a run control when a run started with Enter ends by itself', async () => {
    const { page } = await freshApp();
    await setEpochs(page, 30);
    const train = control(page, 'Train');
    await train.focus();
    await untilRunEnds(page, () => page.keyboard.press('Enter'));
    await waitForRunState(page, 'idle');
    const focus = await deepFocus(page);
    expect(focus).toMatchObject({ tag: 'BUTTON', host: 'training-panel' });
    expect(focus.action).toBe('train');
  });
});

describe('contrast (WCAG 1.4.11, 3:1 for focus rings and field borders)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`focus ring and field borders stand out in the ${scheme} scheme, in the app and in the prediction form`, async () => {
      const { page } = await freshApp();
      await page.emulateMedia({ colorScheme: scheme });
      const surface = await page.locator('bmi-app').evaluate((app) => getComputedStyle(app).getPropertyValue('--bp-surface').trim());
      const surfaceRgb = await page.evaluate((color) => {
        const probe = document.createElement('div');
        probe.style.color = color;
        document.body.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        return rgb;
      }, surface);
      await page.keyboard.press('Tab'); // keyboard use, so :focus-visible applies to what is focused next
      const train = control(page, 'Train');
      await train.focus();
      const ring = await train.evaluate((button) => getComputedStyle(button).outlineColor);
      expect(contrastRatio(ring, surfaceRgb)).toBeGreaterThanOrEqual(3);
      const epochs = page.getByLabel('Epochs', { exact: true });
      const border = await epochs.evaluate((input) => getComputedStyle(input).borderTopColor);
      expect(contrastRatio(border, surfaceRgb)).toBeGreaterThanOrEqual(3);
      const field = page.locator('bmi-predictor').getByLabel('BMI', { exact: true });
      await field.focus();
      const predictorRing = await field.evaluate((input) => getComputedStyle(input).outlineColor);
      expect(contrastRatio(predictorRing, surfaceRgb)).toBeGreaterThanOrEqual(3);
    });
  }
});
