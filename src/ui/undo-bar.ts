import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../embed/define.ts';
import { ModelUndoEvent, UseLastGoodLineEvent } from './events.ts';
import { panelStyles } from './theme.ts';

/**
 * What the user can get back: an Undo for the last replacement of the model (or deletion of a saved
 * one), and a failed run's last good line, offered instead of used. Announced politely; renders
 * nothing when there is neither.
 *
 * @fires model-undo - Undo was pressed.
 * @fires use-last-good-line - "Use this run's last good line" was pressed.
 * @csspart bar - The box around both.
 */
export class UndoBar extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .bar {
        display: grid;
        gap: 0.5rem;
        margin: 0 0 0.75rem;
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

  protected override render() {
    return html`<div class="bar" part="bar" role="status" aria-live="polite">
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
    </div>`;
  }
}

defineElement('undo-bar', UndoBar);

declare global {
  interface HTMLElementTagNameMap {
    'undo-bar': UndoBar;
  }
}
