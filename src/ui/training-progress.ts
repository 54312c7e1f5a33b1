import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDuration, formatRate, progressFigures } from '../core/train/progress.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from './define.ts';
import { panelStyles } from './theme.ts';

const formatLoss = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : Number.isFinite(value) ? value.toFixed(4) : String(value);

/**
 * A run's progress: a bar with epoch N of M, the latest training and validation loss, epochs per
 * second and the time left. Not a live region: it changes every frame; the panel's status line
 * announces what matters.
 */
export class TrainingProgress extends LitElement {
  static override styles = [
    panelStyles,
    css`
      progress {
        width: 100%;
        height: 0.75rem;
        accent-color: var(--bp-accent);
      }
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
        gap: 0.25rem 1rem;
        margin: 0.4rem 0 0;
      }
      dt {
        color: var(--bp-muted);
        font-size: 0.8rem;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
    `,
  ];

  @property({ type: Number }) epoch = 0;
  @property({ type: Number }) epochs = 0;
  /** Training time of the run so far, pauses excluded. */
  @property({ type: Number }) elapsedMs = 0;
  /** The latest loss point, if any. */
  @property({ attribute: false }) last: LossPoint | undefined;
  /** True while a run is going (running or paused): then time left is shown. */
  @property({ type: Boolean }) active = false;

  protected override render() {
    const { epochsPerSecond, secondsLeft } = progressFigures(this.epoch, this.epochs, this.elapsedMs);
    const hasValidation = this.last?.validationLoss !== null && this.last?.validationLoss !== undefined;
    return html`<progress
        max=${Math.max(this.epochs, 1)}
        .value=${this.epoch}
        aria-label="Training progress"
        aria-valuetext=${`Epoch ${this.epoch} of ${this.epochs}`}
      ></progress>
      <dl>
        <div><dt>Epoch</dt><dd data-progress="epoch">${this.epoch} of ${this.epochs}</dd></div>
        <div><dt>Training loss</dt><dd data-progress="train-loss">${formatLoss(this.last?.trainLoss)}</dd></div>
        ${hasValidation
          ? html`<div><dt>Validation loss</dt><dd data-progress="validation-loss">${formatLoss(this.last?.validationLoss)}</dd></div>`
          : ''}
        <div><dt>Speed</dt><dd data-progress="speed">${epochsPerSecond === undefined ? '—' : formatRate(epochsPerSecond)}</dd></div>
        <div>
          <dt>Time left</dt>
          <dd data-progress="time-left">${this.active && secondsLeft !== undefined ? formatDuration(secondsLeft) : '—'}</dd>
        </div>
      </dl>`;
  }
}

defineElement('training-progress', TrainingProgress);

declare global {
  interface HTMLElementTagNameMap {
    'training-progress': TrainingProgress;
  }
}
