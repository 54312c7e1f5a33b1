import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { copyText } from '../app/clipboard.ts';
import { EMBED_SCRIPT, embedSnippet } from '../core/model/embed-snippet.ts';
import type { Model } from '../core/model/model.ts';
import { defineElement } from '../embed/define.ts';
import { panelStyles } from './theme.ts';

type Outcome = { kind: 'none' } | { kind: 'copied' } | { kind: 'not-copied'; snippet: string } | { kind: 'error'; message: string };

/**
 * "Embed this model": copies an HTML snippet (the `<bmi-predictor>` script tag and the element with
 * this model's weights inline) and says so in a live region. If the browser will not copy, the
 * snippet is shown in a text box to copy by hand.
 *
 * @csspart button - The Embed this model button.
 * @csspart status - What happened, announced politely.
 */
export class EmbedSnippetButton extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      textarea {
        display: block;
        box-sizing: border-box;
        width: 100%;
        min-height: 6rem;
        margin-top: 0.5rem;
        font: 0.85rem ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        color: var(--bp-text);
        background: var(--bp-bg);
        border: 1px solid var(--bp-control-border);
        border-radius: 6px;
      }
    `,
  ];

  /** The model to embed; the button is disabled without one. */
  @property({ attribute: false }) model: Model | null = null;
  /**
   * Where the snippet's script tag loads the element from: the app passes its own absolute URL of
   * `bmi-predictor.js`, so the snippet works on any page while the app is hosted there.
   */
  @property() scriptSrc = EMBED_SCRIPT;
  /** The data's word for its rows ("countries"), written into the snippet's element. */
  @property() population: string | undefined;

  @state() private outcome: Outcome = { kind: 'none' };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // What was said is about the model it was said for.
    if (changed.has('model') || changed.has('scriptSrc') || changed.has('population')) this.outcome = { kind: 'none' };
  }

  private async copy(): Promise<void> {
    if (!this.model) return;
    let snippet: string;
    try {
      snippet = embedSnippet(this.model, { scriptSrc: this.scriptSrc, population: this.population });
    } catch (error) {
      this.outcome = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      return;
    }
    this.outcome = (await copyText(snippet)) ? { kind: 'copied' } : { kind: 'not-copied', snippet };
  }

  private statusText(): string {
    switch (this.outcome.kind) {
      case 'copied':
        return /^https?:\/\//.test(this.scriptSrc)
          ? `Copied the snippet: paste it into any page. Its script loads ${EMBED_SCRIPT} from this app (${this.scriptSrc}), so it works while the app is hosted there; or put ${EMBED_SCRIPT} next to your page and point the src at it.`
          : `Copied the snippet: paste it into any page, with ${this.scriptSrc} next to the page.`;
      case 'not-copied':
        return 'The browser would not copy: select the snippet below and copy it.';
      case 'error':
        return this.outcome.message;
      case 'none':
        return '';
    }
  }

  protected override render() {
    const { outcome } = this;
    return html`<div class="row">
        <button part="button" type="button" ?disabled=${!this.model} @click=${() => void this.copy()}>Embed this model</button>
        <span part="status" role="status" class=${outcome.kind === 'error' ? 'error' : 'muted'} data-embed-status>${this.statusText()}</span>
      </div>
      ${outcome.kind === 'not-copied' ? html`<textarea readonly aria-label="Embed snippet" .value=${outcome.snippet}></textarea>` : ''}`;
  }
}

defineElement('embed-snippet-button', EmbedSnippetButton);

declare global {
  interface HTMLElementTagNameMap {
    'embed-snippet-button': EmbedSnippetButton;
  }
}
