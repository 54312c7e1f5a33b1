/** `<scatter-plot>` alone: the text alternative, the series and their axis names, sampling a big table. */
import { describe, expect, it } from 'vitest';
import '../../src/ui/scatter-plot.ts';
import { description, drawn, legendLabels } from './charts.ts';
import { REFERENCE_LINE, fiveRows } from './fixtures.ts';
import { mount, update } from './mount.ts';

/** What the chart handed uPlot: x values, y values and the fitted line's values. */
function plotted(chart: HTMLElement): (number | null)[][] {
  const plot = (chart as unknown as { plot?: { data: ArrayLike<number | null>[] } }).plot;
  return (plot?.data ?? []).map((series) => Array.from(series));
}

/** The axis titles uPlot draws (on the canvas, so read from its options). */
function axisLabels(chart: HTMLElement): (string | undefined)[] {
  const plot = (chart as unknown as { plot?: { axes: { label?: string }[] } }).plot;
  return (plot?.axes ?? []).map((axis) => axis.label);
}

describe('<scatter-plot>', () => {
  it('with no data: describes an empty plot', async () => {
    const chart = await mount('scatter-plot');
    await drawn(chart);
    expect(description(chart)).toBe('Scatter plot of 0 rows.');
  });

  it('plots the rows in ascending x, names the series, and describes the fitted line', async () => {
    const chart = await mount('scatter-plot', { data: fiveRows(), line: REFERENCE_LINE });
    await drawn(chart);
    expect(axisLabels(chart)).toEqual(['BMI', 'Life expectancy']);
    expect(description(chart)).toBe('Scatter plot of 5 rows. Fitted line: slope 2.518, intercept 7.228.');
    expect(legendLabels(chart)).toEqual(['Data points', 'Fitted line']);
    const [x, y, fitted] = plotted(chart);
    expect(x).toEqual([20.62058, 22.25083, 24.5962, 26.44657, 27.63048]);
    expect(y).toEqual([52.8, 56.7, 75.5, 76.8, 84.6]);
    // The line is drawn through its two ends only.
    expect(fitted[0]).toBeCloseTo(2.5184794389 * 20.62058 + 7.2278383433, 9);
    expect(fitted.slice(1, -1)).toEqual([null, null, null]);
    expect(fitted[4]).toBeCloseTo(2.5184794389 * 27.63048 + 7.2278383433, 9);
  });

  it('draws no line before training, and the line once there is one', async () => {
    const chart = await mount('scatter-plot', { data: fiveRows() });
    await drawn(chart);
    expect(plotted(chart)[2]).toEqual([null, null, null, null, null]);
    await update(chart, { line: { slope: 1, intercept: 0 } });
    expect(plotted(chart)[2][0]).toBe(20.62058);
    expect(description(chart)).toBe('Scatter plot of 5 rows. Fitted line: slope 1.000, intercept 0.000.');
  });

  it('draws an even sample of a big table, and says so', async () => {
    const rows = 12_000;
    const x = Float64Array.from({ length: rows }, (_, i) => i);
    const chart = await mount('scatter-plot', { data: { featureName: 'Year', targetName: 'Sales', x, y: x.map((value) => value * 2) } });
    await drawn(chart);
    expect(description(chart)).toBe('Scatter plot of 4,000 of 12,000 rows.');
    expect(plotted(chart)[0].slice(0, 3)).toEqual([0, 3, 6]);
    // The axes are named after the chosen columns.
    expect(axisLabels(chart)).toEqual(['Year', 'Sales']);
  });
});
