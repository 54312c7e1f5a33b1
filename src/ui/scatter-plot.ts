import type uPlot from 'uplot';
import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { columnLabel } from '../core/columns.ts';
import type { Dataset } from '../core/dataset.ts';
import { intervalBands } from '../core/interval-bands.ts';
import type { IntervalBasis } from '../core/intervals.ts';
import type { Line } from '../core/predict.ts';
import { defineElement } from '../embed/define.ts';
import { UplotChart, type ColorOf } from './uplot-chart.ts';

/** A line with what its 95% confidence and prediction bands need. */
export interface LineBands {
  line: Line;
  basis: IntervalBasis;
}

/** The most rows drawn; larger data sets are sampled evenly. */
const MAX_POINTS = 5000;

/** The bands around the line: the confidence band dashed, the prediction band dotted. */
const BAND_SERIES = [
  { label: '95% confidence band (the mean)', dash: [6, 4] },
  { label: '95% confidence band, upper edge', dash: [6, 4] },
  { label: '95% prediction band (new observations)', dash: [2, 4] },
  { label: '95% prediction band, upper edge', dash: [2, 4] },
];

/**
 * The data as a scatter plot (feature on x, target on y) with the current fitted line over it and,
 * when given, its 95% confidence and prediction bands.
 *
 * @cssprop --bp-points - Colour of the data points.
 * @cssprop --bp-line - Colour of the fitted line.
 */
export class ScatterPlot extends UplotChart {
  // One legend entry per band: the legend's rows are the points, the line, then the four edges; the
  // upper edges' rows are hidden.
  static override styles = [...UplotChart.styles, css`.u-legend tr:nth-child(4), .u-legend tr:nth-child(6) { display: none; }`];

  @property({ attribute: false }) data: Dataset | null = null;
  /** The fitted line in raw units, or null before training. */
  @property({ attribute: false }) line: Line | null = null;
  /** The 95% bands drawn around the line, or null for none. */
  @property({ attribute: false }) bands: LineBands | null = null;

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
    const { bands } = this;
    const band = bands ? intervalBands(bands.line, bands.basis, this.sorted.x) : undefined;
    const none = this.sorted.x.map(() => null);
    return [this.sorted.x, this.sorted.y, fitted, band?.confidenceLow ?? none, band?.confidenceHigh ?? none, band?.predictionLow ?? none, band?.predictionHigh ?? none];
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
        ...BAND_SERIES.map(({ label, dash }) => ({ label, stroke: color('--bp-line'), width: 1, dash, points: { show: false } })),
      ],
    };
  }

  protected description(): string {
    const rows = this.data?.x.length ?? 0;
    const shown = this.sorted.x.length < rows ? `${this.sorted.x.length} of ` : '';
    const line = this.line ? ` Fitted line: slope ${this.line.slope.toFixed(3)}, intercept ${this.line.intercept.toFixed(3)}.` : '';
    const bands = this.bands ? ' With its 95% confidence band (dashed) and prediction band (dotted).' : '';
    return `Scatter plot of ${shown}${rows} rows.${line}${bands}`;
  }
}

defineElement('scatter-plot', ScatterPlot);

declare global {
  interface HTMLElementTagNameMap {
    'scatter-plot': ScatterPlot;
  }
}
