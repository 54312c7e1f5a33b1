import type uPlot from 'uplot';
import { css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LossCurve } from '../core/view/loss-curve.ts';
import { tickLabels } from '../core/view/tick-labels.ts';
import { formatLoss } from '../core/train/progress.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from '../embed/define.ts';
import { UplotChart, type ColorOf } from './uplot-chart.ts';
import './chart-table.ts';

/** uPlot cannot draw Infinity or NaN (a diverging run), nor a non-positive value on a log scale. */
function plottable(value: number | null, log: boolean): number | null {
  return value !== null && Number.isFinite(value) && (!log || value > 0) ? value : null;
}

/** Said over the empty chart (and in its text alternative) before any training. */
const EMPTY_HINT = 'Press Train to see the loss fall here, epoch by epoch.';

/** Tick steps of the epoch axis: whole numbers only (1, 2, 5, 10, 20, 50, …). */
const WHOLE_INCREMENTS = Array.from({ length: 10 }, (_, power) => [1, 2, 5].map((step) => step * 10 ** power)).flat();

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
      .plot-area {
        position: relative;
      }
      /* Before any training: the axes are drawn with a placeholder range and this hint over them. */
      .hint {
        position: absolute;
        inset: 0 0 60px 60px;
        display: grid;
        place-items: center;
        margin: 0;
        padding: 0 1rem;
        text-align: center;
        color: var(--bp-muted);
        font-size: 0.9rem;
        pointer-events: none;
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
    // Nothing trained yet: one empty epoch, so uPlot still draws the axes (on the ranges below).
    if (points.length === 0) return this.showValidation ? [[0], [null], [null]] : [[0], [null]];
    const data: uPlot.AlignedData = [points.map((p) => p.epoch), points.map((p) => plottable(p.trainLoss, logScale))];
    return this.showValidation ? [...data, points.map((p) => plottable(p.validationLoss, logScale))] : data;
  }

  protected options(width: number, color: ColorOf): uPlot.Options {
    const common = this.commonOptions(width);
    return {
      ...common,
      scales: {
        ...common.scales,
        // Placeholder ranges while the chart is empty (ten epochs, and a loss scale without numbers).
        x: {
          ...common.scales?.x,
          range: (_, min, max) => (this.points.length === 0 ? [0, 10] : min === max ? [min, min + 1] : [min, max]),
        },
        y: {
          // uPlot's scale distributions: 3 is logarithmic, 1 linear (a const enum, written as its numbers).
          // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
          distr: this.logScale ? 3 : 1,
          ...(this.points.length === 0 ? { range: [1, 10] as uPlot.Range.MinMax } : {}),
        },
      },
      axes: [
        // Epochs are whole: a chart of one epoch has ticks 0 and 1, not 0, 0.2 … 1.
        { ...this.axis('Epoch', color), incrs: WHOLE_INCREMENTS },
        {
          ...this.axis(`MSE${this.unit ? ` (${this.unit})` : ''}${this.logScale ? ', log' : ''}`, color),
          size: 60,
          // A diverging run reaches 1e30 and beyond: exponents keep the ticks inside the axis, with
          // enough digits that neighbours differ. (uPlot passes null for ticks it skips on a log scale.)
          // No numbers on the placeholder axis of an empty chart.
          values: (_, ticks) => (this.points.length === 0 ? ticks.map(() => '') : tickLabels(ticks)),
        },
      ],
      // The legend shows the epoch and losses under the cursor (the last epoch when it is away).
      legend: { live: true },
      series: [
        { label: 'Epoch', value: (_, epoch) => (epoch === null ? '—' : String(epoch)) },
        { label: 'Training loss', stroke: color('--bp-line'), width: 2, value: (_, loss) => formatLoss(loss) },
        ...(this.showValidation
          ? [
              {
                label: 'Validation loss',
                stroke: color('--bp-validation'),
                width: 2,
                dash: [6, 4],
                value: (_: uPlot, loss: number | null) => formatLoss(loss),
              },
            ]
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
    const emptinessChanged =
      changed.has('points') && ((changed.get('points') as readonly LossPoint[] | undefined)?.length === 0) !== (this.points.length === 0);
    if (changed.has('unit') || changed.has('logScale') || changed.has('showValidation') || emptinessChanged) this.rebuildOnNextUpdate();
  }

  protected description(): string {
    const last = this.points.at(-1);
    if (!last) return `Loss chart: no training yet. ${EMPTY_HINT}`;
    const validation = last.validationLoss === null ? '' : `, validation MSE ${formatLoss(last.validationLoss)}`;
    // Points run from epoch 0 (where training started), so their count is one more than the epochs.
    return `Loss chart: epochs ${this.points[0].epoch} to ${last.epoch}, latest training MSE ${formatLoss(last.trainLoss)}${validation}.`;
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
      <div class="plot-area">
        ${super.render()}${this.points.length === 0 ? html`<p class="hint" aria-hidden="true">${EMPTY_HINT}</p>` : ''}
      </div>
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
