import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { LibraryMessage, StorageState } from './controllers/model-library-controller.ts';
import type { SavedModelList } from '../app/model-store.ts';
import { EMBED_SCRIPT } from '../core/model/embed-snippet.ts';
import { formatLine } from '../core/view/format.ts';
import { OPTIMIZER_LABELS, type Model } from '../core/model/model.ts';
import { formatCount } from '../core/view/format.ts';
import { FilesChosenEvent, LibraryActionEvent, type LibraryAction } from './events.ts';
import { defineElement } from '../embed/define.ts';
import { panelStyles } from './theme.ts';
import './embed-snippet-button.ts';

/** How long an armed Delete button waits for the confirming press. */
const CONFIRM_MS = 5000;

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function fit(model: Model): string {
  return `MSE ${model.training.trainMse.toFixed(2)} · R² ${model.training.r2.toFixed(3)}`;
}

/**
 * How the current model was made, naming it ("50 epochs of SGD (learning rate 0.1) on 163 rows"): its
 * fit on the data shown is the Fit card's to say, so the card does not repeat its MSE.
 */
function howMade(model: Model): string {
  const { epochs, optimizer, learningRate, backend, rows } = model.training;
  const on = `on ${formatCount(rows)} rows`;
  if (backend === 'closed-form') return `the exact least-squares line ${on}`;
  return `${formatCount(epochs)} epoch${epochs === 1 ? '' : 's'} of ${OPTIMIZER_LABELS[optimizer]} (learning rate ${learningRate}) ${on}`;
}

/**
 * The model library: the current model, its files (weights file, TF.js model files) and the models
 * saved in this browser. Renders what `<bmi-app>` hands it and sends requests up. While `training`,
 * everything that would replace the model is disabled, with a hint saying why. Delete asks once
 * more: the button becomes "Confirm delete" for a few seconds.
 *
 * @fires library-action - Save, load, delete, download or export was asked for.
 * @fires files-chosen - The user picked a weights file or TF.js model files.
 */
export class ModelLibrary extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .current {
        margin: 0 0 0.5rem;
      }
      .equation {
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      /* One, two or four columns, never three: each button stays beside (or above) its file picker. */
      .files {
        container-type: inline-size;
      }
      .actions {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.75rem;
        align-items: end;
      }
      @container (min-width: 24rem) {
        .actions {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
      @container (min-width: 52rem) {
        .actions {
          grid-template-columns: repeat(4, minmax(0, 1fr));
        }
      }
      .message {
        margin: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
        border-left: 4px solid var(--bp-accent);
        background: color-mix(in srgb, var(--bp-accent) 10%, transparent);
        overflow-wrap: anywhere;
      }
      .message.warning {
        border-color: var(--bp-line);
        background: color-mix(in srgb, var(--bp-line) 12%, transparent);
      }
      .message.error {
        border-color: var(--bp-error);
        background: color-mix(in srgb, var(--bp-error) 10%, transparent);
      }
      .notice {
        margin: 0 0 0.5rem;
        padding: 0.5rem 0.75rem;
        border: 1px dashed var(--bp-border);
        border-radius: 6px;
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.5rem;
        align-items: end;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.75rem 0 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.5rem;
        align-items: center;
        padding: 0.5rem 0;
        border-top: 1px solid var(--bp-border);
      }
      .name {
        /* Room for a name, else the buttons move to a line of their own. */
        flex: 1 1 12rem;
        min-width: 0;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .meta {
        display: block;
        font-weight: 400;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
      }
      li button {
        padding: 0.3rem 0.7rem;
      }
      button.confirm {
        background: var(--bp-error);
        border-color: var(--bp-error);
        color: var(--bp-surface);
      }
    `,
  ];

  /** The model predictions use now. */
  @property({ attribute: false }) model: Model | null = null;
  /** Where the current model came from, e.g. `the weights file "x.json"`. */
  @property() origin = '';
  @property({ attribute: false }) storage: StorageState = { state: 'opening' };
  @property({ attribute: false }) saved: SavedModelList = { models: [], damaged: [] };
  /** The outcome of the last action: shown and announced. */
  @property({ attribute: false }) message: LibraryMessage | null = null;
  /** A run is going: loading or importing a model waits until it ends. */
  @property({ type: Boolean }) training = false;
  /** The run is paused (not running): the hint says so. */
  @property({ type: Boolean }) paused = false;
  /** Where an embed snippet loads `<bmi-predictor>` from (the app's own URL of bmi-predictor.js). */
  @property() embedScript: string | undefined;
  /** The data's word for its rows ("countries"), for the embed snippet. */
  @property() population: string | undefined;

  /** The saved model whose Delete button asks for confirmation now, if any. */
  @state() private confirming: string | undefined;
  private confirmTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelConfirm();
  }

  /** First press arms the button, a second one within the time deletes. */
  private onDelete(name: string): void {
    if (this.confirming === name) {
      this.cancelConfirm();
      this.send({ kind: 'delete', name });
      return;
    }
    this.cancelConfirm();
    this.confirming = name;
    this.confirmTimer = setTimeout(() => this.cancelConfirm(), CONFIRM_MS);
  }

  private cancelConfirm(): void {
    clearTimeout(this.confirmTimer);
    this.confirmTimer = undefined;
    this.confirming = undefined;
  }

  private deleteButton(name: string) {
    const armed = this.confirming === name;
    return html`<button
      type="button"
      class=${armed ? 'confirm' : 'secondary'}
      aria-label=${armed ? `Confirm delete model ${name}` : `Delete model ${name}`}
      data-confirm=${armed ? 'true' : nothing}
      @click=${() => this.onDelete(name)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && armed) this.cancelConfirm();
      }}
    >
      ${armed ? 'Confirm delete' : 'Delete'}
    </button>`;
  }

  @query('#model-name') private nameInput!: HTMLInputElement;

  private send(action: LibraryAction): void {
    this.dispatchEvent(new LibraryActionEvent(action));
  }

  private onSave(event: SubmitEvent): void {
    event.preventDefault();
    this.send({ kind: 'save', name: this.nameInput.value });
  }

  private onFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length > 0) this.dispatchEvent(new FilesChosenEvent(files));
    // Let the same file be picked again after a fix.
    input.value = '';
  }

  /** Info goes to a polite status region, warnings and errors to an alert region; both always exist, so changes are announced. */
  private renderMessage(regionFor: 'status' | 'alert') {
    const message = this.message;
    if (!message || (message.kind === 'info') !== (regionFor === 'status')) return nothing;
    // A fresh element per message, so a repeated text is announced again.
    return keyed(message, html`<p class="message ${message.kind}" data-message=${message.kind}>${message.text}</p>`);
  }

  private renderCurrent() {
    const model = this.model;
    if (!model) return html`<p class="current muted" data-current>No model yet: train one, or load a weights file.</p>`;
    return html`<p class="current" data-current>
      <span class="equation">${formatLine(model)}</span><br />
      <span class="muted">${this.origin ? `${this.origin[0].toUpperCase()}${this.origin.slice(1)}; ` : ''}made ${formatDate(model.training.date)};
        ${howMade(model)}</span>
    </p>`;
  }

  private renderSaved() {
    const storage = this.storage;
    const off = storage.state === 'off';
    const { models, damaged } = this.saved;
    return html`<h3 id="saved-heading">Saved in this browser</h3>
      ${
        off
          ? html`<p class="notice" data-storage-off>
            Saving in this browser is off (${storage.reason}). Training, predicting and files still work: download the weights file
            to keep a model.
          </p>`
          : nothing
      }
      <form @submit=${this.onSave} aria-labelledby="saved-heading">
        <label>
          Model name
          <input id="model-name" name="name" maxlength="80" autocomplete="off" placeholder="e.g. first try" ?disabled=${off} />
        </label>
        <button type="submit" ?disabled=${off || storage.state === 'opening' || !this.model}>Save</button>
      </form>
      ${
        off
          ? nothing
          : models.length === 0 && damaged.length === 0
            ? html`<p class="muted" data-saved-empty>No saved models yet.</p>`
            : html`<ul data-saved aria-label="Saved models">
              ${models.map(
                ({ name, savedAt, model }) =>
                  html`<li data-name=${name}>
                    <span class="name"
                      >${name}<span class="meta muted"><time datetime=${savedAt}>${formatDate(savedAt)}</time> · ${fit(model)}</span></span
                    >
                    <span class="buttons">
                      <button
                        type="button"
                        aria-label=${`Load model ${name}`}
                        ?disabled=${this.training}
                        aria-describedby=${this.training ? 'training-hint' : nothing}
                        @click=${() => this.send({ kind: 'load', name })}
                      >
                        Load
                      </button>
                      ${this.deleteButton(name)}
                    </span>
                  </li>`,
              )}
              ${damaged.map(
                ({ name, error }) =>
                  html`<li data-name=${name} data-damaged>
                    <span class="name">${name}<span class="meta error">Damaged: ${error}</span></span>
                    ${this.deleteButton(name)}
                  </li>`,
              )}
            </ul>`
      }`;
  }

  protected override render() {
    const none = !this.model;
    const hint = this.training ? 'training-hint' : nothing;
    return html`<h2>Model</h2>
      ${this.renderCurrent()}
      <div role="status">${this.renderMessage('status')}</div>
      <div role="alert">${this.renderMessage('alert')}</div>
      <h3>Files</h3>
      <div class="files"><div class="actions">
        <button type="button" ?disabled=${none} @click=${() => this.send({ kind: 'download-weights' })}>Download weights</button>
        <label>
          Load weights file
          <input type="file" accept=".json,application/json" ?disabled=${this.training} aria-describedby=${hint} @change=${this.onFiles} />
        </label>
        <button type="button" ?disabled=${none} @click=${() => this.send({ kind: 'export-tfjs' })}>Export TF.js files</button>
        <label>
          Import TF.js files (model.json + weights.bin)
          <input
            type="file"
            multiple
            accept=".json,.bin,application/json,application/octet-stream"
            ?disabled=${this.training}
            aria-describedby=${hint}
            @change=${this.onFiles}
          />
        </label>
      </div></div>
      ${
        this.training
          ? html`<p class="muted" id="training-hint" data-training-hint>
            ${this.paused ? 'Training is paused: stop it, or resume and let it finish, to load a model.' : 'Training is running: load a model when it has finished.'}
          </p>`
          : nothing
      }
      <p class="muted">Or drop a weights file, TF.js files or a CSV anywhere on the page.</p>
      <h3>On another page</h3>
      <embed-snippet-button
        .model=${this.model}
        .scriptSrc=${this.embedScript ?? EMBED_SCRIPT}
        .population=${this.population}
      ></embed-snippet-button>
      ${this.renderSaved()}`;
  }
}

defineElement('model-library', ModelLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'model-library': ModelLibrary;
  }
}
