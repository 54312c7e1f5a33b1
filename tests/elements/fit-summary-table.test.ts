/** `<fit-summary-table>` alone: R's coefficient table, the overall fit, the slope in words, provisional. */
import { describe, expect, it } from 'vitest';
import type { FitSummary } from '../../src/core/stats/fit-summary.ts';
import '../../src/ui/fit-summary-table.ts';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { datasetCrossProducts } from '../../src/core/data/dataset-facts.ts';
import { splitMetrics } from '../../src/core/data/split.ts';
import { leastSquaresFit } from '../../src/core/stats/least-squares-fit.ts';
import { regressionSummary } from '../../src/core/stats/regression-summary.ts';
import collinearCsv from '../fixtures/r-lm/stackloss-collinear.csv?raw';
import stacklossR from '../fixtures/r-lm/stackloss.json';
import { R_SUMMARY } from '../unit/statistics-reference.ts';
import { REFERENCE_LINE, fiveRows } from './fixtures.ts';
import { mount, part, shadowOf, textOf, update } from './mount.ts';

/** R's summary of the bundled data as the element receives it. */
function referenceSummary(): FitSummary {
  const level = 0.95;
  const coefficient = (estimate: number, r: { standardError: number; t: number; p: number; low: number; high: number }) => ({
    estimate,
    standardError: r.standardError,
    t: r.t,
    p: r.p,
    confidenceInterval: { level, low: r.low, high: r.high },
  });
  return {
    slope: coefficient(REFERENCE_LINE.slope, R_SUMMARY.slope),
    intercept: coefficient(REFERENCE_LINE.intercept, R_SUMMARY.intercept),
    residualStandardError: R_SUMMARY.residualStandardError,
    degreesOfFreedom: 161,
    r2: R_SUMMARY.r2,
    adjustedR2: R_SUMMARY.adjustedR2,
    f: R_SUMMARY.f,
    fP: R_SUMMARY.fP,
    basis: {
      level,
      rows: 163,
      featureMean: 24.792377975460127,
      featureSumOfSquares: 954.9410884058316,
      residualStandardError: R_SUMMARY.residualStandardError,
      degreesOfFreedom: 161,
      tQuantile: R_SUMMARY.tQuantile,
    },
  };
}

const ready = (provisional = false) =>
  ({ state: 'ready', result: { ok: true, summary: referenceSummary() }, line: REFERENCE_LINE, provisional }) as const;
const cells = (table: HTMLElement, term: string) =>
  [...shadowOf(table).querySelectorAll(`[data-term=${term}] td`)].map((cell) => textOf(cell));

describe('<fit-summary-table>', () => {
  it('shows nothing without a summary', async () => {
    const table = await mount('fit-summary-table');
    expect(textOf(shadowOf(table))).toBe('');
  });

  it("shows R's coefficient table, the overall fit and the slope in words", async () => {
    const table = await mount('fit-summary-table', { view: ready(), feature: 'BMI', target: 'Life expectancy', unit: 'years' });
    expect(textOf(part(table, '[data-words]'))).toBe('Each extra BMI point goes with 2.5 more years (95% CI 2.1 to 2.9).');
    expect(part(table, '[data-words]').getAttribute('aria-live')).toBe('polite');
    expect(cells(table, 'intercept')).toEqual(['7.2278', '5.3200', '1.359', '0.176', '−3.278 to 17.734']);
    expect(cells(table, 'slope')).toEqual(['2.5185', '0.2136', '11.792', '<2e-16', '2.097 to 2.940']);
    expect(textOf(part(table, '[data-term=slope] th'))).toBe('BMI (slope)');
    expect([...shadowOf(table).querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(Array(6).fill('col'));
    expect(textOf(part(table, 'caption'))).toMatch(/163 training rows/);
    expect(textOf(part(table, '[data-overall]'))).toBe(
      'Residual standard error 6.5997 years on 161 degrees of freedom. R² 0.4634, adjusted R² 0.4601. F 139.06 on 1 and 161 degrees of freedom, p < 2e-16.',
    );
    // The sideways-scrolling table is reachable by keyboard, and labelled.
    const region = part(table, '.scroll');
    expect(region.tabIndex).toBe(0);
    expect(region.getAttribute('role')).toBe('region');
    expect(shadowOf(table).querySelector('[data-provisional]')).toBeNull();
  });

  it('marks a summary of a line still training as provisional, and says whether the run is paused', async () => {
    const table = await mount('fit-summary-table', { view: ready(true), runState: 'running' });
    expect(textOf(part(table, '[data-provisional]'))).toBe('provisional');
    expect(textOf(part(table, '[data-provisional-note]'))).toBe(
      'The line as it stands: training is still running; the summary is final when it ends.',
    );
    // Not announced at every epoch.
    expect(part(table, '[data-words]').getAttribute('aria-live')).toBe('off');
    await update(table, { runState: 'paused' });
    expect(textOf(part(table, '[data-provisional-note]'))).toMatch(/training is paused/);
    await update(table, { view: ready(false), runState: 'idle' });
    expect(shadowOf(table).querySelector('[data-provisional]')).toBeNull();
  });

  it('says why there is no summary', async () => {
    const table = await mount('fit-summary-table', {
      view: {
        state: 'ready',
        result: { ok: false, error: 'No fit summary: the line was fitted on 2 rows, and standard errors need at least 3.' },
        line: REFERENCE_LINE,
        provisional: false,
      },
    });
    expect(textOf(part(table, '[data-summary-error]'))).toBe(
      'No fit summary: the line was fitted on 2 rows, and standard errors need at least 3.',
    );
    expect(shadowOf(table).querySelector('table')).toBeNull();
  });

  it('names the line it summarises, and shows the exact least-squares line beside it with the difference of each estimate', async () => {
    // A trained line a little off the optimum, as float32 training leaves it.
    const trained = { slope: 2.5184, intercept: 7.2287 };
    const view = { ...ready(), line: trained, exact: REFERENCE_LINE };
    const table = await mount('fit-summary-table', { view, feature: 'BMI', target: 'Life expectancy', unit: 'years' });
    // No claim that these are R's numbers: they are the trained line's, computed as R computes them.
    expect(textOf(part(table, 'caption'))).toMatch(/^The trained line on the 163 training rows: its estimates/);
    expect(textOf(part(table, 'caption'))).not.toMatch(/as R's summary\(lm\) reports it/);
    expect(textOf(part(table, '[data-exact]'))).toBe(
      "The exact least-squares line on the same rows (the estimates R's lm gives): intercept 7.2278, slope 2.5185. " +
        'The trained line differs by +0.0009 in the intercept and −0.0001 in the slope.',
    );
    await update(table, { view: { ...view, provisional: true }, runState: 'paused' });
    expect(textOf(part(table, 'caption'))).toMatch(/^The run's line as it stands on the 163 training rows/);
    expect(textOf(part(table, '[data-exact]'))).toMatch(/The run's line differs by/);
  });

  it('several features: R’s summary of the exact fit with the trained estimates beside it, an aliased column named and left out', async () => {
    const features = ['Air.Flow', 'Water.Temp', 'Air.Plus.Water', 'Acid.Conc.'];
    const parsed = parseCsv(collinearCsv, { features, target: 'stack.loss' });
    if (!parsed.ok) throw new Error(parsed.error);
    const fit = leastSquaresFit(datasetCrossProducts(parsed.dataset));
    const result = regressionSummary(fit, fit.moments, { names: features, fitted: fit.fitted });
    if (!result.ok) throw new Error(result.error);
    const trained = [fit.intercept + 0.001, ...fit.coefficients];
    const shown = [trained[0], trained[1], trained[2], null, trained[3]];
    const table = await mount('fit-summary-table', {
      view: {
        state: 'several',
        result,
        line: { slope: 0, intercept: 0 },
        shown,
        provisional: false,
        metrics: splitMetrics(REFERENCE_LINE, fiveRows(), fiveRows()),
      },
      unit: '',
    });
    const rows = [...shadowOf(table).querySelectorAll('tbody tr')];
    expect(rows.map((row) => textOf(row.querySelector('th')))).toEqual([
      'Intercept',
      'Air.Flow',
      'Water.Temp',
      'Air.Plus.Water',
      'Acid.Conc.',
    ]);
    expect(rows.map((row) => row.hasAttribute('data-aliased'))).toEqual([false, false, false, true, false]);
    expect(textOf(rows[3])).toBe('Air.Plus.Water – not defined because of singularities');
    const r = stacklossR.coefficients[0];
    expect(Number(rows[0].querySelector('[data-cell=shown]')!.getAttribute('data-value'))).toBe(trained[0]);
    expect(Number(rows[0].querySelector('[data-cell=standard-error]')!.getAttribute('data-value'))).toBeCloseTo(r.standardError, 8);
    // A real minus sign in t, as in the estimates.
    expect(textOf(rows[0].querySelector('[data-cell=t]'))).toBe('−3.356');
    expect(textOf(part(table, '[data-aliased-note]'))).toMatch(
      /^1 coefficient not defined because of singularities: Air\.Plus\.Water \(constant, or a linear combination/,
    );
    expect(textOf(part(table, '[data-overall]'))).toMatch(/F 59\.90 on 3 and 17 degrees of freedom/);
    expect(textOf(part(table, '[data-several-note]'))).toBe(
      "The exact least-squares fit as R's summary(lm) prints it (estimate, standard error, t, p, 95% CI), with the trained estimates beside R's.",
    );
  });
});
