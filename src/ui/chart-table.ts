import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../embed/define.ts';

/**
 * A chart's table view, its text alternative for whoever cannot see the plot: a closed disclosure
 * ("Table view") that builds its rows only when opened, so a chart updated every frame pays nothing
 * for it while it is closed.
 *
 * @csspart table - The table.
 */
export class ChartTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.85rem;
      color: var(--bp-text);
    }
    summary {
      cursor: pointer;
      color: var(--bp-muted);
    }
    summary:focus-visible {
      outline: 3px solid var(--bp-accent);
      outline-offset: 2px;
    }
    .scroll {
      max-height: 16rem;
      overflow: auto;
      margin-top: 0.25rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      color: var(--bp-muted);
      padding: 0.25rem 0;
    }
    th,
    td {
      text-align: right;
      padding: 0.15rem 0.5rem;
      border-bottom: 1px solid var(--bp-border);
      white-space: nowrap;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--bp-surface, Canvas);
    }
  `;

  /** What the table shows, e.g. "Data points of the scatter plot". */
  @property() caption = '';
  @property({ attribute: false }) columns: readonly string[] = [];
  /** Builds the rows when the table is open (called on each update while it is). */
  @property({ attribute: false }) rows: () => readonly (readonly string[])[] = () => [];
  /** A line under the table, e.g. "First 200 of 1,000,000 rows". */
  @property() note = '';

  @state() private open = false;

  protected override render() {
    return html`<details @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
      <summary>Table view</summary>
      ${
        this.open
          ? html`<div class="scroll" tabindex="0" role="region" aria-label=${this.caption}>
              <table part="table">
                <caption>${this.caption}</caption>
                <thead><tr>${this.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
                <tbody>${this.rows().map((row) => html`<tr>${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody>
              </table>
            </div>
            ${this.note ? html`<p>${this.note}</p>` : ''}`
          : ''
      }
    </details>`;
  }
}

defineElement('chart-table', ChartTable);

declare global {
  interface HTMLElementTagNameMap {
    'chart-table': ChartTable;
  }
}
