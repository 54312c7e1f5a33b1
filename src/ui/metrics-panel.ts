import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { describeGap, formatLine, type NamedLine } from '../core/view/format.ts';
import type { Metrics } from '../core/stats/metrics.ts';
import { formatLoss } from '../core/train/progress.ts';
import type { SplitMetrics } from '../core/data/split.ts';
import { defineElement } from '../embed/define.ts';
import { panelStyles } from './theme.ts';

/**
 * The fit's quality after training: MSE, RMSE and R² on the training and validation rows, how far
 * the training MSE is from the closed-form optimum on the same rows, and the fitted line itself.
 * During a run the page gives it the run's line as it stands, with `provisional` saying so.
 */
export class MetricsPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
        gap: 0.5rem 1rem;
        margin: 0;
      }
      dt {
        color: var(--bp-muted);
        font-size: 0.85rem;
      }
      dd {
        margin: 0;
        font-size: 1.25rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .gap,
      .line {
        margin: 0.75rem 0 0;
      }
      .line {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) metrics: SplitMetrics | null = null;
  /** The line (a model's, or a run's) the metrics describe. */
  @property({ attribute: false }) model: NamedLine | null = null;
  /** Set while the metrics are of a run's line as it stands: what that line is. */
  @property() provisional = '';
  /** Unit of the target, e.g. "years". */
  @property() unit = '';

  private renderMetrics(label: string, metrics: Metrics, id: string) {
    // Four decimals, without a "-0.0000" for a value that rounds to zero.
    const fixed = (value: number): string => (Math.abs(value) < 5e-5 ? 0 : value).toFixed(4);
    const squared = this.unit ? ` (${this.unit}²)` : '';
    const plain = this.unit ? ` (${this.unit})` : '';
    return html`<h3 class="muted">${label}</h3>
      <dl id=${id}>
        <div><dt>MSE${squared}</dt><dd data-metric="mse">${formatLoss(metrics.mse)}</dd></div>
        <div><dt>RMSE${plain}</dt><dd data-metric="rmse">${fixed(metrics.rmse)}</dd></div>
        <div><dt>R²</dt><dd data-metric="r2">${fixed(metrics.r2)}</dd></div>
      </dl>`;
  }

  /**
   * How far the training MSE is from the closed-form optimum's. The optimum's MSE is written out only
   * where it differs from the training MSE as shown above: each number once.
   */
  private gapText(metrics: SplitMetrics): string {
    const gap = `Training MSE ${describeGap(metrics.train.mse, metrics.optimum.mse)}`;
    const optimum = formatLoss(metrics.optimum.mse);
    return optimum === formatLoss(metrics.train.mse)
      ? `${gap}: no line has a lower MSE on the same rows (the closed-form optimum).`
      : `${gap} (closed-form optimum on the same rows: ${optimum}).`;
  }

  private renderLine() {
    const { model } = this;
    if (!model) return '';
    return html`<p class="line muted" data-line data-slope=${model.slope} data-intercept=${model.intercept}>${formatLine(model)}</p>`;
  }

  protected override render() {
    const { metrics } = this;
    return html`<h2>Fit</h2>
      <div aria-live=${this.provisional ? 'off' : 'polite'}>
        ${
          metrics
            ? html`${this.provisional ? html`<p class="muted" data-provisional>${this.provisional}</p>` : ''}
                ${this.renderMetrics('Training rows', metrics.train, 'train')}
                ${metrics.validation ? this.renderMetrics('Validation rows', metrics.validation, 'validation') : ''}
                <p class="gap" data-gap data-optimum=${metrics.optimum.mse}>${this.gapText(metrics)}</p>
                ${this.renderLine()}`
            : html`<p class="muted">${this.provisional || 'Train a model to see how well the line fits.'}</p>`
        }
      </div>`;
  }
}

defineElement('metrics-panel', MetricsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'metrics-panel': MetricsPanel;
  }
}
