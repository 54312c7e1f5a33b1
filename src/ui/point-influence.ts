import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset } from '../core/data/dataset.ts';
import type { Influence } from '../core/stats/influence.ts';
import { formatSigned, pointName } from '../core/view/point-text.ts';
import { defineElement } from '../embed/define.ts';
import { PointSelectEvent } from './point-events.ts';

/**
 * What the selected point does to the least-squares line: its leverage and Cook's distance and the
 * line refitted without it ("without Tonga: slope 2.62, +4.1%"), announced when the selection changes.
 *
 * @fires point-select - The user cleared the selection (`row` null).
 */
export class PointInfluence extends LitElement {
  static override styles = css`
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
  `;

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) selected: number | null = null;
  /** The selected row's influence, or undefined (no selection, or too few rows to say). */
  @property({ attribute: false }) influence: Influence | undefined;

  protected override render() {
    const { data, selected, influence } = this;
    if (!data || selected === null) return html`<div aria-live="polite" data-influence></div>`;
    const name = pointName(data, selected);
    if (!influence) {
      return html`<div class="box" aria-live="polite" data-influence><p>${name}: too few rows to refit without it.</p></div>`;
    }
    const { leverage, cooksDistance, refit, slopeChange } = influence;
    return html`<div class="box" aria-live="polite" data-influence>
      <p data-summary><strong>Without ${name}: slope ${refit.slope.toFixed(2)}, ${formatSigned(slopeChange * 100, 1)}%</strong></p>
      <dl>
        <dt>Leverage</dt>
        <dd data-leverage>${leverage.toFixed(4)}</dd>
        <dt>Cook's distance</dt>
        <dd data-cooks>${cooksDistance.toFixed(4)}</dd>
        <dt>Refitted line</dt>
        <dd data-refit>slope ${refit.slope.toFixed(4)}, intercept ${refit.intercept.toFixed(4)}</dd>
      </dl>
      <button @click=${() => this.dispatchEvent(new PointSelectEvent(null))}>Clear selection</button>
    </div>`;
  }
}

defineElement('point-influence', PointInfluence);

declare global {
  interface HTMLElementTagNameMap {
    'point-influence': PointInfluence;
  }
}
