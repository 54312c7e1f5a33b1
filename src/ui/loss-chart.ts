import type uPlot from 'uplot';
import { css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LossCurve } from '../core/loss-curve.ts';
import { tickLabels } from '../core/tick-labels.ts';
import { formatLoss } from '../core/train/progress.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from '../embed/define.ts';
import { UplotChart, type ColorOf } from './uplot-chart.ts';
import './chart-table.ts';

/** uPlot cannot draw Infinity or NaN (a diverging run), nor a non-positive value on a log scale. */
function plottable(value: number | null, log: boolean): number | null {
  return value !== null && Number.isFinite(value) && (!log || value > 0) ? value : null;
}

/**
 * The live loss chart: training and, when there are validation rows, validation MSE per epoch, on a
 * linear or logarithmic scale. Each update looks only at the new epochs, and a long run is drawn
 * with at most about 2,000 points (see `LossCurve`), so a 100,000-epoch run stays cheap to follow.
 *
 * @cssprop --bp-line - Colour of the training loss.
 * @cssprop --bp-validation - Colour of the validation loss.
 */
export class LossChart extends UplotChart {
  static override styles = [
    ...UplotChart.styles,
    css`
      .toolbar {
        display: flex;
        justify-content: flex-end;
        font-size: 0.85rem;
        color: var(--bp-muted);
      }
      .toolbar label {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        cursor: pointer;
      }
    `,
  ];

  /**
   * Every epoch's loss so far; replace the array (not mutate it) to redraw. A new array that starts
   * with the same point objects is taken as an append: only its new points are looked at.
   */
  @property({ attribute: false }) points: readonly LossPoint[] = [];
  /** Unit of the loss, e.g. "years²". */
  @property() unit = '';
  /** A logarithmic y axis shows the slow end of a run. */
  @property({ type: Boolean }) logScale = false;

  /** Whether the validation series is drawn (only when the run has validation rows). */
  @state() private showValidation = false;

  private readonly curve = new LossCurve();

  protected chartData(): uPlot.AlignedData {
    const { logScale } = this;
    const points = this.curve.drawn();
    const data: uPlot.AlignedData = [points.map((p) => p.epoch), points.map((p) => plottable(p.trainLoss, logScale))];
    return this.showValidation ? [...data, points.map((p) => plottable(p.validationLoss, logScale))] : data;
  }

  protected options(width: number, color: ColorOf): uPlot.Options {
    const common = this.commonOptions(width);
    return {
      ...common,
      scales: { ...common.scales, y: { distr: this.logScale ? 3 : 1 } },
      axes: [
        this.axis('Epoch', color),
        {
          ...this.axis(`MSE${this.unit ? ` (${this.unit})` : ''}${this.logScale ? ', log' : ''}`, color),
          size: 60,
          // A diverging run reaches 1e30 and beyond: exponents keep the ticks inside the axis, with
          // enough digits that neighbours differ. (uPlot passes null for ticks it skips on a log scale.)
          values: (_, ticks) => tickLabels(ticks),
        },
      ],
      // The legend shows the epoch and losses under the cursor (the last epoch when it is away).
      legend: { live: true },
      series: [
        { label: 'Epoch', value: (_, epoch) => (epoch === null ? '—' : String(epoch)) },
        { label: 'Training loss', stroke: color('--bp-line'), width: 2, value: (_, loss) => formatLoss(loss) },
        ...(this.showValidation
          ? [{ label: 'Validation loss', stroke: color('--bp-validation'), width: 2, dash: [6, 4], value: (_: uPlot, loss: number | null) => formatLoss(loss) }]
          : []),
      ],
    };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('points')) {
      this.curve.update(this.points);
      const first = this.points[0];
      // A new run decides from its first point; an empty chart keeps the last choice.
      if (first) this.showValidation = first.validationLoss !== null;
    }
    if (changed.has('unit') || changed.has('logScale') || changed.has('showValidation')) this.rebuildOnNextUpdate();
  }

  protected description(): string {
    const last = this.points.at(-1);
    if (!last) return 'Loss chart: no training yet.';
    const validation = last.validationLoss === null ? '' : `, validation MSE ${formatLoss(last.validationLoss)}`;
    // Points run from epoch 0 (where training started), so their count is one more than the epochs.
    return `Loss chart: epochs ${this.points[0]!.epoch} to ${last.epoch}, latest training MSE ${formatLoss(last.trainLoss)}${validation}.`;
  }

  /** The table view: the epochs the chart draws (every one up to 2,000), at most 200 of them, evenly spread, and the last. */
  private tableRows(): string[][] {
    const drawn = this.curve.drawn();
    const stride = Math.max(1, Math.ceil(drawn.length / 200));
    return drawn
      .filter((_, i) => i % stride === 0 || i === drawn.length - 1)
      .map((p) => [String(p.epoch), formatLoss(p.trainLoss), ...(this.showValidation ? [formatLoss(p.validationLoss)] : [])]);
  }

  protected override render() {
    return html`<div class="toolbar">
        <label><input type="checkbox" .checked=${this.logScale} @change=${(e: Event) => (this.logScale = (e.target as HTMLInputElement).checked)} />
          Log scale</label>
      </div>
      ${super.render()}
      <chart-table
        caption="Loss per epoch"
        .columns=${['Epoch', 'Training MSE', ...(this.showValidation ? ['Validation MSE'] : [])]}
        .rows=${() => this.tableRows()}
      ></chart-table>`;
  }
}

defineElement('loss-chart', LossChart);

declare global {
  interface HTMLElementTagNameMap {
    'loss-chart': LossChart;
  }
}
