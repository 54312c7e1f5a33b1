/**
 * `<bmi-predictor>`: a prediction form for a trained model. Plain arithmetic on the model's raw-unit
 * line, so it carries no TensorFlow.js and can be embedded in any page.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { columnLabel } from '../core/columns.ts';
import type { Model } from '../core/model.ts';
import { acceptedRange, checkInput, predict } from '../core/predict.ts';
import { defineElement } from '../ui/define.ts';

export interface PredictionDetail {
  input: number;
  prediction: number;
}

export interface PredictorErrorDetail {
  message: string;
}

/**
 * @summary Predicts life expectancy (or any target) from BMI (or any feature) with a trained line.
 *
 * @fires bmi-prediction - A prediction was made; `detail: { input, prediction }`.
 * @fires bmi-predictor-error - The input or the model was refused; `detail: { message }`.
 *
 * @csspart form - The form around the field and button.
 * @csspart label - The field's label.
 * @csspart input - The text field.
 * @csspart button - The Predict button.
 * @csspart output - The `<output>` that shows and announces the prediction.
 * @csspart message - The error or status message under the field.
 *
 * @cssprop --bmi-predictor-accent - Button and focus colour.
 * @cssprop --bmi-predictor-accent-text - Text colour on the button.
 * @cssprop --bmi-predictor-text - Text colour.
 * @cssprop --bmi-predictor-muted - Secondary text colour.
 * @cssprop --bmi-predictor-error - Error message colour.
 * @cssprop --bmi-predictor-bg - Field background.
 * @cssprop --bmi-predictor-border - Field border colour.
 * @cssprop --bmi-predictor-radius - Corner radius of field and button.
 * @cssprop --bmi-predictor-font - Font family.
 */
export class BmiPredictor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--bmi-predictor-font, system-ui, sans-serif);
      color: var(--bmi-predictor-text, #1b1f24);
      --_accent: var(--bmi-predictor-accent, #2457c5);
      --_radius: var(--bmi-predictor-radius, 6px);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        color: var(--bmi-predictor-text, #e8ebef);
        --_accent: var(--bmi-predictor-accent, #7aa2ff);
      }
    }
    form {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.5rem;
      align-items: end;
    }
    label {
      grid-column: 1 / -1;
      font-weight: 600;
    }
    input {
      font: inherit;
      color: inherit;
      background: var(--bmi-predictor-bg, transparent);
      border: 1px solid var(--bmi-predictor-border, #8a94a3);
      border-radius: var(--_radius);
      padding: 0.45rem 0.6rem;
      min-width: 0;
    }
    input[aria-invalid='true'] {
      border-color: var(--bmi-predictor-error, #b3261e);
    }
    button {
      font: inherit;
      font-weight: 600;
      background: var(--_accent);
      color: var(--bmi-predictor-accent-text, #fff);
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      padding: 0.45rem 1rem;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
    input:focus-visible,
    button:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--_accent) 55%, transparent);
      outline-offset: 2px;
    }
    .result {
      margin-top: 0.75rem;
      font-size: 1.1rem;
      min-height: 1.5em;
    }
    output {
      font-weight: 700;
      font-size: 1.4rem;
    }
    .message {
      grid-column: 1 / -1;
      margin: 0;
      min-height: 1.2em;
      font-size: 0.9rem;
      color: var(--bmi-predictor-muted, #5b6470);
    }
    .message.error {
      color: var(--bmi-predictor-error, #b3261e);
    }
    @media (prefers-color-scheme: dark) {
      .message {
        color: var(--bmi-predictor-muted, #a3acb8);
      }
      .message.error {
        color: var(--bmi-predictor-error, #ff8a80);
      }
    }
  `;

  /** The trained model to predict with; `null` shows the "no model loaded" state. */
  @property({ attribute: false }) model: Model | null = null;

  /** The field's label; defaults to the model's feature name ("BMI" for the bundled data). */
  @property() label: string | undefined;

  /** Decimal places shown in the result. */
  @property({ type: Number }) decimals = 1;

  @state() private prediction: number | undefined;
  @state() private message = '';

  private get fieldLabel(): string {
    return this.label ?? (this.model ? columnLabel(this.model.feature.name) : 'BMI');
  }

  private get targetLabel(): string {
    return this.model ? columnLabel(this.model.target.name).toLowerCase() : 'life expectancy';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A new model makes an old answer wrong: clear it rather than show it.
    if (changed.has('model')) {
      this.prediction = undefined;
      this.message = '';
    }
  }

  /** Predicts from the text in the field, as the Predict button does. */
  predictFromField(): void {
    const input = this.renderRoot.querySelector('input');
    if (input) this.predictText(input.value);
  }

  private predictText(text: string): void {
    const model = this.model;
    if (!model) {
      this.fail('No model loaded: train one or load a weights file first.');
      return;
    }
    const check = checkInput(text, this.fieldLabel, acceptedRange(model.feature));
    if (!check.ok) {
      this.fail(check.message);
      return;
    }
    this.prediction = predict(model, check.value);
    this.message = '';
    this.dispatchEvent(
      new CustomEvent<PredictionDetail>('bmi-prediction', {
        detail: { input: check.value, prediction: this.prediction },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private fail(message: string): void {
    this.prediction = undefined;
    this.message = message;
    this.dispatchEvent(new CustomEvent<PredictorErrorDetail>('bmi-predictor-error', { detail: { message }, bubbles: true, composed: true }));
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.predictFromField();
  }

  protected override render() {
    const unit = this.model?.target.unit;
    const isError = this.message !== '';
    return html`
      <form part="form" @submit=${this.onSubmit} novalidate>
        <label part="label" for="feature">${this.fieldLabel}</label>
        <input
          part="input"
          id="feature"
          name="feature"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          placeholder=${this.model ? `e.g. ${((this.model.feature.min + this.model.feature.max) / 2).toFixed(1)}` : ''}
          aria-invalid=${isError ? 'true' : 'false'}
          aria-describedby="message"
        />
        <button part="button" type="submit">Predict</button>
        <p part="message" id="message" class="message ${isError ? 'error' : ''}" aria-live="polite">
          ${isError ? this.message : this.model ? nothing : 'No model loaded yet.'}
        </p>
      </form>
      <div class="result">
        Predicted ${this.targetLabel}:
        <output part="output" for="feature" aria-live="polite"
          >${this.prediction === undefined ? '—' : `${this.prediction.toFixed(this.decimals)}${unit ? ` ${unit}` : ''}`}</output
        >
      </div>
    `;
  }
}

defineElement('bmi-predictor', BmiPredictor);

declare global {
  interface HTMLElementTagNameMap {
    'bmi-predictor': BmiPredictor;
  }
  interface HTMLElementEventMap {
    'bmi-prediction': CustomEvent<PredictionDetail>;
    'bmi-predictor-error': CustomEvent<PredictorErrorDetail>;
  }
}
