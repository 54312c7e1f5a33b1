import { LitElement, css, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DEFAULT_SETTINGS } from '../core/train/settings.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { TrainRequestEvent } from './events.ts';
import { defineElement } from './define.ts';
import { panelStyles } from './theme.ts';
import './loss-chart.ts';

/**
 * Training settings, the Train button, progress and the live loss chart.
 *
 * @fires train-request - The user asked to train; carries the settings.
 */
export class TrainingPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
        gap: 0.75rem;
        align-items: end;
      }
      .status {
        margin: 0.75rem 0 0.25rem;
        min-height: 1.3em;
      }
      progress {
        width: 100%;
        accent-color: var(--bp-accent);
      }
      label.check {
        grid-column: 1 / -1;
        flex-direction: row;
        align-items: center;
        gap: 0.5rem;
      }
      .field-error {
        grid-column: 1 / -1;
        margin: 0;
      }
    `,
  ];

  /** False until a backend is ready and data is loaded. */
  @property({ type: Boolean }) ready = false;
  @property({ type: Boolean }) running = false;
  /** A model exists that training can continue from. */
  @property({ type: Boolean }) canResume = false;
  @property({ type: Number }) epoch = 0;
  @property({ type: Number }) epochs = 0;
  @property({ attribute: false }) points: readonly LossPoint[] = [];
  /** Unit of the loss, e.g. "years²". */
  @property() lossUnit = '';

  @state() private formError = '';
  @query('#epochs') private epochsInput!: HTMLInputElement;
  @query('#learning-rate') private learningRateInput!: HTMLInputElement;
  @query('#resume') private resumeInput!: HTMLInputElement;

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const epochs = Number(this.epochsInput.value);
    const learningRate = Number(this.learningRateInput.value);
    if (!Number.isInteger(epochs) || epochs < 1 || epochs > 100_000) {
      this.formError = 'Epochs must be a whole number from 1 to 100000.';
      return;
    }
    if (!Number.isFinite(learningRate) || learningRate <= 0 || learningRate > 10) {
      this.formError = 'Learning rate must be a number above 0 and at most 10.';
      return;
    }
    this.formError = '';
    this.dispatchEvent(new TrainRequestEvent({ ...DEFAULT_SETTINGS, epochs, learningRate }, this.canResume && this.resumeInput.checked));
  }

  private statusText(): string {
    if (!this.ready) return 'Waiting for data and a backend…';
    if (this.running) return `Training: epoch ${this.epoch} of ${this.epochs}`;
    const last = this.points.at(-1);
    return last ? `Trained ${this.epoch} epochs; last training MSE ${last.trainLoss.toFixed(4)}.` : 'Ready to train.';
  }

  protected override render() {
    return html`<h2>Training</h2>
      <form @submit=${this.onSubmit} novalidate>
        <label>
          Epochs
          <input id="epochs" type="number" min="1" max="100000" step="1" value=${DEFAULT_SETTINGS.epochs} ?disabled=${this.running} />
        </label>
        <label>
          Learning rate
          <input id="learning-rate" type="number" min="0" step="any" value=${DEFAULT_SETTINGS.learningRate} ?disabled=${this.running} />
        </label>
        <button type="submit" ?disabled=${!this.ready || this.running}>Train</button>
        <label class="check">
          <input id="resume" type="checkbox" ?disabled=${!this.canResume || this.running} />
          Continue from the current model
        </label>
        ${this.formError ? html`<p class="field-error error" role="alert">${this.formError}</p>` : ''}
      </form>
      <p class="status" aria-live="polite" data-status>${this.statusText()}</p>
      <progress max=${Math.max(this.epochs, 1)} .value=${this.epoch} aria-label="Training progress"></progress>
      <loss-chart .points=${this.points} unit=${this.lossUnit}></loss-chart>`;
  }
}

defineElement('training-panel', TrainingPanel);

declare global {
  interface HTMLElementTagNameMap {
    'training-panel': TrainingPanel;
  }
}
