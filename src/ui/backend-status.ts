import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { BACKEND_LABELS, describeBackend, describeDevice, type BackendChoice } from '../core/settings/backends.ts';
import { defineElement } from '../embed/define.ts';
// The header's tagline shows the same choice; registered with the status so the page needs no other import.
import './backend-tagline.ts';

/**
 * Shows which TensorFlow.js backend is running and, after a fallback, why the preferred ones were passed
 * over; on demand (Details), on what device (a software adapter is said to be one: no GPU) and which
 * kernels train on it.
 * The whole line is a live status, so a fallback's reason or a failure is announced with the badge,
 * not just the backend's name.
 *
 * @csspart badge - The backend name.
 * @csspart device - The device it runs on, e.g. "WebGPU on a software adapter (google swiftshader): no GPU".
 * @csspart kernels - How training runs there, e.g. "fused kernels, workgroup 4: …".
 * @csspart reason - The fallback explanation.
 */
export class BackendStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
      font-size: 0.9rem;
      color: var(--bp-muted);
    }
    .badge {
      font-weight: 700;
      color: var(--bp-text);
      border: 1px solid var(--bp-border);
      border-radius: 999px;
      padding: 0.1rem 0.6rem;
    }
    .reason {
      color: var(--bp-muted);
    }
    .error {
      color: var(--bp-error);
    }
    summary {
      cursor: pointer;
      color: var(--bp-accent);
      min-height: 24px;
      display: inline-flex;
      align-items: center;
    }
    summary:focus-visible {
      outline: 3px solid var(--bp-accent);
      outline-offset: 2px;
    }
    details[open] {
      flex-basis: 100%;
    }
    details[open] span {
      display: block;
    }
  `;

  /** The backend in use, or undefined while TensorFlow.js loads. */
  @property({ attribute: false }) choice: BackendChoice | undefined;
  /** Set when no backend could start. */
  @property() error = '';

  /** The device and the training kernels: for whoever asks, behind "Details" (the tagline says it in plain words). */
  private renderDetails(choice: BackendChoice | undefined) {
    if (!choice?.device && !choice?.kernels) return '';
    return html`<details>
      <summary>Details</summary>
      ${choice.device ? html`<span part="device" class="reason" data-software=${choice.device.software}>${describeDevice(choice)}</span>` : ''}
      ${choice.kernels ? html`<span part="kernels" class="reason">Training: ${choice.kernels}</span>` : ''}
    </details>`;
  }

  protected override render() {
    const { choice } = this;
    return html`<div class="status" role="status" aria-atomic="true">
      <span>Backend:</span>
      <span part="badge" class="badge" data-backend=${choice?.name ?? ''}
        >${this.error ? 'none' : choice ? BACKEND_LABELS[choice.name] : 'loading TensorFlow.js…'}</span
      >
      ${this.error ? '' : this.renderDetails(choice)}
      ${
        this.error
          ? html`<span part="reason" class="error">${this.error}</span>`
          : choice && choice.fallbacks.length > 0
            ? html`<span part="reason" class="reason">${describeBackend(choice)}</span>`
            : ''
      }
    </div>`;
  }
}

defineElement('backend-status', BackendStatus);

declare global {
  interface HTMLElementTagNameMap {
    'backend-status': BackendStatus;
  }
}
