/**
 * Several features on the page, end to end (issue 20's "Done when"): a CSV of R's stackloss data,
 * three features ticked in the data panel, trained on WebGPU; the fit summary is R's summary(lm())
 * of the same rows, the prediction and its interval are predict.lm's, a collinear and a constant
 * column are named and left out, the address carries the features and a reload restores them, and
 * the downloaded weights predict the same in a plain page's <bmi-predictor>.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { rFixture, type RFixture, type RTerm } from '../unit/r-lm-fixtures.ts';
import {
  backendBadge,
  control,
  downloadWeights,
  loadCsv,
  trainAndWait,
  untilRunEnds,
  waitForRunState,
  waitUntilReady,
} from './app-page.ts';
import { axeViolationsInEveryLook } from './axe.ts';
import { test } from './browser.ts';
import { serveStatic } from './static-server.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const FEATURES = ['Air.Flow', 'Water.Temp', 'Acid.Conc.'];

/** |a − b| within `tolerance` of |b|. */
function expectClose(actual: number, expected: number, tolerance: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R's ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** A row of the table: R's fields of a term, with the feature it names ('' for the intercept) and the estimate shown beside R's. */
type TermCells = Omit<RTerm, 'name'> & { feature: string; shown?: number };

/** The fit summary table as numbers: each term's cells (full precision, from data-value), and the overall statistics. */
function summaryTable(page: Page): Promise<{ terms: TermCells[]; stats: Record<string, number>; aliasedNote: string }> {
  return page.locator('fit-summary-table').evaluate((element) => {
    const root = element.shadowRoot!;
    const value = (row: Element, cell: string, attribute = 'data-value') => {
      const text = row.querySelector(`[data-cell=${cell}]`)?.getAttribute(attribute);
      return text == null ? undefined : Number(text);
    };
    const terms = [...root.querySelectorAll('table[data-several] tbody tr')].map((row) => ({
      feature: row.getAttribute('data-feature') ?? '',
      aliased: row.hasAttribute('data-aliased'),
      shown: value(row, 'shown'),
      estimate: value(row, 'estimate'),
      standardError: value(row, 'standard-error'),
      t: value(row, 't'),
      p: value(row, 'p'),
      low: value(row, 'ci', 'data-low'),
      high: value(row, 'ci', 'data-high'),
    }));
    const stats = Object.fromEntries(
      [...root.querySelectorAll('[data-stat]')].map((span) => [span.getAttribute('data-stat'), Number(span.getAttribute('data-value'))]),
    );
    const aliasedNote = (root.querySelector('[data-aliased-note]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { terms, stats, aliasedNote };
  });
}

/** Every number of the summary against R's, to 1e-6 relative; the trained estimates beside R's within `trained`. */
async function expectRSummary(page: Page, fixture: RFixture, trained: number): Promise<void> {
  const { terms, stats } = await summaryTable(page);
  expect(terms.map((term) => term.feature || '(Intercept)')).toEqual(fixture.coefficients.map((term) => term.name));
  fixture.coefficients.forEach((r, i) => {
    const term = terms[i];
    expect(term.aliased, r.name).toBe(r.aliased);
    if (r.aliased) return;
    expectClose(term.estimate!, r.estimate!, 1e-6, `${r.name} estimate`);
    expectClose(term.standardError!, r.standardError!, 1e-6, `${r.name} SE`);
    expectClose(term.t!, r.t!, 1e-6, `${r.name} t`);
    expectClose(term.p!, r.p!, 1e-6, `${r.name} p`);
    expectClose(term.low!, r.low!, 1e-6, `${r.name} CI low`);
    expectClose(term.high!, r.high!, 1e-6, `${r.name} CI high`);
    expectClose(term.shown!, r.estimate!, trained, `${r.name} trained estimate`);
  });
  expectClose(stats['residual-se'], fixture.residualStandardError, 1e-6, 'RSE');
  expect(stats.df).toBe(fixture.degreesOfFreedom);
  expectClose(stats.r2, fixture.r2, 1e-6, 'R²');
  expectClose(stats['adjusted-r2'], fixture.adjustedR2, 1e-6, 'adjusted R²');
  expectClose(stats.f, fixture.f, 1e-6, 'F');
  expectClose(stats['f-p'], fixture.fP, 1e-6, 'p of F');
}

interface Prediction {
  prediction: number;
  extrapolation: boolean;
  predictionInterval?: { low: number; high: number };
  inputs: Record<string, number>;
}

/** Types a point into a <bmi-predictor>'s fields (one per feature), presses Enter and returns the prediction event's detail. */
async function predictAt(page: Page, inputs: Record<string, number>, form = page.locator('bmi-predictor')): Promise<Prediction> {
  const heard = form.evaluate(
    (element) =>
      new Promise<unknown>((resolve) =>
        element.addEventListener('bmi-prediction', (event) => resolve((event as CustomEvent).detail), { once: true }),
      ),
  );
  const names = Object.keys(inputs);
  for (const name of names) await form.getByLabel(name, { exact: true }).fill(String(inputs[name]));
  await form.getByLabel(names.at(-1)!, { exact: true }).press('Enter');
  return (await heard) as Prediction;
}

describe('several features on the page', () => {
  test('three features ticked and trained on WebGPU give R’s summary and prediction; the weights predict the same in a plain page', async ({
    open,
  }) => {
    const { fixture } = rFixture('stackloss');
    const collinear = rFixture('stackloss-collinear');
    const app = await open('?split=0&epochs=600&lr=0.3&backend=webgpu');
    const { page } = app;
    await waitUntilReady(page);
    await expect.poll(() => backendBadge(page).textContent()).toMatch(/WebGPU/);
    await loadCsv(page, 'stackloss.csv', collinear.csv);

    // The target, then the three features: the first in the x axis's picker, the others ticked.
    await page.getByLabel('Target (y axis)').selectOption('stack.loss');
    await page.getByLabel('Feature (x axis)').selectOption('Air.Flow');
    const box = (name: string) => page.locator('data-panel [data-feature-boxes]').getByRole('checkbox', { name, exact: true });
    await box('Water.Temp').check();
    await box('Acid.Conc.').check();
    for (const name of FEATURES) await expect.poll(() => box(name).isChecked()).toBe(true);
    // The address carries them, in order, with plain commas between.
    expect(page.url()).toContain(`feature=${FEATURES.join(',')}`);
    expect(new URL(page.url()).searchParams.get('target')).toBe('stack.loss');

    // One Step: the run pauses with its weights; the summary says they are provisional, the form predicts with them.
    await control(page, 'Step').click();
    await waitForRunState(page, 'paused');
    await page.locator('fit-summary-table [data-provisional]').waitFor();
    await expect.poll(() => page.locator('bmi-predictor').getByRole('textbox').count()).toBe(3);
    await untilRunEnds(page, () => control(page, 'Stop').click());

    await trainAndWait(page);
    await expectRSummary(page, fixture, 1e-6);

    // A prediction with its interval, as predict.lm(..., interval = "prediction") gives it.
    const point = fixture.predictions[0];
    const form = page.locator('bmi-predictor');
    await expect.poll(() => form.getByRole('textbox').count()).toBe(3);
    const answer = await predictAt(page, point.inputs);
    expectClose(answer.prediction, point.fitted, 1e-6, 'prediction');
    expectClose(answer.predictionInterval!.low, point.prediction[0], 1e-6, 'prediction interval low');
    expectClose(answer.predictionInterval!.high, point.prediction[1], 1e-6, 'prediction interval high');
    // Each field says its training range; a point inside every range but outside the data's joint range is marked.
    await expect
      .poll(() => form.locator('[part=range]').allTextContents())
      .toEqual(['Training data: 50 to 80', 'Training data: 17 to 27', 'Training data: 72 to 93']);
    const outside = fixture.predictions[2];
    const far = await predictAt(page, outside.inputs);
    expect(far.extrapolation).toBe(true);
    expectClose(far.predictionInterval!.low, outside.prediction[0], 1e-6, 'prediction interval low, outside the joint range');
    await expect
      .poll(() => form.locator('[part=extrapolation]').textContent())
      .toMatch(/outside the data's joint range \(leverage 0\.812, above the training rows' largest, 0\.412\)/);

    // The weights, given to a plain page's <bmi-predictor>: three fields, the same prediction and interval.
    const dir = await mkdtemp(join(tmpdir(), 'several-features-'));
    const weights = (await downloadWeights(page, dir)).bytes.toString('utf8');
    await rm(dir, { recursive: true, force: true });
    const attribute = weights.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
    const server = await serveStatic(dist, {
      '/plain-several.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title></head><body><script type="module" src="bmi-predictor.js"></script><bmi-predictor weights='${attribute}'></bmi-predictor></body></html>`,
      '/favicon.ico': '',
    });
    try {
      const plain = await open(`${server.url}/plain-several.html`);
      const element = plain.page.locator('bmi-predictor');
      await expect.poll(() => element.getByRole('textbox').count()).toBe(3);
      const there = await predictAt(plain.page, point.inputs, element);
      expect(there.prediction).toBe(answer.prediction);
      expect(there.predictionInterval).toEqual(answer.predictionInterval);
      expect((await predictAt(plain.page, outside.inputs, element)).extrapolation).toBe(true);
      expect(plain.errors).toEqual([]);
    } finally {
      await server.close();
    }

    // A column that is a linear combination of two chosen ones, and a constant one: named and left out, as R does.
    await box('Air.Plus.Water').check();
    await box('Plant').check();
    await trainAndWait(page);
    const reordered = {
      ...collinear.fixture,
      coefficients: ['(Intercept)', ...FEATURES, 'Air.Plus.Water', 'Plant'].map((name) =>
        collinear.fixture.coefficients.find((term) => term.name === name)!,
      ),
    };
    await expectRSummary(page, reordered, 1e-6);
    // Boxes, the table with its aliased rows, the form's three fields: nothing axe finds, light and dark, 1280 to 360 px.
    expect(await axeViolationsInEveryLook(page)).toEqual({});
    expect((await summaryTable(page)).aliasedNote).toMatch(/^2 coefficients not defined because of singularities: Air.Plus.Water, Plant /);

    // A reload keeps the features in the address; the same file given again gets them back.
    await box('Plant').uncheck();
    await box('Air.Plus.Water').uncheck();
    await expect.poll(() => page.url()).toContain(`feature=${FEATURES.join(',')}&`);
    await page.reload();
    await waitUntilReady(page);
    expect(page.url()).toContain(`feature=${FEATURES.join(',')}`);
    await loadCsv(page, 'stackloss.csv', collinear.csv);
    for (const name of FEATURES) await expect.poll(() => box(name).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Target (y axis)').inputValue()).toBe('stack.loss');
    expect(app.errors).toEqual([]);
  });
});
