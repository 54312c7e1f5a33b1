import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { columnLabel } from '../core/data/columns.ts';
import { datasetCrossProducts } from '../core/data/dataset-facts.ts';
import type { Dataset } from '../core/data/dataset.ts';
import { featureNamesOf } from '../core/data/feature-columns.ts';
import type { Line } from '../core/model/predict.ts';
import { isFeaturesInfluence, isInfluence, type AnyInfluence } from '../core/stats/influence.ts';
import { partialLine } from '../core/stats/partial-fit.ts';
import { planeOnData } from '../core/view/point-text.ts';
import type { LineBands } from './scatter-plot.ts';
import type { PredictionMark } from '../core/view/prediction-mark.ts';
import { PointInspectionController } from './controllers/point-inspection-controller.ts';
import { defineElement } from '../embed/define.ts';
import { compactSelect } from './compact-select.ts';
import './furthest-points.ts';
import './predicted-actual-plot.ts';
import './point-influence.ts';
import './residuals-plot.ts';
import './scatter-plot.ts';

/**
 * The data seen point by point: the scatter plot with the line, residuals vs fitted beside it (below
 * on a narrow card), the points furthest from the line, and what the selected point does to the fit.
 * Selecting a point in either plot or in the list selects it everywhere. With several features the
 * scatter plot is a component-plus-residual plot of the feature chosen under it, and predicted vs
 * actual joins the plots.
 */
export class PointViews extends LitElement {
  static override styles = [
    compactSelect,
    css`
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
    .choose {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      margin: 0.25rem 0;
      font-size: 0.9rem;
    }
  `,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  /** The current line (training's live line or the model's), or null. */
  @property({ attribute: false }) line: Line | null = null;
  /** The line's 95% bands for the scatter plot, or null for none. */
  @property({ attribute: false }) bands: LineBands | null = null;
  /** The prediction being typed, marked on the scatter plot, or null. */
  @property({ attribute: false }) prediction: PredictionMark | null = null;

  /** With several features, which one the scatter plot draws (an index into the data's features). */
  @state() private feature = 0;

  private readonly inspection = new PointInspectionController(this, () => ({ data: this.data, line: this.line }));

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Other data: the feature shown stays when the new data has it, else the first.
    const before = changed.get('data');
    if (changed.has('data') && before) {
      const name = featureNamesOf(before)[this.feature];
      const at = this.data ? featureNamesOf(this.data).indexOf(name) : -1;
      this.feature = Math.max(0, at);
    }
  }

  /** The line refitted without the selected point, as the scatter plot draws it (a partial line with several features). */
  private refitLine(influence: AnyInfluence | undefined): Line | null {
    if (isInfluence(influence)) return influence.refit;
    if (!isFeaturesInfluence(influence) || !this.data) return null;
    // A feature left out of the fit (singular) has no part in it: coefficient 0.
    const coefficients = featureNamesOf(this.data).map(() => 0);
    influence.fitted.forEach((j, a) => (coefficients[j] = influence.refit.coefficients[a]));
    return partialLine({ coefficients, intercept: influence.refit.intercept }, datasetCrossProducts(this.data).means, this.feature);
  }

  /** With several features: the feature the scatter plot draws, chosen from a labelled list. */
  private renderFeatureChoice(data: Dataset) {
    const names = featureNamesOf(data);
    return html`<div class="choose">
      <label for="plot-feature">Plot against</label>
      <select
        id="plot-feature"
        data-plot-feature
        @change=${(event: Event) => (this.feature = Number((event.target as HTMLSelectElement).value))}
      >
        ${names.map((name, j) => html`<option value=${j} ?selected=${j === this.feature}>${columnLabel(name)}</option>`)}
      </select>
    </div>`;
  }

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
    const several = data?.moreFeatures !== undefined;
    const scatter = html`<scatter-plot .data=${data} .line=${line} .marked=${marked} .selected=${selected} .refit=${this.refitLine(influence)} .bands=${this.bands} .prediction=${this.prediction} .feature=${this.feature}></scatter-plot>`;
    return html`<div class="plots">
        ${
          several && data
            ? html`<div>
                <h3 data-partial-title>
                  ${planeOnData(data, line) ? 'Component plus residual: ' : ''}${columnLabel(data.targetName)} against
                  ${columnLabel(featureNamesOf(data)[this.feature])}
                </h3>
                ${this.renderFeatureChoice(data)} ${scatter}
              </div>`
            : html`<div>${scatter}</div>`
        }
        <div>
          <h3>Residuals vs fitted</h3>
          <residuals-plot .data=${data} .line=${line} .marked=${marked} .selected=${selected}></residuals-plot>
        </div>
        ${
          several
            ? html`<div>
                <h3>Predicted vs actual</h3>
                <predicted-actual-plot .data=${data} .line=${line} .marked=${marked} .selected=${selected}></predicted-actual-plot>
              </div>`
            : ''
        }
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
