/**
 * `<loss-chart>` alone (and through it the shared uPlot base): the text alternative, the series drawn,
 * the log-scale switch, sizing to its width and redrawing for the colour scheme.
 */
import { describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import '../../src/ui/loss-chart.ts';
import { description, drawn, legendColours, legendLabels, plotWidth } from './charts.ts';
import { mount, part, settled, textOf, update } from './mount.ts';

/** The y scale's distribution of the uPlot instance the chart drew with (1 linear, 3 logarithmic). */
function yDistribution(chart: HTMLElement): number | undefined {
  return (chart as unknown as { plot?: { scales: Record<string, { distr?: number }> } }).plot?.scales.y?.distr;
}

const run = [
  { epoch: 0, trainLoss: 900, validationLoss: 950 },
  { epoch: 1, trainLoss: 120.25, validationLoss: 130.5 },
  { epoch: 2, trainLoss: 43.5, validationLoss: 51.25 },
];

describe('<loss-chart>', () => {
  it('says there is no training yet, as an image with a text alternative', async () => {
    const chart = await mount('loss-chart');
    await drawn(chart);
    expect(description(chart)).toMatch(/^Loss chart: no training yet\. Press Train to see the loss fall here, epoch by epoch\./);
    // Not a blank box: the axes are drawn, with the hint over them.
    expect(textOf(part(chart, '.hint'))).toBe('Press Train to see the loss fall here, epoch by epoch.');
    expect(chart.shadowRoot!.querySelectorAll('.u-axis').length).toBeGreaterThanOrEqual(2);
    expect(legendLabels(chart)).toEqual(['Training loss']);
  });

  it('describes the run so far, and draws the validation loss when the run has validation rows', async () => {
    const chart = await mount('loss-chart', { points: run, unit: 'years²' });
    await drawn(chart);
    expect(description(chart)).toBe('Loss chart: epochs 0 to 2, latest training MSE 43.5000, validation MSE 51.2500.');
    expect(legendLabels(chart)).toEqual(['Training loss', 'Validation loss']);
    // A run without validation rows drops that series.
    await update(chart, { points: run.map((point) => ({ ...point, validationLoss: null })) });
    expect(legendLabels(chart)).toEqual(['Training loss']);
    expect(description(chart)).toBe('Loss chart: epochs 0 to 2, latest training MSE 43.5000.');
  });

  it('follows a growing run when points are appended', async () => {
    const chart = await mount('loss-chart', { points: run.slice(0, 2) });
    await drawn(chart);
    await update(chart, { points: [...run.slice(0, 2), run[2]] });
    expect(description(chart)).toBe('Loss chart: epochs 0 to 2, latest training MSE 43.5000, validation MSE 51.2500.');
  });

  it('survives a diverging run: Infinity and NaN are not plotted, and are described as they are', async () => {
    const chart = await mount('loss-chart', { points: [run[0], { epoch: 1, trainLoss: Infinity, validationLoss: Number.NaN }] });
    await drawn(chart);
    expect(description(chart)).toBe('Loss chart: epochs 0 to 1, latest training MSE Infinity, validation MSE NaN.');
  });

  it('switches to a logarithmic scale with its labelled checkbox, and back', async () => {
    const chart = await mount('loss-chart', { points: run });
    await drawn(chart);
    const toggle = page.getByRole('checkbox', { name: 'Log scale' });
    await expect.element(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    await settled(chart);
    expect(chart.logScale).toBe(true);
    await expect.element(toggle).toBeChecked();
    // The plot is built anew with a logarithmic y scale (uPlot's distr 3).
    expect(yDistribution(chart)).toBe(3);
    await userEvent.click(toggle);
    await settled(chart);
    expect(chart.logScale).toBe(false);
    expect(yDistribution(chart)).toBe(1);
  });

  it('sizes its canvas to its own width, and follows a resize', async () => {
    const chart = await mount('loss-chart', { points: run });
    chart.style.width = '500px';
    await expect.poll(() => plotWidth(chart)).toBe('500px');
    chart.style.width = '320px';
    await expect.poll(() => plotWidth(chart)).toBe('320px');
  });

  it("redraws in the dark scheme's colours when the colour scheme changes", async () => {
    const style = document.createElement('style');
    style.textContent = `loss-chart { --bp-line: rgb(1, 2, 3); } @media (prefers-color-scheme: dark) { loss-chart { --bp-line: rgb(200, 100, 50); } }`;
    document.head.append(style);
    const session = cdp();
    try {
      const chart = await mount('loss-chart', { points: run });
      await drawn(chart);
      expect(legendColours(chart)[0]).toBe('rgb(1, 2, 3)');
      await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
      await expect.poll(() => legendColours(chart)[0]).toBe('rgb(200, 100, 50)');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
      style.remove();
    }
  });
});

describe('<loss-chart> after one Step', () => {
  it('ticks whole epochs only on a run of one epoch', async () => {
    const chart = await mount('loss-chart', {
      points: [
        { epoch: 0, trainLoss: 500, validationLoss: null },
        { epoch: 1, trainLoss: 400, validationLoss: null },
      ],
    });
    await drawn(chart);
    const splits = (chart as unknown as { plot: { axes: { _splits?: number[] }[] } }).plot.axes[0]._splits ?? [];
    expect(splits.length).toBeGreaterThan(0);
    expect(splits.every((tick) => Number.isInteger(tick))).toBe(true);
  });
});
