import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset, SkippedRows } from '../core/dataset.ts';
import type { Line } from '../core/predict.ts';
import { DataFileSelectedEvent } from './events.ts';
import { defineElement } from './define.ts';
import { panelStyles } from './theme.ts';
import './scatter-plot.ts';

/**
 * The data: where it came from, how many rows, what was skipped, a scatter plot with the fitted line,
 * and a file input to load another CSV.
 *
 * @fires data-file-selected - The user picked a CSV file.
 */
export class DataPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .summary {
        margin: 0 0 0.5rem;
      }
      .problems {
        margin: 0.5rem 0;
        font-size: 0.9rem;
      }
      input[type='file'] {
        padding: 0.3rem;
      }
      scatter-plot {
        margin-top: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) line: Line | null = null;
  /** Where the data came from, e.g. the file name. */
  @property() source = '';
  @property({ attribute: false }) skipped: SkippedRows = { count: 0, lines: [] };
  /** Why the last file was refused, if it was. */
  @property() error = '';

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.dispatchEvent(new DataFileSelectedEvent(file));
    // Let the same file be picked again after a fix.
    input.value = '';
  }

  private renderSkipped() {
    const { count, lines } = this.skipped;
    if (count === 0) return '';
    const more = count > lines.length ? ', …' : '';
    return html`<p class="problems muted" data-skipped>
      Skipped ${count} row${count === 1 ? '' : 's'} with missing or non-numeric values (line${count === 1 ? '' : 's'}
      ${lines.join(', ')}${more}).
    </p>`;
  }

  protected override render() {
    const rows = this.data?.x.length ?? 0;
    return html`<h2>Data</h2>
      <p class="summary" aria-live="polite" data-summary>
        ${this.data ? html`<strong>${rows}</strong> rows from <em>${this.source}</em>` : 'Loading data…'}
      </p>
      ${this.renderSkipped()}
      <p class="error" role="alert" data-error>${this.error}</p>
      <label>
        Load another CSV (same column names)
        <input type="file" accept=".csv,text/csv,text/plain" @change=${this.onFileChange} />
      </label>
      <scatter-plot .data=${this.data} .line=${this.line}></scatter-plot>`;
  }
}

defineElement('data-panel', DataPanel);

declare global {
  interface HTMLElementTagNameMap {
    'data-panel': DataPanel;
  }
}
