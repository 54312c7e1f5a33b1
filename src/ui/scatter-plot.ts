import type uPlot from 'uplot';
import { property } from 'lit/decorators.js';
import { columnLabel } from '../core/columns.ts';
import type { Dataset } from '../core/dataset.ts';
import type { Line } from '../core/predict.ts';
import { defineElement } from '../embed/define.ts';
import { formatCount } from '../core/format.ts';
import { UplotChart, type ColorOf } from './uplot-chart.ts';

/** The most rows drawn; larger data sets are sampled evenly. */
const MAX_POINTS = 5000;

/**
 * The data as a scatter plot (feature on x, target on y) with the current fitted line over it.
 *
 * @cssprop --bp-points - Colour of the data points.
 * @cssprop --bp-line - Colour of the fitted line.
 */
export class ScatterPlot extends UplotChart {
  @property({ attribute: false }) data: Dataset | null = null;
  /** The fitted line in raw units, or null before training. */
  @property({ attribute: false }) line: Line | null = null;

  private sorted: { x: number[]; y: number[] } = { x: [], y: [] };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('data')) {
      const { x = new Float64Array(), y = new Float64Array() } = this.data ?? {};
      // A big file is drawn as an even sample of its rows: a million points would block the page.
      const stride = Math.max(1, Math.ceil(x.length / MAX_POINTS));
      const sample = Array.from({ length: Math.ceil(x.length / stride) }, (_, i) => i * stride);
      // uPlot wants ascending x values.
      const order = sample.sort((a, b) => x[a]! - x[b]!);
      this.sorted = { x: order.map((i) => x[i]!), y: order.map((i) => y[i]!) };
      // Axis labels follow the chosen columns.
      this.rebuildOnNextUpdate();
    }
  }

  protected chartData(): uPlot.AlignedData {
    const { line } = this;
    // Only the two ends carry a value (spanGaps joins them): a straight line, whatever uPlot's path decimation does.
    const last = this.sorted.x.length - 1;
    const fitted = this.sorted.x.map((x, i) => (line && (i === 0 || i === last) ? line.slope * x + line.intercept : null));
    return [this.sorted.x, this.sorted.y, fitted];
  }

  protected options(width: number, color: ColorOf): uPlot.Options {
    const feature = columnLabel(this.data?.featureName ?? 'Bmi');
    const target = columnLabel(this.data?.targetName ?? 'LifeExpectancy');
    return {
      ...this.commonOptions(width),
      axes: [this.axis(feature, color), this.axis(target, color)],
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
      ],
    };
  }

  protected description(): string {
    const rows = this.data?.x.length ?? 0;
    const shown = this.sorted.x.length < rows ? `${formatCount(this.sorted.x.length)} of ` : '';
    const line = this.line ? ` Fitted line: slope ${this.line.slope.toFixed(3)}, intercept ${this.line.intercept.toFixed(3)}.` : '';
    return `Scatter plot of ${shown}${formatCount(rows)} rows.${line}`;
  }
}

defineElement('scatter-plot', ScatterPlot);

declare global {
  interface HTMLElementTagNameMap {
    'scatter-plot': ScatterPlot;
  }
}
