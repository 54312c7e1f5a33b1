import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { BackendName } from '../core/settings/backends.ts';
import type { RunControl, RunStart } from '../core/train/protocol.ts';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../core/settings/training-settings.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { RunControlEvent, TrainRequestEvent } from './events.ts';
import { defineElement } from '../embed/define.ts';
import { formatCount } from '../core/view/format.ts';
import { panelStyles } from './theme.ts';
import type { RunState } from './controllers/training-run-state.ts';
import type { TrainingSettingsForm } from './training-settings.ts';
import './loss-chart.ts';
import './training-progress.ts';
import './training-settings.ts';

type Action = 'train' | RunControl | 'reset';

/**
 * When the focused button becomes disabled (clicked, or a run ending by itself), focus goes to the
 * first enabled one that undoes or follows it. With none enabled yet (Step's epoch is running) it
 * waits for the next update.
 */
const FOCUS_NEXT: Record<Action, Action[]> = {
  train: ['pause', 'stop', 'train'],
  pause: ['resume', 'train'],
  resume: ['pause', 'stop', 'train'],
  step: ['step', 'resume', 'train'],
  stop: ['train', 'reset'],
  reset: ['train'],
};
/**
 * Training: the settings, the run controls (Train, Pause, Resume, Step, Stop, Reset), progress and
 * the live loss chart. Buttons that make no sense in the current state are disabled.
 *
 * The settings form inside it fires `settings-change` and `backend-change` itself; they bubble out
 * of the panel (composed) untouched, so listen for them on the panel or above.
 *
 * @fires train-request - Train (or Step with no run yet): carries the settings.
 * @fires run-control - Pause, Resume, Step, Stop or Reset.
 */
export class TrainingPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
      label.check {
        margin-top: 0.75rem;
      }
      .resume-note {
        margin: 0.25rem 0 0;
        font-size: 0.9rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
      .status {
        margin: 0.75rem 0 0.5rem;
        min-height: 1.3em;
      }
      .status.warning {
        color: var(--bp-error);
      }
      loss-chart {
        margin-top: 0.75rem;
      }
      /* No "Epoch 0 of 0" before the first run. */
      training-progress[hidden] {
        display: none;
      }
    `,
  ];

  /** False until a backend is ready and data is loaded. */
  @property({ type: Boolean }) ready = false;
  @property() runState: RunState = 'idle';
  /** A model exists that training can continue from. */
  @property({ type: Boolean }) canResume = false;
  /** Why the current model cannot be continued from (it reads other features), or ''. */
  @property() resumeNote = '';
  /** Something to reset: a model or a loss curve. */
  @property({ type: Boolean }) canReset = false;
  @property({ attribute: false }) settings: TrainingSettings = DEFAULT_SETTINGS;
  @property({ attribute: false }) backend: BackendName | undefined;
  @property({ type: Number }) epoch = 0;
  @property({ type: Number }) epochs = 0;
  @property({ type: Number }) elapsedMs = 0;
  @property({ attribute: false }) points: readonly LossPoint[] = [];
  /** Unit of the loss, e.g. "years²". */
  @property() lossUnit = '';
  /** How the last run ended, shown when no run is going. */
  @property() endMessage = '';
  /** The end was a problem (divergence), not just information. */
  @property({ type: Boolean }) endWarning = false;
  /**
   * Why training cannot happen at all (e.g. no backend could start); shown instead of "Waiting for
   * data and a backend…", which would never end.
   */
  @property() unavailable = '';

  @query('training-settings') private settingsForm!: TrainingSettingsForm;
  @query('#resume') private resumeInput!: HTMLInputElement;

  private requestTraining(start: RunStart): void {
    const settings = this.settingsForm.check();
    if (!settings) return;
    this.dispatchEvent(new TrainRequestEvent(settings, this.canResume && this.resumeInput.checked, start));
  }

  private act(action: Action): void {
    if (action === 'train') this.requestTraining('run');
    else if (action === 'step' && this.runState === 'idle') this.requestTraining('step');
    else this.dispatchEvent(new RunControlEvent(action));
  }

  private enabled(action: Action): boolean {
    const { runState } = this;
    switch (action) {
      case 'train':
        return this.ready && runState === 'idle';
      case 'pause':
        return runState === 'running';
      case 'resume':
        return runState === 'paused';
      case 'step':
        return runState === 'paused' || (this.ready && runState === 'idle');
      case 'stop':
        return runState !== 'idle';
      case 'reset':
        return runState === 'paused' || (runState === 'idle' && this.canReset);
    }
  }

  /** The run control that has (or last had) keyboard focus, so focus can move on when it is disabled. */
  private focusedAction: Action | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener('focusin', this.onFocusIn);
    this.renderRoot.addEventListener('focusout', this.onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('focusin', this.onFocusIn);
    this.renderRoot.removeEventListener('focusout', this.onFocusOut);
  }

  private static actionOf(target: EventTarget | null): Action | undefined {
    return target instanceof HTMLButtonElement ? (target.dataset.action as Action | undefined) : undefined;
  }

  private readonly onFocusIn = (event: Event): void => {
    this.focusedAction = TrainingPanel.actionOf(event.target);
  };

  private readonly onFocusOut = (event: Event): void => {
    // The browser blurs a button as it is disabled: that focus is to be moved on, not forgotten.
    // Any other focus-out (Tab, a click elsewhere) is the user's choice.
    if (!(event.target instanceof HTMLButtonElement && event.target.disabled)) this.focusedAction = undefined;
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const action = this.focusedAction;
    const button = action && this.renderRoot.querySelector<HTMLButtonElement>(`button[data-action=${action}]`);
    if (!action || !button?.disabled) return;
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    const focusLost =
      focused === button || (focused === null && (document.activeElement === null || document.activeElement === document.body));
    if (!focusLost) {
      this.focusedAction = undefined;
      return;
    }
    const next = FOCUS_NEXT[action].find((candidate) => this.enabled(candidate));
    if (next) this.renderRoot.querySelector<HTMLButtonElement>(`button[data-action=${next}]`)?.focus();
  }

  private statusText(): string {
    if (this.unavailable && this.runState === 'idle') return this.unavailable;
    if (!this.ready && this.runState === 'idle') return 'Waiting for data and a backend…';
    if (this.runState === 'running') return 'Training…';
    if (this.runState === 'paused') return `Paused after epoch ${formatCount(this.epoch)} of ${formatCount(this.epochs)}.`;
    return this.endMessage || 'Ready to train.';
  }

  private button(action: Action, label: string, secondary = true) {
    return html`<button
      type="button"
      class=${secondary ? 'secondary' : ''}
      data-action=${action}
      ?disabled=${!this.enabled(action)}
      @click=${() => this.act(action)}
    >
      ${label}
    </button>`;
  }

  protected override render() {
    const active = this.runState !== 'idle';
    return html`<h2>Training</h2>
      <training-settings .settings=${this.settings} .backend=${this.backend} ?disabled=${active}></training-settings>
      <label class="check">
        <input id="resume" type="checkbox" ?disabled=${!this.canResume || active} aria-describedby=${this.resumeNote ? 'resume-note' : nothing} />
        Continue from the current model
      </label>
      ${this.resumeNote ? html`<p class="muted resume-note" id="resume-note" data-resume-note>${this.resumeNote}</p>` : ''}
      <div class="buttons" role="group" aria-label="Run controls">
        ${this.button('train', 'Train', false)} ${this.button('pause', 'Pause')} ${this.button('resume', 'Resume')}
        ${this.button('step', 'Step')} ${this.button('stop', 'Stop')} ${this.button('reset', 'Reset')}
      </div>
      <p class="status ${(this.endWarning || this.unavailable) && !active ? 'warning' : ''}" aria-live="polite" data-status>${this.statusText()}</p>
      <training-progress
        ?hidden=${this.epochs === 0 && !active}
        .epoch=${this.epoch}
        .epochs=${this.epochs}
        .elapsedMs=${this.elapsedMs}
        .last=${this.points.at(-1)}
        .first=${this.points[0]}
        ?active=${this.runState === 'running'}
        ?ended=${this.runState === 'idle'}
      ></training-progress>
      <loss-chart .points=${this.points} unit=${this.lossUnit}></loss-chart>`;
  }
}

defineElement('training-panel', TrainingPanel);

declare global {
  interface HTMLElementTagNameMap {
    'training-panel': TrainingPanel;
  }
}
