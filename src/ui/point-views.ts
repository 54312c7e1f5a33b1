import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset } from '../core/data/dataset.ts';
import type { Line } from '../core/model/predict.ts';
import { isInfluence } from '../core/stats/influence.ts';
import type { LineBands } from './scatter-plot.ts';
import type { PredictionMark } from '../core/view/prediction-mark.ts';
import { PointInspectionController } from './controllers/point-inspection-controller.ts';
import { defineElement } from '../embed/define.ts';
import './furthest-points.ts';
import './point-influence.ts';
import './residuals-plot.ts';
import './scatter-plot.ts';

/**
 * The data seen point by point: the scatter plot with the line, residuals vs fitted beside it (below
 * on a narrow card), the points furthest from the line, and what the selected point does to the fit.
 * Selecting a point in either plot or in the list selects it everywhere.
 */
export class PointViews extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .plots {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr));
      gap: 0.75rem;
    }
    .details {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
      gap: 0.75rem;
      margin-top: 0.75rem;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0.25rem 0;
    }
  `;

  @property({ attribute: false }) data: Dataset | null = null;
  /** The current line (training's live line or the model's), or null. */
  @property({ attribute: false }) line: Line | null = null;
  /** The line's 95% bands for the scatter plot, or null for none. */
  @property({ attribute: false }) bands: LineBands | null = null;
  /** The prediction being typed, marked on the scatter plot, or null. */
  @property({ attribute: false }) prediction: PredictionMark | null = null;

  private readonly inspection = new PointInspectionController(this, () => ({ data: this.data, line: this.line }));

  /** Escape clears the selection from the list and the influence panel too, as it does in the plots. */
  private onDetailsKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.inspection.selected === null) return;
    const row = this.inspection.selected;
    this.inspection.select(null);
    // The panel's Clear selection button goes: focus stays in the list, on the point that was selected.
    void this.updateComplete.then(() => {
      const list = this.renderRoot.querySelector('furthest-points');
      const button =
        list?.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-row="${row}"]`) ?? list?.shadowRoot?.querySelector('button');
      if (!this.matches(':focus-within')) button?.focus();
    });
  }

  protected override render() {
    const { data, line } = this;
    const { selected, influence } = this.inspection;
    const furthest = this.inspection.furthest;
    const marked = furthest.map((p) => p.index);
    return html`<div class="plots">
        <div><scatter-plot .data=${data} .line=${line} .marked=${marked} .selected=${selected} .refit=${isInfluence(influence) ? influence.refit : null} .bands=${this.bands} .prediction=${this.prediction}></scatter-plot></div>
        <div>
          <h3>Residuals vs fitted</h3>
          <residuals-plot .data=${data} .line=${line} .marked=${marked} .selected=${selected}></residuals-plot>
        </div>
      </div>
      <div class="details" @keydown=${this.onDetailsKeyDown}>
        <furthest-points .data=${data} .points=${furthest} .selected=${selected}></furthest-points>
        <point-influence .data=${data} .selected=${selected} .influence=${influence}></point-influence>
      </div>`;
  }
}

defineElement('point-views', PointViews);

declare global {
  interface HTMLElementTagNameMap {
    'point-views': PointViews;
  }
}
