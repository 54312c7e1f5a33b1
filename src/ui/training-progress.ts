import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDuration, formatLoss, formatRate, progressFigures } from '../core/train/progress.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from '../embed/define.ts';
import { formatCount, formatRoundedPercent } from '../core/view/format.ts';
import { panelStyles } from './theme.ts';

/**
 * A run's progress: a bar with epoch N of M, the latest training and validation loss, epochs per
 * second and the time left. Once the run has ended, the losses say how far they fell over the run
 * instead: the final loss is the model's MSE, which the Fit card shows (each number once, where it
 * belongs). Not a live region: it changes every frame; the panel's status line announces what matters.
 */
export class TrainingProgress extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .line {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 1rem;
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
      }
      .rate {
        color: var(--bp-muted);
      }
      progress {
        width: 100%;
        height: 0.75rem;
        margin: 0.2rem 0 0.4rem;
        accent-color: var(--bp-accent);
      }
      dl {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 2rem;
        margin: 0;
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
  /** The run's first loss point (where it started), if any. */
  @property({ attribute: false }) first: LossPoint | undefined;
  /** True once the run has ended: the losses are then told as their change over the run. */
  @property({ type: Boolean }) ended = false;
  /** True while a run is running: then time left is shown (not while paused: nothing counts down). */
  @property({ type: Boolean }) active = false;

  /** The latest value of a loss; after the run, how it changed from the run's start ("fell 98.9% from …"). */
  private loss(of: (point: LossPoint) => number | null): string {
    const last = this.last ? of(this.last) : null;
    const first = this.first ? of(this.first) : null;
    if (!this.ended || !this.first || !this.last || this.first.epoch >= this.last.epoch) return formatLoss(last);
    if (first === null || last === null || !Number.isFinite(first) || !Number.isFinite(last) || first === 0) return formatLoss(last);
    const change = (last - first) / Math.abs(first);
    return `${change <= 0 ? 'fell' : 'rose'} ${formatRoundedPercent(Math.abs(change))} from ${formatLoss(first)} (epoch ${formatCount(this.first.epoch)})`;
  }

  protected override render() {
    const figures = progressFigures(this.epoch, this.epochs, this.elapsedMs);
    // One epoch (a Step) is too short to time: a rate from it would only say how long the round trip took.
    const { epochsPerSecond, secondsLeft } = this.epochs > 1 ? figures : { epochsPerSecond: undefined, secondsLeft: undefined };
    const hasValidation = this.last?.validationLoss !== null && this.last?.validationLoss !== undefined;
    const timeLeft = this.active && secondsLeft !== undefined ? `${formatDuration(secondsLeft)} left` : '';
    return html`<div class="line">
        <span>Epoch <strong data-progress="epoch">${formatCount(this.epoch)} of ${formatCount(this.epochs)}</strong></span>
        <span class="rate">
          <span data-progress="speed">${epochsPerSecond === undefined ? '' : formatRate(epochsPerSecond)}</span>${timeLeft ? ' · ' : ''}<span
            data-progress="time-left"
            >${timeLeft}</span
          >
        </span>
      </div>
      <progress
        max=${Math.max(this.epochs, 1)}
        .value=${this.epoch}
        aria-label="Training progress"
        aria-valuetext=${`Epoch ${formatCount(this.epoch)} of ${formatCount(this.epochs)}`}
      ></progress>
      <dl>
        <div><dt>Training loss</dt><dd data-progress="train-loss">${this.loss((point) => point.trainLoss)}</dd></div>
        ${
          hasValidation
            ? html`<div><dt>Validation loss</dt><dd data-progress="validation-loss">${this.loss((point) => point.validationLoss)}</dd></div>`
            : ''
        }
      </dl>`;
  }
}

defineElement('training-progress', TrainingProgress);

declare global {
  interface HTMLElementTagNameMap {
    'training-progress': TrainingProgress;
  }
}
