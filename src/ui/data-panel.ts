import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAX_LISTED_COLUMNS, columnOptions, listedColumns } from './column-options.ts';
import { featureNamesOf, type Dataset, type SkippedRows } from '../core/data/dataset.ts';
import { columnLabel } from '../core/data/columns.ts';
import type { Line } from '../core/model/predict.ts';
import type { LineBands } from './scatter-plot.ts';
import type { PredictionMark } from '../core/view/prediction-mark.ts';
import { ColumnsChangeEvent, FilesChosenEvent } from './events.ts';
import { defineElement } from '../embed/define.ts';
import { NO_COLUMN_NOTES, type ColumnNotes } from '../core/view/column-notes.ts';
import { formatCount } from '../core/view/format.ts';
import { panelStyles } from './theme.ts';
import { visuallyHidden } from './visually-hidden.ts';
import './point-views.ts';

/**
 * The data: where it came from, how many rows, what was skipped, which columns are the feature and the
 * target, a scatter plot with the fitted line, and a file input to load another CSV. Screen readers
 * hear when a file starts being read and what it gave (or that it failed), not every chunk read:
 * the percentage is in a labelled `<progress>` for whoever asks.
 *
 * @fires files-chosen - The user picked a CSV file (as the data).
 * @fires columns-change - The user chose other feature, target or label columns.
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
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: 0.75rem;
        margin: 0.75rem 0;
      }
      /* As wide as their cell, whatever the longest option: filling a picker of thousands of columns
         must not keep widening it and re-laying out (and redrawing) the page. */
      .columns select {
        width: 100%;
        min-width: 0;
      }
      .reserved-label {
        font-size: 0.9rem;
        color: var(--bp-muted);
      }
      /* As tall as a select (theme.ts), not one: there is nothing to choose yet. */
      .reserved-select {
        box-sizing: border-box;
        height: 2.3rem;
        border: 1px solid var(--bp-border);
        border-radius: 6px;
      }
      /* The sentence on the chosen columns takes three lines on a phone, two on a wider card. */
      .reserved-notes {
        min-height: calc(2 * 1.2em);
      }
      @media (max-width: 600px) {
        .reserved-notes {
          min-height: calc(3 * 1.2em);
        }
      }
      progress {
        width: 100%;
        accent-color: var(--bp-accent);
      }
      point-views {
        margin-top: 0.75rem;
      }
      label.toggle {
        flex-direction: row;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
      .error:empty {
        display: none;
      }
      fieldset.features {
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--bp-border);
        border-radius: 6px;
        min-width: 0;
      }
      fieldset.features legend {
        padding: 0 0.25rem;
      }
      /* A wide table's 200 listed columns scroll inside the box instead of pushing the plots down. */
      .feature-boxes {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: 0.25rem 0.75rem;
        max-height: 12rem;
        overflow-y: auto;
      }
      /* Rows at least 24 px apart: the boxes are touch targets (WCAG 2.2's target size). */
      .feature-boxes label {
        flex-direction: row;
        align-items: center;
        gap: 0.4rem;
        min-height: 1.5rem;
        overflow-wrap: anywhere;
      }
      .notes {
        margin: 0.25rem 0;
        font-size: 0.9rem;
      }
      .warning {
        margin: 0.25rem 0;
        font-size: 0.9rem;
        border-left: 4px solid var(--bp-error);
        padding-left: 0.5rem;
      }
    `,
    visuallyHidden,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  @property({ attribute: false }) line: Line | null = null;
  /** The line's 95% bands, drawn when the "95% bands" box is ticked. */
  @property({ attribute: false }) intervals: LineBands | null = null;
  @state() private showBands = true;
  /** The prediction being typed in the Predict card, marked on the scatter plot; null for none. */
  @property({ attribute: false }) prediction: PredictionMark | null = null;
  /** Where the data came from, e.g. the file name. */
  @property() source = '';
  @property({ attribute: false }) skipped: SkippedRows = { count: 0, lines: [] };
  /** The table's numeric columns: the choices for feature and target. */
  @property({ attribute: false }) numericColumns: readonly string[] = [];
  /** The table's text columns: the choices for the label that names each point. */
  @property({ attribute: false }) textColumns: readonly string[] = [];
  /** Why the last file or column choice was refused, if it was. */
  @property() error = '';
  /** Share of a file read so far while one is parsed (0 to 1); undefined otherwise. */
  @property({ attribute: false }) loading: number | undefined;
  /** What the page says about the chosen columns (column-notes.ts). */
  @property({ attribute: false }) notes: ColumnNotes = NO_COLUMN_NOTES;
  /** What the last column change did beyond what was asked (data-controller.ts), or ''. */
  @property() columnsNote = '';
  /** No data changes while a run is going. */
  @property({ type: Boolean }) locked = false;

  /**
   * The file picker is disabled while its file is read, which takes the keyboard focus away from it;
   * when reading ends, focus goes back to it, where the user was, instead of to the page's start.
   */
  private refocusPickerAfterLoading = false;

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.refocusPickerAfterLoading = file !== undefined;
    if (file) this.dispatchEvent(new FilesChosenEvent([file], 'data'));
    // Let the same file be picked again after a fix.
    input.value = '';
  }

  /** What the column filter holds (shown only for tables wider than a picker lists). */
  @state() private columnFilter = '';

  private get wide(): boolean {
    return Math.max(this.numericColumns.length, this.textColumns.length) > MAX_LISTED_COLUMNS;
  }

  /** The features chosen now, in order (the first is the x axis). */
  private get chosenFeatures(): string[] {
    return this.data ? featureNamesOf(this.data) : [];
  }

  private onColumnChange(event: Event): void {
    const value = (id: string) => this.renderRoot.querySelector<HTMLSelectElement>(`#${id}`)!.value;
    let target = value('target-column');
    const chosen = this.chosenFeatures;
    if (chosen.length > 1) {
      // Several features (the boxes choose them; there is no feature picker): a feature picked as the
      // target is the data's to take out.
      this.sendColumns(chosen, target);
      return;
    }
    let feature = value('feature-column');
    // Picking the target's column as the feature (or the other way round) swaps the two: what a
    // person means, where "the same column twice" would only be refused.
    if (feature === target && this.data) {
      if ((event.target as HTMLElement).id === 'feature-column') target = this.data.featureName;
      else feature = this.data.targetName;
    }
    this.sendColumns([feature], target);
  }

  /** A feature's box ticked or cleared: it joins the features at the end, or leaves them. */
  private onFeatureToggle(event: Event): void {
    const box = event.target as HTMLInputElement;
    const chosen = this.chosenFeatures;
    const features = box.checked
      ? [...chosen.filter((name) => name !== box.value), box.value]
      : chosen.filter((name) => name !== box.value);
    if (features.length === 0 || !this.data) return;
    this.sendColumns(features, this.data.targetName);
  }

  private sendColumns(features: readonly string[], target: string): void {
    const value = (id: string) => this.renderRoot.querySelector<HTMLSelectElement>(`#${id}`)!.value;
    const label = this.textColumns.length > 0 ? value('label-column') || null : undefined;
    const several = features.length > 1 ? { features } : {};
    this.dispatchEvent(new ColumnsChangeEvent({ feature: features[0], ...several, target, label }));
  }

  /**
   * One box per numeric column but the target, the chosen ones ticked (the last one cannot be
   * cleared: a model needs a feature). Shown when there is more than one column to choose from.
   */
  /** The bands are drawn around a line only: with several features the plot has none, so no box. */
  private renderBandsToggle() {
    return html`<label class="toggle">
      <input type="checkbox" data-bands-toggle .checked=${this.showBands} @change=${(event: Event) => (this.showBands = (event.target as HTMLInputElement).checked)} />
      Show the 95% bands (confidence and prediction)
    </label>`;
  }

  private renderFeatureBoxes() {
    const data = this.data!;
    const candidates = this.numericColumns.filter((name) => name !== data.targetName);
    if (candidates.length < 2) return '';
    const chosen = this.chosenFeatures;
    const listed = listedColumns(candidates, this.columnFilter, chosen);
    const disabled = this.locked || this.loading !== undefined;
    return html`<fieldset class="features" data-feature-boxes>
      <legend>Features of the model (tick several for a multiple regression)</legend>
      <div class="feature-boxes">
        ${listed.map((name) => {
          const checked = chosen.includes(name);
          return html`<label
            ><input
              type="checkbox"
              .value=${name}
              .checked=${checked}
              ?disabled=${disabled || (checked && chosen.length === 1)}
              @change=${this.onFeatureToggle}
            />${columnLabel(name)}</label
          >`;
        })}
      </div>
    </fieldset>`;
  }

  /** Which columns the app chose and why, warnings about the chosen ones, and text columns that look like numbers. */
  private renderNotes() {
    const { choice, warnings, asText } = this.notes;
    return html`${choice ? html`<p class="muted notes" data-column-choice>${choice}</p>` : ''}
      <div role="status" data-column-warnings>
        ${warnings.map((warning) => html`<p class="warning" data-column-warning><span aria-hidden="true">⚠</span> ${warning}</p>`)}
      </div>
      ${asText.length > 0 ? html`<p class="muted notes" data-text-columns>Read as text, not numbers: ${asText.join('; ')}.</p>` : ''}`;
  }

  private renderSkipped() {
    const { count, lines } = this.skipped;
    if (count === 0) return '';
    const more = count > lines.length ? ', …' : '';
    return html`<p class="problems muted" data-skipped>
      Skipped ${formatCount(count)} row${count === 1 ? '' : 's'} with missing or non-numeric values (line${count === 1 ? '' : 's'}
      ${lines.join(', ')}${more}).
    </p>`;
  }

  private columnSelect(id: string, label: string, selected: string | undefined) {
    // A label next to (not around) the select, so its name is the label alone, not the chosen option.
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} ?disabled=${this.locked || this.loading !== undefined} @change=${this.onColumnChange} ${columnOptions(listedColumns(this.numericColumns, this.columnFilter, selected), selected)}></select>
    </div>`;
  }

  /** The text column that names each point (shown in tooltips and lists), or none. */
  private labelSelect(selected: string | undefined) {
    return html`<div class="field">
      <label for="label-column">Label (names the points)</label>
      <select
        id="label-column"
        ?disabled=${this.locked || this.loading !== undefined}
        @change=${this.onColumnChange}
        ${columnOptions(listedColumns(this.textColumns, this.columnFilter, selected), selected ?? '', 'None')}
      ></select>
    </div>`;
  }

  /** The summary line; with no data and an error (the bundled file failed), not "Loading" forever. */
  private summary() {
    const loading = this.loading;
    if (loading !== undefined) return `Reading the file… ${Math.round(loading * 100)}%`;
    if (this.data) return html`<strong>${formatCount(this.data.x.length)}</strong> rows from <em>${this.source}</em>`;
    return this.error ? 'No data loaded.' : 'Loading data…';
  }

  /** What screen readers are told: it changes when reading starts and ends, not per chunk. */
  private announcement(): string {
    if (this.loading !== undefined) return 'Reading the file…';
    if (this.data) return `${formatCount(this.data.x.length)} rows from ${this.source}.`;
    return '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('loading') || this.loading !== undefined || !this.refocusPickerAfterLoading) return;
    this.refocusPickerAfterLoading = false;
    // Only if nothing else took the focus meanwhile.
    const focused = document.activeElement;
    if (focused === null || focused === document.body) this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.focus();
  }

  /**
   * While the first data loads, the pickers' and the column sentence's space is held (empty, inert), so
   * the file input and the plots below do not jump down when the data arrives (layout shift).
   */
  private renderReservedColumns() {
    const field = (label: string) =>
      html`<div class="field"><span class="reserved-label">${label}</span><span class="reserved-select"></span></div>`;
    return html`<div class="columns" .inert=${true} aria-hidden="true" data-reserved>
        ${field('Feature (x axis)')} ${field('Target (y axis)')} ${field('Label (names the points)')}
      </div>
      <p class="muted notes reserved-notes" aria-hidden="true"></p>`;
  }

  protected override render() {
    const loading = this.loading;
    return html`<h2>Data</h2>
      <p class="summary" data-summary>${this.summary()}</p>
      <p class="sr-only" aria-live="polite" data-announce>${this.announcement()}</p>
      ${loading !== undefined ? html`<progress max="1" .value=${loading} aria-label="Reading the file" data-loading></progress>` : ''}
      ${this.renderSkipped()}
      <p class="error" role="alert" data-error>${this.error}</p>
      ${
        this.data
          ? html`${
              this.wide
                ? html`<label class="filter"
                  >Find a column (${this.numericColumns.length + this.textColumns.length} columns; the pickers list the first
                  ${MAX_LISTED_COLUMNS} that match)
                  <input type="search" data-column-filter .value=${this.columnFilter} @input=${(event: Event) => (this.columnFilter = (event.target as HTMLInputElement).value)}
                /></label>`
                : ''
            }
            <div class="columns">
            ${
              // With several features the boxes choose them, and the plots their own x axis.
              this.chosenFeatures.length > 1 ? '' : this.columnSelect('feature-column', 'Feature (x axis)', this.data.featureName)
            }
            ${this.columnSelect('target-column', 'Target (y axis)', this.data.targetName)}
            ${this.textColumns.length > 0 ? this.labelSelect(this.data.labelName) : ''}
          </div>
          ${this.renderFeatureBoxes()}
          ${this.columnsNote ? html`<p class="muted notes" role="status" data-columns-note>${this.columnsNote}</p>` : ''}
          ${this.renderNotes()}`
          : this.error
            ? ''
            : this.renderReservedColumns()
      }
      <label>
        Load another CSV (any numeric columns)
        <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" ?disabled=${this.locked || loading !== undefined} @change=${this.onFileChange} />
      </label>
      ${this.data?.moreFeatures === undefined ? this.renderBandsToggle() : ''}
      <point-views
        .data=${this.data}
        .line=${this.line}
        .bands=${this.showBands ? this.intervals : null}
        .prediction=${this.prediction}
      ></point-views>`;
  }
}

defineElement('data-panel', DataPanel);

declare global {
  interface HTMLElementTagNameMap {
    'data-panel': DataPanel;
  }
}
