import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset } from '../core/data/dataset.ts';
import type { PointResidual } from '../core/stats/influence.ts';
import { formatSigned, pointName } from '../core/view/point-text.ts';
import { defineElement } from '../embed/define.ts';
import { PointSelectEvent } from './point-events.ts';
import { truncate } from './truncate.ts';

/**
 * "Furthest from the line": the rows with the largest residuals from the current line, each a button
 * that selects its point (so the list is also the keyboard's way to the outliers).
 *
 * @fires point-select - The user selected a row of the list (`row`).
 * @csspart list - The ordered list.
 */
export class FurthestPoints extends LitElement {
  static override styles = [
    truncate,
    css`
    :host {
      display: block;
      font-size: 0.9rem;
      color: var(--bp-text);
    }
    h3 {
      font-size: 0.95rem;
      margin: 0 0 0.35rem;
    }
    ol {
      margin: 0;
      padding-left: 1.5rem;
    }
    li {
      margin: 0.1rem 0;
    }
    button {
      max-width: 100%;
      font: inherit;
      color: var(--bp-text);
      background: none;
      border: 1px solid transparent;
      border-radius: 4px;
      padding: 0.05rem 0.3rem;
      /* At least 24 × 24 px to touch (WCAG 2.5.8). */
      min-height: 24px;
      align-items: center;
      cursor: pointer;
      display: inline-flex;
      gap: 0.6rem;
      text-align: left;
    }
    button:hover {
      border-color: var(--bp-control-border);
    }
    button[aria-pressed='true'] {
      border-color: var(--bp-accent);
      font-weight: 600;
    }
    button:focus-visible {
      outline: 3px solid var(--bp-accent);
      outline-offset: 1px;
    }
    .residual {
      flex: none;
      font-variant-numeric: tabular-nums;
      color: var(--bp-muted);
    }
  `,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  /** Rows and residuals, largest first (see `furthestFromLine`). */
  @property({ attribute: false }) points: readonly PointResidual[] = [];
  @property({ attribute: false }) selected: number | null = null;

  protected override render() {
    const { data } = this;
    if (!data || this.points.length === 0) return html``;
    // With several features the fit is a plane: "line" would name the wrong thing.
    return html`<h3 id="heading">Furthest from the ${data.moreFeatures === undefined ? 'line' : 'fit'}</h3>
      <ol part="list" aria-labelledby="heading" data-furthest>
        ${this.points.map(({ index, residual }) => {
          const name = pointName(data, index);
          return html`<li>
              <button
                aria-pressed=${this.selected === index ? 'true' : 'false'}
                data-row=${index}
                title=${name}
                @click=${() => this.dispatchEvent(new PointSelectEvent(index))}
              >
                <span class="name truncate">${name}</span> <span class="residual">${formatSigned(residual)}</span>
              </button>
            </li>`;
        })}
      </ol>`;
  }
}

defineElement('furthest-points', FurthestPoints);

declare global {
  interface HTMLElementTagNameMap {
    'furthest-points': FurthestPoints;
  }
}
