import type uPlot from 'uplot';
import { property } from 'lit/decorators.js';
import { columnLabel } from '../core/columns.ts';
import type { Line } from '../core/predict.ts';
import { pointName } from '../core/point-text.ts';
import { defineElement } from '../embed/define.ts';
import { formatCount } from '../core/format.ts';
import { PointChart } from './point-chart.ts';
import type { ColorOf } from './uplot-chart.ts';

/**
 * The data as a scatter plot (feature on x, target on y) with the current fitted line over it. Each
 * point is a row: hover or focus it for its name and values, click it (or press Enter) to select it;
 * with a selection, the line refitted without that row is drawn dashed.
 *
 * @fires point-select - The user selected a point (`row`), or cleared the selection (`row` null).
 * @cssprop --bp-points - Colour of the data points.
 * @cssprop --bp-line - Colour of the fitted line.
 * @cssprop --bp-accent - The selected point's ring and the refitted line.
 */
export class ScatterPlot extends PointChart {
  /** The line refitted without the selected row, or null. */
  @property({ attribute: false }) refit: Line | null = null;

  protected plotPoint(row: number): [number, number] {
    return [this.data!.x[row]!, this.data!.y[row]!];
  }

  /** A straight line as a series: only the two ends carry a value (spanGaps joins them). */
  private lineSeries(xs: number[], line: Line | null): (number | null)[] {
    const last = xs.length - 1;
    return xs.map((x, i) => (line && (i === 0 || i === last) ? line.slope * x + line.intercept : null));
  }

  /** The refitted line is a series (and a legend entry) only while a point is selected. */
  private get showsRefit(): boolean {
    return this.selected !== null && this.refit !== null;
  }

  /** Whether the plot was built with the refit series. */
  private builtWithRefit = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // The series list changes (and the legend names the point): build the plot anew.
    if (this.showsRefit !== this.builtWithRefit || (this.showsRefit && changed.has('selected'))) this.rebuildOnNextUpdate();
  }

  protected chartData(): uPlot.AlignedData {
    const [xs, ys] = this.pointSeries();
    const data: uPlot.AlignedData = [xs, ys, this.lineSeries(xs, this.line)];
    return this.showsRefit ? [...data, this.lineSeries(xs, this.refit)] : data;
  }

  protected options(width: number, color: ColorOf): uPlot.Options {
    const feature = columnLabel(this.data?.featureName ?? 'Bmi');
    const target = columnLabel(this.data?.targetName ?? 'LifeExpectancy');
    const common = this.commonOptions(width);
    this.builtWithRefit = this.showsRefit;
    return {
      ...common,
      cursor: { ...common.cursor, points: { show: false } },
      scales: this.paddedScales(),
      axes: [this.axis(feature, color), this.axis(target, color)],
      plugins: [this.pointPlugin(color)],
      series: [
        { label: feature },
        {
          label: 'Data points',
          stroke: color('--bp-points'),
          fill: color('--bp-points'),
          paths: () => null,
          points: { show: true, size: 6, stroke: color('--bp-points'), fill: color('--bp-points') },
        },
        { label: 'Fitted line', stroke: color('--bp-line'), width: 2.5, spanGaps: true, points: { show: false } },
        ...(this.showsRefit ? [{ label: `Refitted without ${this.data ? pointName(this.data, this.selected!) : 'the point'}`, stroke: color('--bp-accent'), width: 2, dash: [6, 4], spanGaps: true, points: { show: false } }] : []),
      ],
    };
  }

  protected description(): string {
    const rows = this.data?.x.length ?? 0;
    const shown = this.drawnRows.length < rows ? `${formatCount(this.drawnRows.length)} of ` : '';
    const line = this.line ? ` Fitted line: slope ${this.line.slope.toFixed(3)}, intercept ${this.line.intercept.toFixed(3)}.` : '';
    const refit =
      this.selected !== null && this.refit && this.data
        ? ` Refitted without ${pointName(this.data, this.selected)}: slope ${this.refit.slope.toFixed(3)}, intercept ${this.refit.intercept.toFixed(3)}.`
        : '';
    return `Scatter plot of ${shown}${formatCount(rows)} rows.${line}${refit}`;
  }

  protected tableCaption(): string {
    return 'Data points of the scatter plot';
  }
}

defineElement('scatter-plot', ScatterPlot);

declare global {
  interface HTMLElementTagNameMap {
    'scatter-plot': ScatterPlot;
  }
}
