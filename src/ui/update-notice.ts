import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../embed/define.ts';
import { AppUpdateController } from './controllers/app-update-controller.ts';
import { panelStyles, themeStyles } from './theme.ts';

/** The user asked for the new version: the page reloads onto it. */
export class UpdateReloadEvent extends Event {
  static readonly type = 'update-reload';
  constructor() {
    super(UpdateReloadEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Makes the app work offline (its controller registers the service worker) and says when a new version
 * is downloaded and waiting, with a button to reload onto it. The new version never starts by itself,
 * so a training run is never cut short by an update. The status region is always in the page (empty
 * until an update is ready) so screen readers announce it.
 *
 * @fires update-reload - {UpdateReloadEvent} The user pressed Reload.
 * @csspart notice - The notice box.
 * @csspart reload - The Reload button.
 */
export class UpdateNotice extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      :host {
        position: fixed;
        inset: auto 1rem 1rem auto;
        z-index: 10;
        max-width: calc(100vw - 2rem);
      }
      .notice.ready {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--bp-control-border);
        border-radius: var(--bp-radius);
        background: var(--bp-surface);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      }
    `,
  ];

  /** A new version is installed and waiting for a reload. */
  @property({ type: Boolean, reflect: true }) ready = false;

  constructor() {
    super();
    new AppUpdateController(this, UpdateReloadEvent.type);
  }

  protected override render() {
    return html`<div part="notice" class="notice ${this.ready ? 'ready' : ''}" role="status">
      ${
        this.ready
          ? html`<span>A new version is ready:</span>
            <button part="reload" type="button" @click=${() => this.dispatchEvent(new UpdateReloadEvent())}>Reload</button>`
          : ''
      }
    </div>`;
  }
}

defineElement('update-notice', UpdateNotice);

declare global {
  interface HTMLElementTagNameMap {
    'update-notice': UpdateNotice;
  }
}
