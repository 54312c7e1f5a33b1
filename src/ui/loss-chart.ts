import type uPlot from 'uplot';
import { property } from 'lit/decorators.js';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from './define.ts';
import { UplotChart, type ColorOf } from './uplot-chart.ts';

/**
 * The live loss chart: training (and, when there are validation rows, validation) MSE per epoch.
 *
 * @cssprop --bp-line - Colour of the training loss.
 * @cssprop --bp-validation - Colour of the validation loss.
 */
export class LossChart extends UplotChart {
  /** Every epoch's loss so far; replace the array (not mutate it) to redraw. */
  @property({ attribute: false }) points: readonly LossPoint[] = [];
  /** Unit of the loss, e.g. "years²". */
  @property() unit = '';

  protected chartData(): uPlot.AlignedData {
    const points = this.points;
    return [points.map((p) => p.epoch), points.map((p) => p.trainLoss), points.map((p) => p.validationLoss)];
  }

  protected options(width: number, color: ColorOf): uPlot.Options {
    return {
      ...this.commonOptions(width),
      axes: [this.axis('Epoch', color), { ...this.axis(`MSE${this.unit ? ` (${this.unit})` : ''}`, color), size: 60 }],
      series: [
        { label: 'Epoch' },
        { label: 'Training loss', stroke: color('--bp-line'), width: 2 },
        { label: 'Validation loss', stroke: color('--bp-validation'), width: 2, dash: [6, 4] },
      ],
    };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('unit')) this.rebuildOnNextUpdate();
  }

  protected description(): string {
    const last = this.points.at(-1);
    return last
      ? `Loss chart: ${this.points.length} epochs, latest training MSE ${last.trainLoss.toFixed(4)}.`
      : 'Loss chart: no training yet.';
  }
}

defineElement('loss-chart', LossChart);

declare global {
  interface HTMLElementTagNameMap {
    'loss-chart': LossChart;
  }
}
