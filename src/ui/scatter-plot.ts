import type uPlot from 'uplot';
import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { columnLabel } from '../core/data/columns.ts';
import { finiteOrGap } from '../core/view/axis-range.ts';
import { intervalBands } from '../core/view/interval-bands.ts';
import type { IntervalBasis } from '../core/stats/intervals.ts';
import type { Line } from '../core/model/predict.ts';
import { pointName } from '../core/view/point-text.ts';
import { sampledRowsOf } from '../core/view/display-sample.ts';
import { defineElement } from '../embed/define.ts';
import { formatCount } from '../core/view/format.ts';
import type { PredictionMark } from '../core/view/prediction-mark.ts';
import { formatInterval } from '../core/stats/intervals.ts';
import { datasetCrossProducts } from '../core/data/dataset-facts.ts';
import { featureNamesOf } from '../core/data/feature-columns.ts';
import { componentPlusResidual, partialLine } from '../core/stats/partial-fit.ts';
import type { Dataset } from '../core/data/dataset.ts';
import { PointChart } from './point-chart.ts';
import type { ColorOf } from './uplot-chart.ts';

/** A line with what its 95% confidence and prediction bands need. */
export interface LineBands {
  line: Line;
  basis: IntervalBasis;
}

/**
 * The bands around the line: the confidence band (where the mean lies) dashed, the prediction band
 * (where new points fall) dotted. The legend names what each covers, briefly: the box that shows them
 * names the bands, and the whole legend fits one row of the Data card on a desktop screen.
 */
const BAND_SERIES = [
  { label: '95% band: the mean', dash: [6, 4] },
  { label: '95% band: the mean, upper edge', dash: [6, 4] },
  { label: '95% band: new points', dash: [2, 4] },
  { label: '95% band: new points, upper edge', dash: [2, 4] },
];

/**
 * The data as a scatter plot (feature on x, target on y) with the current fitted line over it. Each
 * point is a row: hover or focus it for its name and values, click it (or press Enter) to select it;
 * with a selection, the line refitted without that row is drawn dashed. When given, the line's 95%
 * confidence and prediction bands are drawn around it.
 *
 * With several features it is a component-plus-residual plot of one of them (`feature`): each row's
 * target with the other features' parts taken out at their means, against that feature, around the
 * fit's partial line (its coefficient, the others at their means); the rows scatter around it as they
 * do around the fit. Without a line, the target itself against the feature.
 *
 * @fires point-select - The user selected a point (`row`), or cleared the selection (`row` null).
 * @cssprop --bp-points - Colour of the data points.
 * @cssprop --bp-line - Colour of the fitted line.
 * @cssprop --bp-accent - The selected point's ring and the refitted line.
 */
export class ScatterPlot extends PointChart {
  // One legend entry per band: with bands, the four band edges are the last series (the refitted line
  // comes and goes before them), and the upper edges' rows are hidden.
  static override styles = [
    ...PointChart.styles,
    css`
      :host([bands-shown]) .u-legend tr:nth-last-child(3),
      :host([bands-shown]) .u-legend tr:nth-last-child(1) {
        display: none;
      }
      /* Plain weight and narrow gaps: the legend's four entries fit one row of the Data card at 1280 px. */
      .u-legend th {
        font-weight: normal;
      }
      .u-legend.u-inline .u-series {
        margin: 0 0.2rem;
      }
    `,
  ];

  /** The 95% bands drawn around the line, or null for none. */
  @property({ attribute: false }) bands: LineBands | null = null;
  /** The line refitted without the selected row, or null. */
  @property({ attribute: false }) refit: Line | null = null;
  /** The prediction being typed: its point on the line and 95% prediction interval, or null for none. */
  @property({ attribute: false }) prediction: PredictionMark | null = null;
  /** With several features, which one is on the x axis (an index into the data's features). */
  @property({ type: Number }) feature = 0;

  /** The features' means (several features only): where the partial fit holds the others. */
  private means: Float64Array = new Float64Array();

  /** Whether the plot is a component-plus-residual plot (several features). */
  private get partial(): boolean {
    return this.columns.length > 1;
  }

  /** The feature on the x axis, within the data's features. */
  private get shownFeature(): number {
    return this.feature >= 0 && this.feature < this.columns.length ? this.feature : 0;
  }

  protected override sampledColumn(data: Dataset): Float64Array {
    const more = data.moreFeatures;
    return more && this.feature > 0 && this.feature <= more.length ? more[this.feature - 1].values : data.x;
  }

  protected plotPoint(row: number): [number, number] {
    if (!this.partial) return [this.data!.x[row], this.data!.y[row]];
    const j = this.shownFeature;
    const { plane } = this;
    return [this.columns[j][row], plane ? componentPlusResidual(plane, this.columns, this.data!.y, this.means, j, row) : this.data!.y[row]];
  }

  /** The line drawn: the line itself, or with several features the plane's partial line for the feature shown. */
  private get shownLine(): Line | null {
    if (!this.partial) return this.line;
    return this.plane ? partialLine(this.plane, this.means, this.shownFeature) : null;
  }

  /** A straight line as a series: only the two ends carry a value (spanGaps joins them). */
  private lineSeries(xs: number[], line: Line | null): (number | null)[] {
    const last = xs.length - 1;
    return xs.map((x, i) => (line && (i === 0 || i === last) ? finiteOrGap(line.slope * x + line.intercept) : null));
  }

  /** The refitted line is a series (and a legend entry) only while a point is selected. */
  private get showsRefit(): boolean {
    return this.selected !== null && this.refit !== null;
  }

  /** Whether the plot was built with the refit series, with the band series, and as a partial fit's plot. */
  private builtWithRefit = false;
  private builtWithBands = false;
  private builtAsPartialFit = false;

  /** The bands are a line's, over its one feature: drawn with one feature only. */
  private get drawsBands(): boolean {
    return this.bands !== null && !this.partial;
  }

  /** A component-plus-residual plot (several features and a line): its axis and series say so. */
  private get partialFit(): boolean {
    return this.partial && this.plane !== null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.partialFit !== this.builtAsPartialFit) this.rebuildOnNextUpdate();
    if (changed.has('data')) this.means = this.data?.moreFeatures ? datasetCrossProducts(this.data).means : new Float64Array();
    if (changed.has('feature') && !changed.has('data') && this.data) {
      // Another feature on the x axis: its rows in its own order, and its name on the axis.
      this.rowsByX = sampledRowsOf(this.sampledColumn(this.data));
      this.drawnRows = this.orderRows(this.rowsByX);
      this.rebuildOnNextUpdate();
    }
    // The series list changes (and the legend names the point): build the plot anew.
    const showsBands = this.drawsBands;
    if (this.showsRefit !== this.builtWithRefit || showsBands !== this.builtWithBands || (this.showsRefit && changed.has('selected')))
      this.rebuildOnNextUpdate();
    this.toggleAttribute('bands-shown', showsBands);
  }

  protected chartData(): uPlot.AlignedData {
    const [xs, ys] = this.pointSeries();
    // The bands are a line's, over its one feature.
    const bands = this.drawsBands ? this.bands : null;
    const band = bands ? intervalBands(bands.line, bands.basis, xs) : undefined;
    return [
      xs,
      ys,
      this.lineSeries(xs, this.shownLine),
      ...(this.showsRefit ? [this.lineSeries(xs, this.refit)] : []),
      ...(band
        ? [band.confidenceLow, band.confidenceHigh, band.predictionLow, band.predictionHigh].map((edge) => edge.map(finiteOrGap))
        : []),
    ];
  }

  /** The feature on the x axis, by its label. */
  private get featureLabel(): string {
    return columnLabel(this.data ? featureNamesOf(this.data)[this.shownFeature] : 'Bmi');
  }

  /**
   * The y axis: the target, or with a partial fit what is drawn, the target's component plus residual
   * (the title and the text alternative name the target; a longer label is cut on a phone).
   */
  private get targetAxisLabel(): string {
    return this.partialFit ? 'Component + residual' : columnLabel(this.data?.targetName ?? 'LifeExpectancy');
  }

  protected options(width: number, color: ColorOf): uPlot.Options {
    const feature = this.featureLabel;
    const common = this.commonOptions(width);
    const showsBands = this.drawsBands;
    this.builtWithRefit = this.showsRefit;
    this.builtWithBands = showsBands;
    this.builtAsPartialFit = this.partialFit;
    return {
      ...common,
      cursor: { ...common.cursor, points: { show: false } },
      scales: this.paddedScales(() => this.predictionExtent()),
      axes: [this.axis(feature, color), this.axis(this.targetAxisLabel, color)],
      plugins: [this.pointPlugin(color), this.predictionPlugin(color)],
      series: [
        { label: feature },
        this.dotsSeries(this.partialFit ? 'Component + residual' : 'Data points', color),
        {
          label: this.partial ? 'Partial fit (other features at their means)' : 'Fitted line',
          stroke: color('--bp-line'),
          width: 2.5,
          spanGaps: true,
          points: { show: false },
        },
        ...(this.showsRefit
          ? [
              {
                label: `Refitted without ${this.data ? pointName(this.data, this.selected!) : 'the point'}`,
                // Wider than the fitted line it lies close to, with longer dashes, in the accent colour
                // (at least 3:1 on the card in both schemes), so it stands out from the line and the bands.
                stroke: color('--bp-accent'),
                width: 3,
                dash: [10, 5],
                spanGaps: true,
                points: { show: false },
              },
            ]
          : []),
        ...(showsBands ? BAND_SERIES : []).map(({ label, dash }) => ({
          label,
          stroke: color('--bp-line'),
          width: 1,
          dash,
          points: { show: false },
        })),
      ],
    };
  }

  /** The axes reach the predicted point and its interval, also outside the data (an extrapolation). */
  private predictionExtent(): { x: number[]; y: number[] } {
    const mark = this.partial ? null : this.prediction;
    if (!mark) return { x: [], y: [] };
    return { x: [mark.x], y: mark.interval ? [mark.y, mark.interval.low, mark.interval.high] : [mark.y] };
  }

  /** Draws the prediction over everything: its interval as a capped bar, the point as a diamond. */
  private predictionPlugin(color: ColorOf): uPlot.Plugin {
    return { hooks: { draw: [(plot) => this.drawPrediction(plot, color)] } };
  }

  private drawPrediction(plot: uPlot, color: ColorOf): void {
    // A prediction of several features is a point in their space, not on this plot's axis.
    const mark = this.partial ? null : this.prediction;
    if (!mark) return;
    const { ctx } = plot;
    const ratio = devicePixelRatio;
    const x = plot.valToPos(mark.x, 'x', true);
    const y = plot.valToPos(mark.y, 'y', true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    ctx.save();
    // uPlot leaves the last series' dash on the context.
    ctx.setLineDash([]);
    const ink = color('--bp-text');
    const halo = color('--bp-surface');
    // The line goes on (dashed) from the data's edge to a prediction outside it.
    const xs = this.plot?.data[0] ?? [];
    const line = this.line;
    if (line && xs.length > 0) {
      const edge = mark.x < xs[0] ? xs[0] : mark.x > xs[xs.length - 1] ? xs[xs.length - 1] : undefined;
      if (edge !== undefined) {
        ctx.beginPath();
        ctx.setLineDash([4 * ratio, 4 * ratio]);
        ctx.moveTo(plot.valToPos(edge, 'x', true), plot.valToPos(line.slope * edge + line.intercept, 'y', true));
        ctx.lineTo(x, y);
        ctx.strokeStyle = color('--bp-line');
        ctx.lineWidth = 2 * ratio;
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    const stroke = (draw: () => void, width: number, style: string) => {
      ctx.beginPath();
      draw();
      ctx.lineWidth = width * ratio;
      ctx.strokeStyle = style;
      ctx.stroke();
    };
    if (mark.interval) {
      const low = plot.valToPos(mark.interval.low, 'y', true);
      const high = plot.valToPos(mark.interval.high, 'y', true);
      const cap = 6 * ratio;
      const bar = () => {
        ctx.moveTo(x, low);
        ctx.lineTo(x, high);
        ctx.moveTo(x - cap, low);
        ctx.lineTo(x + cap, low);
        ctx.moveTo(x - cap, high);
        ctx.lineTo(x + cap, high);
      };
      stroke(bar, 5, halo);
      stroke(bar, 2, ink);
    }
    const size = 7 * ratio;
    const diamond = () => {
      ctx.moveTo(x, y - size);
      ctx.lineTo(x + size, y);
      ctx.lineTo(x, y + size);
      ctx.lineTo(x - size, y);
      ctx.closePath();
    };
    // Solid inside the data; hollow outside it, where the line is an extrapolation.
    ctx.beginPath();
    diamond();
    ctx.fillStyle = mark.extrapolation ? halo : color('--bp-accent');
    ctx.fill();
    stroke(diamond, 2, mark.extrapolation ? color('--bp-accent') : halo);
    ctx.restore();
  }

  protected description(): string {
    const rows = this.data?.x.length ?? 0;
    const shown = this.drawnRows.length < rows ? `${formatCount(this.drawnRows.length)} of ` : '';
    if (this.partial) return this.partialDescription(`${shown}${formatCount(rows)}`);
    const line = this.line ? ` Fitted line: slope ${this.line.slope.toFixed(3)}, intercept ${this.line.intercept.toFixed(3)}.` : '';
    const refit =
      this.selected !== null && this.refit && this.data
        ? ` Refitted without ${pointName(this.data, this.selected)}: slope ${this.refit.slope.toFixed(3)}, intercept ${this.refit.intercept.toFixed(3)}.`
        : '';
    const bands = this.bands ? ' With its 95% confidence band (dashed) and prediction band (dotted).' : '';
    const mark = this.prediction;
    const predicted = mark
      ? ` Prediction marked at ${mark.x}: ${mark.y.toFixed(1)}${mark.interval ? ` (95% prediction interval ${formatInterval(mark.interval, 1)})` : ''}${mark.extrapolation ? ', outside the data: an extrapolation' : ''}.`
      : '';
    return `Scatter plot of ${shown}${formatCount(rows)} rows.${line}${bands}${refit}${predicted}`;
  }

  /** The text alternative of a component-plus-residual plot. */
  private partialDescription(rows: string): string {
    const data = this.data!;
    const target = columnLabel(data.targetName);
    const others = featureNamesOf(data)
      .filter((_, j) => j !== this.shownFeature)
      .map(columnLabel)
      .join(', ');
    const line = this.shownLine;
    if (!line) return `Scatter plot of ${rows} rows: ${target} against ${this.featureLabel}. Train or load a model for its partial fit.`;
    const refit =
      this.selected !== null && this.refit
        ? ` Partial fit refitted without ${pointName(data, this.selected)}: slope ${this.refit.slope.toFixed(3)}, intercept ${this.refit.intercept.toFixed(3)}.`
        : '';
    return `Component-plus-residual plot of ${rows} rows: ${target} with the parts of ${others} taken out (each at its mean), against ${this.featureLabel}. Partial fit: slope ${line.slope.toFixed(3)}, intercept ${line.intercept.toFixed(3)}.${refit}`;
  }

  protected tableCaption(): string {
    return this.partialFit ? 'Data points of the component-plus-residual plot' : 'Data points of the scatter plot';
  }
}

defineElement('scatter-plot', ScatterPlot);

declare global {
  interface HTMLElementTagNameMap {
    'scatter-plot': ScatterPlot;
  }
}
