import type uPlot from 'uplot';
import { columnLabel, columnUnit } from '../core/data/columns.ts';
import { featureNamesOf } from '../core/data/feature-columns.ts';
import { defineElement } from '../embed/define.ts';
import { ResidualsPlot } from './residuals-plot.ts';
import type { ColorOf } from './uplot-chart.ts';

/**
 * Predicted against actual values of the target for the current fit: with several features there is
 * no one feature to draw the rows against, but every row has a prediction, and a good fit puts the
 * points along the diagonal (predicted = actual). The same points as the other plots, with the same
 * tooltips, marks and selection; ordered, like residuals vs fitted, by their fitted values.
 *
 * @fires point-select - The user selected a point (`row`), or cleared the selection (`row` null).
 * @cssprop --bp-points - Colour of the points.
 * @cssprop --bp-line - The diagonal.
 */
export class PredictedActualPlot extends ResidualsPlot {
  protected override plotPoint(row: number): [number, number] {
    return [this.plane ? this.fittedAt(row) : 0, this.data!.y[row]];
  }

  protected override chartData(): uPlot.AlignedData {
    const [xs, ys] = this.pointSeries();
    const last = xs.length - 1;
    return [xs, ys, xs.map((x, i) => (i === 0 || i === last ? x : null))];
  }

  protected override options(width: number, color: ColorOf): uPlot.Options {
    const target = this.data?.targetName ?? 'LifeExpectancy';
    const unit = columnUnit(target);
    const name = `${columnLabel(target).toLowerCase()}${unit ? ` (${unit})` : ''}`;
    const common = this.commonOptions(width);
    return {
      ...common,
      cursor: { ...common.cursor, points: { show: false } },
      scales: this.paddedScales(),
      axes: [this.axis(`Predicted ${name}`, color), this.axis(`Actual ${name}`, color)],
      plugins: [this.pointPlugin(color)],
      series: [
        { label: 'Predicted' },
        this.dotsSeries('Rows', color),
        { label: 'Predicted = actual', stroke: color('--bp-line'), width: 1.5, spanGaps: true, points: { show: false } },
      ],
    };
  }

  protected override emptyText(): string {
    return "Each row's prediction against its actual value appears here once there is a model: train or load one.";
  }

  protected override description(): string {
    if (!this.plane || !this.data) return 'Predicted vs actual: no model yet. Train or load a model.';
    const rows = this.data.x.length;
    const shown = this.drawnRows.length < rows ? `${this.drawnRows.length} of ` : '';
    const features = featureNamesOf(this.data).map(columnLabel).join(', ');
    return `Predicted vs actual ${columnLabel(this.data.targetName).toLowerCase()} of ${shown}${rows} rows for the fit of ${features}: points on the diagonal are predicted exactly.`;
  }

  protected override tableCaption(): string {
    return 'Predicted and actual values of the current fit';
  }
}

defineElement('predicted-actual-plot', PredictedActualPlot);

declare global {
  interface HTMLElementTagNameMap {
    'predicted-actual-plot': PredictedActualPlot;
  }
}
