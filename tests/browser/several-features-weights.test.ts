/**
 * A weights file of several features (version 3) dropped on the page: kept as the model (a warning
 * says the loaded data has other columns), the prediction form shows a field per feature and predicts
 * R's value, and nothing on the page fails.
 */
import { afterEach, describe, expect } from 'vitest';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { serializeWeights } from '../../src/core/model/weights-file.ts';
import { rFixture } from '../unit/r-lm-fixtures.ts';
import { dropFiles, waitForLibraryMessage, waitUntilReady } from './app-page.ts';
import { test, type AppPage } from './browser.ts';

const pages: AppPage[] = [];
afterEach(() => {
  for (const { errors } of pages.splice(0)) expect(errors).toEqual([]);
});

function treesWeights(): string {
  const { fixture, csv } = rFixture('trees');
  const parsed = parseCsv(csv, { features: fixture.features, target: fixture.target });
  if (!parsed.ok) throw new Error(parsed.error);
  return serializeWeights(closedFormModel(parsed.dataset, new Date('2026-12-05T00:00:00Z')));
}

describe('a weights file of several features on the page', () => {
  test('is taken as the model, and the form predicts from a field per feature', async ({ open }) => {
    const app = await open('?split=0');
    pages.push(app);
    const { page } = app;
    await waitUntilReady(page);
    await dropFiles(page, [{ name: 'trees.json', content: treesWeights() }]);
    await waitForLibraryMessage(page, /a column the loaded data does not have/);
    const form = page.locator('bmi-predictor');
    await form.getByLabel('Girth', { exact: true }).fill('13');
    await form.getByLabel('Height', { exact: true }).fill('76');
    await form.getByLabel('Height', { exact: true }).press('Enter');
    const { fixture } = rFixture('trees');
    await expect
      .poll(async () => (await page.locator('bmi-predictor output').textContent())?.trim())
      .toBe(fixture.predictions[0].fitted.toFixed(1));
  });
});
