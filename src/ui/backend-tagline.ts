import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { tagline, type BackendChoice } from '../core/settings/backends.ts';
import { defineElement } from '../embed/define.ts';

/**
 * The page's tagline, honest about what trains: "on your GPU" only for a hardware GPU, a software
 * adapter named as such, and no GPU claim after a fallback to WASM or the CPU.
 */
export class BackendTagline extends LitElement {
  /** Plain text in the page's own DOM: it reads as part of the heading's paragraph, styled by it. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The backend in use, or undefined while TensorFlow.js loads. */
  @property({ attribute: false }) choice: BackendChoice | undefined;

  protected override render() {
    return tagline(this.choice);
  }
}

defineElement('backend-tagline', BackendTagline);

declare global {
  interface HTMLElementTagNameMap {
    'backend-tagline': BackendTagline;
  }
}
