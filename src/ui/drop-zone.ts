import { LitElement, css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { FilesChosenEvent } from './events.ts';
import { defineElement } from '../embed/define.ts';

/**
 * Lets files be dropped anywhere on the page: while files are dragged over the window it shows an
 * overlay saying what can be dropped, and on drop it sends the files up. It listens on the window, so
 * it needs no place in the layout; the overlay ignores the pointer, so the page under it keeps
 * receiving the drag. The file pickers are the keyboard and screen-reader path to the same thing.
 *
 * @fires files-chosen - Files were dropped on the page.
 * @csspart overlay - The full-window overlay shown while dragging files.
 */
export class DropZone extends LitElement {
  static override styles = css`
    .overlay {
      position: fixed;
      inset: 0;
      z-index: 1000;
      display: grid;
      place-items: center;
      padding: 1rem;
      pointer-events: none;
      background: color-mix(in srgb, var(--bp-bg) 70%, transparent);
      backdrop-filter: blur(2px);
    }
    .overlay[hidden] {
      display: none;
    }
    .panel {
      max-width: 32rem;
      padding: 2rem;
      border: 3px dashed var(--bp-accent);
      border-radius: var(--bp-radius);
      background: var(--bp-surface);
      color: var(--bp-text);
      font-family: var(--bp-font);
      text-align: center;
      box-shadow: 0 8px 30px rgb(0 0 0 / 0.2);
    }
    strong {
      display: block;
      font-size: 1.3rem;
      margin-bottom: 0.5rem;
      color: var(--bp-accent);
    }
  `;

  @state() private dragging = false;
  /** dragenter and dragleave come in pairs per element crossed; zero means the drag left the window. */
  private depth = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('dragenter', this.onDragEnter);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragenter', this.onDragEnter);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
  }

  private static carriesFiles(event: DragEvent): boolean {
    return event.dataTransfer?.types.includes('Files') ?? false;
  }

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!DropZone.carriesFiles(event)) return;
    event.preventDefault();
    this.depth += 1;
    this.dragging = true;
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!DropZone.carriesFiles(event)) return;
    // Without this the browser would not allow a drop, and would open the file instead.
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    this.dragging = true;
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!DropZone.carriesFiles(event)) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.dragging = false;
  };

  private readonly onDrop = (event: DragEvent): void => {
    if (!DropZone.carriesFiles(event)) return;
    event.preventDefault();
    this.depth = 0;
    this.dragging = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) this.dispatchEvent(new FilesChosenEvent(files));
  };

  protected override render() {
    return html`<div part="overlay" class="overlay" ?hidden=${!this.dragging} aria-hidden="true" data-dragging=${this.dragging}>
      <div class="panel">
        <strong>Drop to load</strong>
        A weights file (.json), a TF.js model.json with its weights.bin, or a CSV of data.
      </div>
    </div>`;
  }
}

defineElement('drop-zone', DropZone);

declare global {
  interface HTMLElementTagNameMap {
    'drop-zone': DropZone;
  }
}
