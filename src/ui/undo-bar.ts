import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../embed/define.ts';
import { ModelUndoEvent, UseLastGoodLineEvent } from './events.ts';
import { panelStyles } from './theme.ts';

/**
 * What the user can get back: an Undo for the last replacement of the model (or deletion of a saved
 * one), and a failed run's last good line, offered instead of used. Announced politely; renders
 * nothing when there is neither. Shown as a bar fixed at the bottom of the window, so it appears where
 * the user is looking whichever button or drop made the change; Dismiss hides it until the next one.
 *
 * @fires model-undo - Undo was pressed.
 * @fires use-last-good-line - "Use this run's last good line" was pressed.
 * @csspart bar - The box around both.
 */
export class UndoBar extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .bar.shown {
        position: fixed;
        z-index: 20;
        left: 50%;
        bottom: 1rem;
        transform: translateX(-50%);
        box-sizing: border-box;
        width: max-content;
        max-width: calc(100vw - 1rem);
        display: flex;
        align-items: flex-start;
        gap: 0.75rem;
        padding: 0.6rem 0.6rem 0.6rem 1rem;
        background: var(--bp-surface);
        color: var(--bp-text);
        border: 1px solid var(--bp-control-border);
        border-radius: 8px;
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      }
      .items {
        display: grid;
        gap: 0.5rem;
      }
      button.dismiss {
        min-width: 2.25rem;
        padding: 0.45rem 0.6rem;
      }
      p {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
    `,
  ];

  /** What Undo takes back ("Reset", `Loaded the weights file "w.json"`), or '' for no Undo. */
  @property() undoLabel = '';
  /** Why a run's last good line is offered instead of used, or '' when none is. */
  @property() offerLabel = '';
  /** While a run goes the model cannot change: the buttons are off. */
  @property({ type: Boolean }) disabled = false;

  /** Set when the user dismissed the bar; a new Undo or offer shows it again. */
  @state() private dismissed = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('undoLabel') || changed.has('offerLabel')) this.dismissed = false;
  }

  protected override render() {
    const shown = (this.undoLabel !== '' || this.offerLabel !== '') && !this.dismissed;
    return html`<div class="bar ${shown ? 'shown' : ''}" part="bar" role="status" aria-live="polite">
      ${
        shown
          ? html`<div class="items">
                ${
                  this.offerLabel
                    ? html`<p data-offer>
                        <span>${this.offerLabel}</span>
                        <button type="button" ?disabled=${this.disabled} @click=${() => this.dispatchEvent(new UseLastGoodLineEvent())}>Use this run's last good line</button>
                      </p>`
                    : nothing
                }
                ${
                  this.undoLabel
                    ? html`<p data-undo>
                        <span>${this.undoLabel}.</span>
                        <button type="button" ?disabled=${this.disabled} @click=${() => this.dispatchEvent(new ModelUndoEvent())}>Undo</button>
                      </p>`
                    : nothing
                }
              </div>
              <button type="button" class="secondary dismiss" aria-label="Dismiss" title="Dismiss" @click=${() => (this.dismissed = true)}>×</button>`
          : nothing
      }
    </div>`;
  }
}

defineElement('undo-bar', UndoBar);

declare global {
  interface HTMLElementTagNameMap {
    'undo-bar': UndoBar;
  }
}
