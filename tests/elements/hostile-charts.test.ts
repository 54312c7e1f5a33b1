/**
 * Issue 22, class 1: every chart survives any finite data and any diverging run. Each chart is drawn
 * with numbers no real data set has (a tiny spread at 1e16, where uPlot's and the landscape's tick
 * loops stopped advancing; data around 1e150 with a diverging line, whose MSE and fitted values
 * overflow; spreads of 1e-300; ±1e308): it draws, raises no error (an error in a drawing callback
 * fails the test run) and its text alternative holds no NaN or Infinity.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/data/dataset.ts';
import { fitOfMoments, momentsOf } from '../../src/core/stats/moments.ts';
import type { IntervalBasis } from '../../src/core/stats/intervals.ts';
import type { LossPoint } from '../../src/core/train/trainer.ts';
import '../../src/ui/loss-chart.ts';
import '../../src/ui/loss-landscape.ts';
import '../../src/ui/residuals-plot.ts';
import '../../src/ui/scatter-plot.ts';
import { description, drawn } from './charts.ts';
import { mount, part, settled, update } from './mount.ts';

function dataset(x: number[], y: number[]): Dataset {
  return { featureName: 'Dose', targetName: 'Yield', x: Float64Array.from(x), y: Float64Array.from(y) };
}

const HOSTILE: [string, Dataset][] = [
  ['a target around 1e16 varying by tens, feature ±1', dataset([-1, 1, -1, 1, 0], [1e16, 1e16 + 30, 1e16 + 10, 1e16 + 40, 1e16 + 20])],
  ['a feature past 2^53 a few doubles apart', dataset([2 ** 53, 2 ** 53 + 2, 2 ** 53 + 4], [1, 2, 3])],
  ['data around 1e150', dataset([1e150, 2e150, 3e150, 4e150], [1e150, 3e150, 2e150, 5e150])],
  ['spreads of 1e-300', dataset([1e-300, 2e-300, 3e-300, 4e-300], [1e-300, 3e-300, 2e-300, 5e-300])],
  ['±1e308', dataset([-1e308, 0, 1e308], [1e308, -1e308, 0])],
  ['one value repeated at 1e16', dataset([1e16, 1e16, 1e16], [1e16, 1e16, 1e16])],
];

/** Lines a diverging run or an extreme model gives. */
const LINES = [
  { slope: 1e300, intercept: -1e300 },
  { slope: -1.7e308, intercept: 1.7e308 },
  { slope: 5e-324, intercept: 1e16 },
];

const noNonFinite = (text: string) => expect(text).not.toMatch(/NaN|Infinity/);

/** A loss chart run: a tiny spread at 1e16, overflow, a subnormal, values that are not numbers. */
function hostileRun(): LossPoint[] {
  const losses = [1e16, 1e16 + 2, 1e16 + 4, 1e16 + 6, 1e308, 5e-324, Infinity, Number.NaN, 1e-300, 1e16 + 8];
  return losses.map((trainLoss, epoch) => ({ epoch, trainLoss, validationLoss: null }));
}

describe('charts under hostile data', () => {
  it.each(HOSTILE)('the scatter plot and residuals plot draw %s, with any line and bands', async (_, data) => {
    const basis: IntervalBasis = {
      level: 0.95,
      rows: 3,
      featureMean: 1e308,
      featureSumOfSquares: 5e-324,
      residualStandardError: 1e308,
      degreesOfFreedom: 1,
      tQuantile: 12.7,
    };
    const fit = fitOfMoments(momentsOf(data.x, data.y));
    const scatter = await mount('scatter-plot', { data, line: fit, bands: { line: fit, basis } });
    const residuals = await mount('residuals-plot', { data, line: fit });
    await drawn(scatter);
    await drawn(residuals);
    for (const line of LINES) {
      await update(scatter, { line, refit: line, selected: 0, bands: { line, basis } });
      await update(residuals, { line, selected: 0 });
      await drawn(scatter);
      noNonFinite(description(scatter));
      noNonFinite(description(residuals));
      for (const chart of [scatter, residuals]) {
        const plot = (chart as unknown as { plot: { scales: Record<string, { min: number; max: number }> } }).plot;
        for (const key of ['x', 'y']) expect(Number.isFinite(plot.scales[key].max - plot.scales[key].min)).toBe(true);
        // Every row has a finite place (or none), never NaN.
        for (let row = 0; row < data.x.length; row++) {
          const at = chart.pointPosition(row);
          if (at) expect(Number.isNaN(at.x) || Number.isNaN(at.y)).toBe(false);
        }
      }
    }
  });

  it('the loss chart draws a run at 1e16 ± 2, overflowing and subnormal losses, on a linear and a log scale', async () => {
    const chart = await mount('loss-chart', { points: hostileRun() });
    await drawn(chart);
    noNonFinite(description(chart).replace(/latest training MSE .*$/, ''));
    await update(chart, { logScale: true });
    await drawn(chart);
    await update(chart, { points: hostileRun().slice(0, 4), logScale: false });
    await drawn(chart);
    const plot = (chart as unknown as { plot: { scales: Record<string, { min: number; max: number }> } }).plot;
    expect(plot.scales.y.max - plot.scales.y.min).toBeGreaterThan(0);
  });

  it.each(HOSTILE)('the loss landscape draws %s, with a diverging path, in both units', async (_, data) => {
    const moments = momentsOf(data.x, data.y);
    const fit = fitOfMoments(moments);
    const path: LossPoint[] = [{ slope: 0, intercept: 0 }, fit, ...LINES, { slope: Infinity, intercept: Number.NaN }].map(
      (line, epoch) => ({
        epoch,
        trainLoss: 1,
        validationLoss: null,
        line,
      }),
    );
    const landscape = await mount('loss-landscape', { moments, points: path, previousPoints: path.slice(0, 3) });
    const canvas = part<HTMLCanvasElement>(landscape, 'canvas');
    await expect.poll(() => canvas.dataset.optimum).toBeDefined();
    // The heat map is painted in the next frame: wait for it, then look at every mark.
    await new Promise(requestAnimationFrame);
    await settled(landscape);
    for (const mark of [canvas.dataset.optimum, canvas.dataset.pathEnd]) {
      for (const value of (mark ?? '0,0').split(',').map(Number)) expect(Number.isFinite(value)).toBe(true);
    }
    noNonFinite(canvas.getAttribute('aria-label') ?? '');
    await update(landscape, { space: 'standardized' });
    await new Promise(requestAnimationFrame);
    noNonFinite(canvas.getAttribute('aria-label') ?? '');
    // The pointer's readout anywhere on the plot says a finite MSE or that it is too large.
    const box = canvas.getBoundingClientRect();
    for (const [fx, fy] of [
      [0.2, 0.2],
      [0.5, 0.5],
      [0.95, 0.9],
    ]) {
      canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + fx * box.width, clientY: box.top + fy * box.height }));
      await settled(landscape);
      noNonFinite(part(landscape, '[data-readout]').textContent ?? '');
    }
  });
});
