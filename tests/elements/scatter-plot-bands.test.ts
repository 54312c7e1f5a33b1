/** `<scatter-plot>` alone with the 95% bands: their series, one legend entry each, the text alternative. */
import { describe, expect, it } from 'vitest';
import { intervalBands } from '../../src/core/view/interval-bands.ts';
import type { IntervalBasis } from '../../src/core/stats/intervals.ts';
import '../../src/ui/scatter-plot.ts';
import { R_SUMMARY } from '../unit/statistics-reference.ts';
import { description, drawn, legendLabels } from './charts.ts';
import { REFERENCE_LINE, fiveRows } from './fixtures.ts';
import { mount, shadowOf, update } from './mount.ts';

const BASIS: IntervalBasis = {
  level: 0.95,
  rows: 163,
  featureMean: 24.792377975460127,
  featureSumOfSquares: 954.9410884058316,
  residualStandardError: R_SUMMARY.residualStandardError,
  degreesOfFreedom: 161,
  tQuantile: R_SUMMARY.tQuantile,
};

function plotted(chart: HTMLElement): (number | null)[][] {
  const plot = (chart as unknown as { plot?: { data: ArrayLike<number | null>[] } }).plot;
  return (plot?.data ?? []).map((series) => Array.from(series));
}

/** The legend entries a reader sees (uPlot lists every series; the upper edges are hidden). */
function visibleLegend(chart: HTMLElement): string[] {
  return [...shadowOf(chart).querySelectorAll<HTMLElement>('.u-legend .u-series')]
    .filter((row) => getComputedStyle(row).display !== 'none')
    .map((row) => row.querySelector('.u-label')?.textContent ?? '');
}

describe('<scatter-plot> with 95% bands', () => {
  it('draws the confidence and prediction bands at every x, with one legend entry per band', async () => {
    const chart = await mount('scatter-plot', { data: fiveRows(), line: REFERENCE_LINE, bands: { line: REFERENCE_LINE, basis: BASIS } });
    await drawn(chart);
    const series = plotted(chart);
    const xs = series[0] as number[];
    const expected = intervalBands(REFERENCE_LINE, BASIS, xs);
    expect(series.slice(-4)).toEqual([expected.confidenceLow, expected.confidenceHigh, expected.predictionLow, expected.predictionHigh]);
    // Every band edge is a number at every point, the prediction band outside the confidence band.
    expect(
      series
        .slice(-4)
        .flat()
        .every((value) => typeof value === 'number'),
    ).toBe(true);
    expect(expected.predictionLow[0]).toBeLessThan(expected.confidenceLow[0]);
    // Short, so the legend fits one row of the Data card (the box that shows the bands names them).
    expect(visibleLegend(chart).filter((label) => label.startsWith('95%'))).toEqual(['95% band: the mean', '95% band: new points']);
    expect(description(chart)).toMatch(/With its 95% confidence band \(dashed\) and prediction band \(dotted\)\./);
  });

  it('draws no bands when they are turned off', async () => {
    const chart = await mount('scatter-plot', { data: fiveRows(), line: REFERENCE_LINE, bands: { line: REFERENCE_LINE, basis: BASIS } });
    await drawn(chart);
    await update(chart, { bands: null });
    await drawn(chart);
    // Only x, the points and the fitted line are left: no band series, no band legend rows.
    expect(plotted(chart)).toHaveLength(3);
    expect(legendLabels(chart)).toEqual(['Data points', 'Fitted line']);
    expect(description(chart)).not.toMatch(/band/);
  });
});

describe('<scatter-plot> with a prediction', () => {
  it('reaches a prediction outside the data with its axes, and says it is an extrapolation', async () => {
    const chart = await mount('scatter-plot', {
      data: fiveRows(),
      line: REFERENCE_LINE,
      prediction: { x: 40, y: 107.97, interval: { level: 0.95, low: 93.4, high: 122.5 }, extrapolation: true },
    });
    await drawn(chart);
    const scales = (chart as unknown as { plot: { scales: Record<string, { min: number; max: number }> } }).plot.scales;
    expect(scales.x.max).toBeGreaterThan(40);
    expect(scales.y.max).toBeGreaterThan(122.5);
    expect(description(chart)).toMatch(
      /Prediction marked at 40: 108\.0 \(95% prediction interval 93\.4 to 122\.5\), outside the data: an extrapolation\.$/,
    );
    await update(chart, { prediction: null });
    expect(description(chart)).not.toMatch(/Prediction/);
    expect((chart as unknown as { plot: { scales: Record<string, { max: number }> } }).plot.scales.x.max).toBeLessThan(40);
  });
});
