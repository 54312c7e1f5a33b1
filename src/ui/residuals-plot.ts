import type uPlot from 'uplot';
import { css, html } from 'lit';
import { columnLabel, columnUnit } from '../core/data/columns.ts';
import { defineElement } from '../embed/define.ts';
import { featureNamesOf } from '../core/data/feature-columns.ts';
import { PointChart, rowsInFittedOrder } from './point-chart.ts';
import type { ColorOf } from './uplot-chart.ts';

/**
 * Residuals against fitted values for the current line: a good straight-line fit leaves a patternless
 * band around zero; a curve or a funnel says the line misses something. The same points as the scatter
 * plot, with the same tooltips, marks and selection.
 *
 * @fires point-select - The user selected a point (`row`), or cleared the selection (`row` null).
 * @cssprop --bp-points - Colour of the points.
 * @cssprop --bp-line - The zero line.
 */
export class ResidualsPlot extends PointChart {
  static override styles = [
    ...PointChart.styles,
    css`
      :host {
        position: relative;
      }
      .empty {
        position: absolute;
        inset: 0 0 auto;
        height: 200px;
        margin: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        text-align: center;
        padding: 0 2rem;
        color: var(--bp-muted);
        font-size: 0.9rem;
        pointer-events: none;
      }
    `,
  ];

  /** Before there is a line the axes are empty: say what will appear on them. */
  protected override render() {
    return html`${super.render()}
    ${this.line ? '' : html`<p class="empty" data-empty>${this.emptyText()}</p>`}`;
  }

  /** What the plot says before there is a line. */
  protected emptyText(): string {
    return "Each point's residual (its distance above or below the line) appears here once there is a line: train or load a model.";
  }

  protected plotPoint(row: number): [number, number] {
    const fitted = this.plane ? this.fittedAt(row) : 0;
    return [fitted, this.data!.y[row] - fitted];
  }

  /**
   * With one feature, fitted values rise with x for a rising line and fall for a falling one; with
   * several, the drawn rows are sorted by their fitted values.
   */
  protected override orderRows(rowsByX: Uint32Array): Uint32Array {
    if (!this.line || !this.plane) return new Uint32Array();
    if (this.columns.length > 1) return rowsInFittedOrder(rowsByX, (row) => this.fittedAt(row));
    return this.line.slope < 0 ? rowsByX.slice().reverse() : rowsByX;
  }

  protected chartData(): uPlot.AlignedData {
    const [xs, ys] = this.pointSeries();
    const last = xs.length - 1;
    return [xs, ys, xs.map((_, i) => (i === 0 || i === last ? 0 : null))];
  }

  protected options(width: number, color: ColorOf): uPlot.Options {
    const target = this.data?.targetName ?? 'LifeExpectancy';
    const unit = columnUnit(target);
    const common = this.commonOptions(width);
    return {
      ...common,
      cursor: { ...common.cursor, points: { show: false } },
      scales: this.paddedScales(),
      axes: [this.axis(`Fitted ${columnLabel(target).toLowerCase()}${unit ? ` (${unit})` : ''}`, color), this.axis('Residual', color)],
      plugins: [this.pointPlugin(color)],
      series: [
        { label: 'Fitted' },
        this.dotsSeries('Residuals', color),
        { label: 'Zero', stroke: color('--bp-line'), width: 1.5, spanGaps: true, points: { show: false } },
      ],
    };
  }

  protected description(): string {
    if (!this.line || !this.data) return 'Residuals vs fitted: no line yet. Train or load a model.';
    const rows = this.data.x.length;
    const shown = this.drawnRows.length < rows ? `${this.drawnRows.length} of ` : '';
    if (this.columns.length > 1)
      return `Residuals vs fitted values of ${shown}${rows} rows for the fit of ${this.columns.length} features (${featureNamesOf(this.data).map(columnLabel).join(', ')}).`;
    return `Residuals vs fitted values of ${shown}${rows} rows for the line with slope ${this.line.slope.toFixed(3)} and intercept ${this.line.intercept.toFixed(3)}.`;
  }

  protected tableCaption(): string {
    return 'Residuals of the current line';
  }
}

defineElement('residuals-plot', ResidualsPlot);

declare global {
  interface HTMLElementTagNameMap {
    'residuals-plot': ResidualsPlot;
  }
}
