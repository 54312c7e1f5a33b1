import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { BACKEND_LABELS, BACKENDS, parseBackendName, type BackendName } from '../core/settings/backends.ts';
import { OPTIMIZER_LABELS, OPTIMIZERS } from '../core/model/model.ts';
import { DEFAULT_EARLY_STOPPING, DEFAULT_SETTINGS, type TrainingSettings } from '../core/settings/training-settings.ts';
import { SETTING_RULES, checkText, formatPercent, type Check, type NumberRule } from '../core/settings/training-settings-rules.ts';
import { BackendChangeEvent, SettingsChangeEvent } from './events.ts';
import { defineElement } from '../embed/define.ts';
import { panelStyles } from './theme.ts';

/**
 * The training settings form: epochs, learning rate and optimizer in view, the rest under "More
 * settings". Shows the settings it is given; every valid edit is sent up, a bad one is explained.
 *
 * @fires settings-change - Every field is valid after an edit; carries the settings.
 * @fires backend-change - The user chose another backend.
 */
export class TrainingSettingsForm extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
        gap: 0.75rem;
        align-items: start;
      }
      details {
        margin-top: 0.75rem;
        border: 1px solid var(--bp-border);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
      details[open] {
        padding-bottom: 0.75rem;
      }
      summary {
        cursor: pointer;
        color: var(--bp-text);
        font-weight: 600;
        font-size: 0.95rem;
      }
      details[open] summary {
        margin-bottom: 0.75rem;
      }
      fieldset {
        border: none;
        margin: 0.75rem 0 0;
        padding: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.5rem;
      }
      .hint {
        font-size: 0.8rem;
      }
      [aria-invalid='true'] {
        border-color: var(--bp-error);
      }
      .errors {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  @property({ attribute: false }) settings: TrainingSettings = DEFAULT_SETTINGS;
  /** The backend asked for (undefined: the best available). */
  @property({ attribute: false }) backend: BackendName | undefined;
  /** No edits while a run is going. */
  @property({ type: Boolean }) disabled = false;

  @state() private errors = new Map<string, string>();
  @state() private earlyStoppingOn = false;

  @query('form') private form!: HTMLFormElement;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('settings')) this.earlyStoppingOn = Boolean(this.settings.earlyStopping);
  }

  private field(id: string): HTMLInputElement | HTMLSelectElement {
    return this.form.elements.namedItem(id) as HTMLInputElement | HTMLSelectElement;
  }

  /** Reads and checks every field; shows what is wrong and returns undefined, or the settings. */
  check(): TrainingSettings | undefined {
    const errors = new Map<string, string>();
    const read = (id: string, rule: NumberRule): number => {
      const result: Check<number> = checkText(this.field(id).value, rule, 'percent');
      if (result.ok) return result.value;
      errors.set(id, result.error);
      return Number.NaN;
    };
    const batchText = this.field('batch-size').value.trim();
    const earlyStopping = (this.field('early-stopping') as HTMLInputElement).checked;
    const settings: TrainingSettings = {
      epochs: read('epochs', SETTING_RULES.epochs),
      learningRate: read('learning-rate', SETTING_RULES.learningRate),
      optimizer: OPTIMIZERS.find((name) => name === this.field('optimizer').value) ?? DEFAULT_SETTINGS.optimizer,
      batchSize: batchText === '' ? 0 : read('batch-size', SETTING_RULES.batchSize),
      validationSplit: read('validation-split', SETTING_RULES.validationSplit),
      seed: read('seed', SETTING_RULES.seed),
      earlyStopping: earlyStopping
        ? { patience: read('patience', SETTING_RULES.patience), minImprovement: read('min-improvement', SETTING_RULES.minImprovement) }
        : null,
    };
    this.errors = errors;
    return errors.size === 0 ? settings : undefined;
  }

  private onChange(): void {
    this.earlyStoppingOn = (this.field('early-stopping') as HTMLInputElement).checked;
    const settings = this.check();
    if (settings) this.dispatchEvent(new SettingsChangeEvent(settings));
  }

  private onBackendChange(event: Event): void {
    event.stopPropagation();
    this.dispatchEvent(new BackendChangeEvent(parseBackendName((event.target as HTMLSelectElement).value)));
  }

  private numberField(
    id: string,
    label: string,
    value: string,
    attributes: { min?: number; max?: number; step?: string } = {},
    disabled = this.disabled,
  ) {
    const error = this.errors.get(id);
    return html`<label>
      ${label}
      <input
        id=${id}
        name=${id}
        type="number"
        inputmode="decimal"
        min=${attributes.min ?? ''}
        max=${attributes.max ?? ''}
        .step=${attributes.step ?? 'any'}
        .value=${value}
        ?disabled=${disabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? errorId(id) : nothing}
      />
    </label>`;
  }

  protected override render() {
    const s = this.settings;
    const early = s.earlyStopping ?? DEFAULT_EARLY_STOPPING;
    const earlyDisabled = this.disabled || !this.earlyStoppingOn;
    return html`<form @change=${this.onChange} @submit=${(e: Event) => e.preventDefault()} novalidate>
      <div class="fields">
        ${this.numberField('epochs', 'Epochs', String(s.epochs), { min: 1, max: SETTING_RULES.epochs.max, step: '1' })}
        ${this.numberField('learning-rate', 'Learning rate', String(s.learningRate), { min: 0, max: SETTING_RULES.learningRate.max })}
        <div class="field">
          <label for="optimizer">Optimizer</label>
          <select id="optimizer" name="optimizer" ?disabled=${this.disabled}>
            ${OPTIMIZERS.map((name) => html`<option value=${name} ?selected=${name === s.optimizer}>${OPTIMIZER_LABELS[name]}</option>`)}
          </select>
        </div>
      </div>
      <details>
        <summary>More settings</summary>
        <div class="fields">
          <div class="field">
            <label>
              Batch size
              <input
                id="batch-size"
                name="batch-size"
                type="number"
                inputmode="numeric"
                min="1"
                step="1"
                placeholder="all rows"
                .value=${s.batchSize > 0 ? String(s.batchSize) : ''}
                ?disabled=${this.disabled}
                aria-describedby=${this.errors.has('batch-size') ? `batch-hint ${errorId('batch-size')}` : 'batch-hint'}
                aria-invalid=${this.errors.has('batch-size') ? 'true' : 'false'}
              />
            </label>
            <span id="batch-hint" class="hint muted">Empty: all rows (full batch)</span>
          </div>
          ${this.numberField('validation-split', 'Validation rows (%)', formatPercent(s.validationSplit), { min: 0, max: 90 })}
          ${this.numberField('seed', 'Split seed', String(s.seed), { min: 0, max: SETTING_RULES.seed.max, step: '1' })}
          <div class="field">
            <label for="backend">Backend</label>
            <select id="backend" name="backend" ?disabled=${this.disabled} @change=${this.onBackendChange}>
              <option value="" ?selected=${this.backend === undefined}>Best available</option>
              ${BACKENDS.map((name) => html`<option value=${name} ?selected=${name === this.backend}>${BACKEND_LABELS[name]}</option>`)}
            </select>
          </div>
        </div>
        <fieldset>
          <legend>
            <label class="check">
              <input id="early-stopping" name="early-stopping" type="checkbox" .checked=${this.earlyStoppingOn} ?disabled=${this.disabled} />
              Stop early when the loss stops improving
            </label>
          </legend>
          <div class="fields">
            ${this.numberField('patience', 'Patience (epochs)', String(early.patience), { min: 1, step: '1' }, earlyDisabled)}
            ${this.numberField('min-improvement', 'Minimum improvement (%)', formatPercent(early.minImprovement), { min: 0, max: 100 }, earlyDisabled)}
          </div>
        </fieldset>
      </details>
      ${
        this.errors.size > 0
          ? html`<p class="errors error" role="alert" data-settings-error>
            ${[...this.errors].map(([id, message]) => html`<span id=${errorId(id)}>${message}</span> `)}
          </p>`
          : ''
      }
    </form>`;
  }
}

/** The id of the message that says what is wrong with a field, which the field points to. */
function errorId(field: string): string {
  return `${field}-error`;
}

defineElement('training-settings', TrainingSettingsForm);

declare global {
  interface HTMLElementTagNameMap {
    'training-settings': TrainingSettingsForm;
  }
}
