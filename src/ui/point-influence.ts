import { fixedWithMinus } from '../core/text.ts';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset } from '../core/data/dataset.ts';
import { columnLabel } from '../core/data/columns.ts';
import { featureNamesOf } from '../core/data/feature-columns.ts';
import {
  isFeaturesInfluence,
  isInfluence,
  type AnyInfluence,
  type FeaturesInfluence,
  type FeaturesInfluenceUnavailable,
  type InfluenceUnavailable,
} from '../core/stats/influence.ts';
import { formatSigned, pointName } from '../core/view/point-text.ts';
import { defineElement } from '../embed/define.ts';
import { PointSelectEvent } from './point-events.ts';
import { truncate } from './truncate.ts';

/**
 * What the selected point does to the least-squares line: its leverage and Cook's distance and the
 * line refitted without it ("without Tonga: slope 2.62, +4.1%"), announced when the selection changes.
 * With several features, the same for the least-squares fit of all of them: its leverage from the hat
 * matrix and every coefficient refitted without the point, with the largest change said first.
 *
 * @fires point-select - The user cleared the selection (`row` null).
 */
export class PointInfluence extends LitElement {
  static override styles = [
    truncate,
    css`
    :host {
      display: block;
      font-size: 0.9rem;
      color: var(--bp-text);
    }
    .box {
      border: 1px solid var(--bp-border);
      border-left: 4px solid var(--bp-accent);
      border-radius: 6px;
      padding: 0.4rem 0.6rem;
    }
    p {
      margin: 0.15rem 0;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.75rem;
      margin: 0.25rem 0;
    }
    dt {
      color: var(--bp-muted);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    button {
      font: inherit;
      color: var(--bp-accent);
      background: none;
      border: 1px solid var(--bp-control-border);
      border-radius: 4px;
      padding: 0.1rem 0.5rem;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--bp-accent);
      outline-offset: 2px;
    }
  `,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) selected: number | null = null;
  /** The selected row's influence, why it has none, or undefined (no selection). */
  @property({ attribute: false }) influence: AnyInfluence | undefined;

  protected override render() {
    const { data, selected, influence } = this;
    if (!data || selected === null) return html`<div aria-live="polite" data-influence></div>`;
    const name = pointName(data, selected);
    if (isFeaturesInfluence(influence)) return this.renderFeatures(data, name, influence);
    if (!isInfluence(influence)) {
      return html`<div class="box" aria-live="polite" data-influence>
        <p data-summary><strong>Without ${this.nameOf(name)}: no line.</strong> ${whyNoRefit(influence, data)}</p>
        ${this.clearButton()}
      </div>`;
    }
    const { leverage, cooksDistance, refit, slopeChange } = influence;
    return html`<div class="box" aria-live="polite" data-influence>
      <p data-summary><strong>Without ${this.nameOf(name)}: slope ${refit.slope.toFixed(2)}, ${formatSigned(slopeChange * 100, 1)}%</strong></p>
      <dl>
        ${influenceRows(leverage, cooksDistance)}
        <dt>Refitted line</dt>
        <dd data-refit>slope ${refit.slope.toFixed(4)}, intercept ${refit.intercept.toFixed(4)}</dd>
      </dl>
      ${this.clearButton()}
    </div>`;
  }

  /** The influence on a fit of several features: leverage, Cook's distance, every refitted coefficient. */
  private renderFeatures(data: Dataset, name: string, influence: FeaturesInfluence) {
    const { leverage, cooksDistance, refit, changes, fitted } = influence;
    const names = featureNamesOf(data);
    // The coefficient that moves most, by its relative change.
    const most = changes.reduce((best, change, a) => (Math.abs(change) > Math.abs(changes[best]) ? a : best), 0);
    return html`<div class="box" aria-live="polite" data-influence>
      <p data-summary>
        <strong>Without ${this.nameOf(name)}: ${columnLabel(names[fitted[most]])} ${withMinus(refit.coefficients[most])}, ${formatSigned(changes[most] * 100, 1)}%</strong>
      </p>
      <dl>
        ${influenceRows(leverage, cooksDistance)}
        <dt>Refitted intercept</dt>
        <dd data-refit-intercept>${withMinus(refit.intercept)}</dd>
        ${fitted.map(
          (j, a) =>
            html`<dt>Refitted ${columnLabel(names[j])}</dt>
              <dd data-refit=${names[j]}>${withMinus(refit.coefficients[a])} (${formatSigned(changes[a] * 100, 1)}%)</dd>`,
        )}
      </dl>
      ${this.clearButton()}
    </div>`;
  }

  /** The point's name, cut with an ellipsis when long; whole in its title and its text. */
  private nameOf(name: string) {
    return html`<span class="truncate" title=${name}>${name}</span>`;
  }

  private clearButton() {
    return html`<button @click=${() => this.dispatchEvent(new PointSelectEvent(null))}>Clear selection</button>`;
  }
}

/** Why the point has no refit, in words: the true reason, never a made-up line. */
function whyNoRefit(influence: InfluenceUnavailable | FeaturesInfluenceUnavailable | undefined, data: Dataset): string {
  const feature = columnLabel(data.featureName);
  if (data.moreFeatures) return whyNoFeaturesRefit(influence, data);
  switch (influence?.unavailable) {
    case 'constant-feature':
      return `Every row has the same ${feature}: there is no line to refit.`;
    case 'others-constant-feature':
      return `The other rows all have the same ${feature}: no line without this point (its leverage is 1, and its Cook's distance is undefined).`;
    default:
      return `With ${data.x.length} rows, too few are left without it to fit a line and measure its influence (that needs 3 rows).`;
  }
}

/** The leverage and Cook's distance rows, the same for a line and a plane. */
function influenceRows(leverage: number, cooksDistance: number) {
  return html`<dt>Leverage</dt>
    <dd data-leverage>${leverage.toFixed(4)}</dd>
    <dt>Cook's distance</dt>
    <dd data-cooks>${cooksDistance.toFixed(4)}</dd>`;
}

/** Four decimals with a real minus sign, as the fit summary writes its estimates. */
const withMinus = (value: number): string => fixedWithMinus(value, 4);

/** Why a point of several features has no refit. */
function whyNoFeaturesRefit(influence: InfluenceUnavailable | FeaturesInfluenceUnavailable | undefined, data: Dataset): string {
  switch (influence?.unavailable) {
    case 'constant-feature':
      return 'Every feature is constant, or a combination of the others: there is no fit to refit.';
    case 'others-singular':
      return "Without it, a feature would be constant or a linear combination of the others: no fit without this point (its leverage is 1, and its Cook's distance is undefined).";
    default:
      return `With ${data.x.length} rows, too few are left without it to fit every coefficient and measure its influence.`;
  }
}

defineElement('point-influence', PointInfluence);

declare global {
  interface HTMLElementTagNameMap {
    'point-influence': PointInfluence;
  }
}
