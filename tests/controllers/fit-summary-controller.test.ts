/**
 * The fit summary alone: R's summary of the line shown on its training rows once its code has loaded,
 * provisional during a run (and refreshed at most every quarter second while running), none without a
 * line; the bands and a paused run's model with its interval statistics, the same objects while
 * nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { featureNamesOf, parseCsv, type Dataset } from '../../src/core/data/dataset.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import type { Model } from '../../src/core/model/model.ts';
import collinearCsv from '../fixtures/r-lm/stackloss-collinear.csv?raw';
import collinearR from '../fixtures/r-lm/stackloss-collinear.json';
import type { Line } from '../../src/core/model/predict.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { FitSummaryController } from '../../src/ui/controllers/fit-summary-controller.ts';
import { fiveRows, REFERENCE_LINE, referenceModel } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

async function setUp() {
  const page = { line: REFERENCE_LINE as Line | Model | null, data: fiveRows() as Dataset | null, provisional: false, running: false };
  const host = new StubHost();
  const summary = new FitSummaryController(host, {
    line: () => page.line,
    data: () => page.data,
    training: () => DEFAULT_SETTINGS,
    provisional: () => page.provisional,
    running: () => page.running,
  });
  host.connect();
  // The summary's code loads after connection; then the host renders again.
  await expect.poll(() => summary.view.state).toBe('ready');
  const render = async () => {
    host.requestUpdate();
    await host.updateComplete;
  };
  return { host, summary, page, render };
}

const collinear = collinearR as { coefficients: { name: string; standardError?: number }[] };

describe('FitSummaryController', () => {
  it('summarises the line shown on the training rows, with the bands that go with it', async () => {
    const { summary } = await setUp();
    const { view } = summary;
    if (view.state !== 'ready' || !view.result.ok) throw new Error('no summary');
    expect(view.line).toBe(REFERENCE_LINE);
    expect(view.provisional).toBe(false);
    expect(view.result.summary.degreesOfFreedom).toBe(3);
    expect(view.result.summary.basis.rows).toBe(5);
    const bands = summary.bands;
    expect(bands?.line).toBe(REFERENCE_LINE);
    expect(summary.bands).toBe(bands);
  });

  it('has none without a line or data', async () => {
    const { summary, page, render } = await setUp();
    page.line = null;
    await render();
    expect(summary.view).toEqual({ state: 'none' });
    expect(summary.bands).toBeNull();
  });

  it("marks a run's line provisional, and while it runs keeps the last summary between refreshes", async () => {
    const { summary, page, render } = await setUp();
    page.provisional = true;
    page.running = true;
    page.line = { slope: 2, intercept: 10 };
    await render();
    const first = summary.view;
    expect(first).toMatchObject({ state: 'ready', provisional: true, line: page.line });
    page.line = { slope: 2.1, intercept: 9 };
    await render();
    // Within a quarter second of the last one: the same summary, still provisional.
    expect(summary.view).toBe(first);
    page.running = false; // paused: every line is summarised at once
    await render();
    expect(summary.view).toMatchObject({ state: 'ready', provisional: true, line: page.line });
  });

  it("gives a paused run's model the summary's interval statistics when they are of its line, else says they are not there yet", async () => {
    const { summary } = await setUp();
    const model = { ...referenceModel(), ...REFERENCE_LINE };
    const withIntervals = summary.withIntervals(model);
    expect(withIntervals.intervals).toBe(summary.bands?.basis);
    expect(summary.withIntervals(model)).toBe(withIntervals);
    const other = summary.withIntervals({ ...model, slope: 1 });
    expect(other.intervals).toEqual({ unavailable: "the paused run's line has no interval statistics yet" });
  });

  it("several features: R's summary of the exact fit with the weights shown beside it, an aliased feature named; the data without it for the views", async () => {
    const parsed = parseCsv(collinearCsv, {
      features: ['Air.Flow', 'Water.Temp', 'Acid.Conc.', 'Air.Plus.Water', 'Plant'],
      target: 'stack.loss',
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const data = parsed.dataset;
    const { summary, page, render } = await setUp();
    const model = closedFormModel(data, new Date('2026-12-06T00:00:00Z'));
    expect(model.aliasedFeatures).toEqual(['Air.Plus.Water', 'Plant']);
    page.data = data;
    page.line = model;
    await render();
    const { view } = summary;
    if (view.state !== 'several' || !view.result.ok) throw new Error('no summary of several features');
    const r = collinear.coefficients;
    expect(view.result.summary.terms.map((term) => term.name)).toEqual([
      '(Intercept)',
      'Air.Flow',
      'Water.Temp',
      'Acid.Conc.',
      'Air.Plus.Water',
      'Plant',
    ]);
    expect(view.result.summary.terms.slice(4).map((term) => term.coefficient)).toEqual([null, null]);
    const se = view.result.summary.terms[1].coefficient!.standardError;
    expect(Math.abs(se - r.find((term) => term.name === 'Air.Flow')!.standardError!)).toBeLessThan(1e-9);
    expect(view.shown).toEqual([model.intercept, model.slope, ...model.moreFeatures!.map((more) => more.coefficient), null, null]);
    expect(view.metrics.train.mse).toBeCloseTo(view.metrics.optimum.mse, 10);
    // No bands (they are the one-feature scatter plot's); the views get the data without the aliased columns.
    expect(summary.bands).toBeNull();
    const fitted = summary.fittedData(data)!;
    expect(featureNamesOf(fitted)).toEqual(['Air.Flow', 'Water.Temp', 'Acid.Conc.']);
    expect(summary.fittedData(data)).toBe(fitted);
    // A paused run's model of several features gets the joint intervals of its own weights.
    const paused = summary.withIntervals({ ...model, intervals: undefined });
    expect(paused.intervals && 'inverseCrossProducts' in paused.intervals).toBe(true);
    expect(summary.withIntervals(paused)).not.toBe(paused);
  });
});
