import { LitElement, css, html } from 'lit';
import { FileDropController } from '../embed/file-drop-controller.ts';
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

  private readonly drop = new FileDropController(this, {
    target: window,
    onDrop: (files) => this.dispatchEvent(new FilesChosenEvent(files)),
  });

  protected override render() {
    return html`<div part="overlay" class="overlay" ?hidden=${!this.drop.dragging} aria-hidden="true" data-dragging=${this.drop.dragging}>
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
