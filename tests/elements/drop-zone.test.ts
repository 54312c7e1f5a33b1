/**
 * `<drop-zone>` alone: files dragged over the window show the overlay until the drag leaves the window
 * or ends in a drop, which sends the files up. Anything that is not files is left to the page.
 */
import { describe, expect, it } from 'vitest';
import type { FilesChosenEvent } from '../../src/ui/events.ts';
import '../../src/ui/drop-zone.ts';
import { drag, filesTransfer, textTransfer } from './drag.ts';
import { mount, part, recordEvents, settled, textOf } from './mount.ts';

const weights = () => new File(['{"format":"bmi-predictor-weights"}'], 'w.json', { type: 'application/json' });

function overlayShown(zone: HTMLElement): boolean {
  return !part(zone, '[part=overlay]').hidden;
}

describe('<drop-zone>', () => {
  it('is hidden, and hidden from screen readers, until files are dragged in', async () => {
    const zone = await mount('drop-zone');
    const overlay = part(zone, '[part=overlay]');
    expect(overlay.hidden).toBe(true);
    expect(overlay.getAttribute('aria-hidden')).toBe('true');
    expect(getComputedStyle(overlay).display).toBe('none');
  });

  it('shows what can be dropped while files are over the window, through nested elements', async () => {
    const zone = await mount('drop-zone');
    const transfer = filesTransfer(weights());
    const inner = document.createElement('p');
    document.body.append(inner);
    try {
      expect(drag(document.body, 'dragenter', transfer)).toBe(true);
      await settled(zone);
      expect(overlayShown(zone)).toBe(true);
      expect(textOf(part(zone, '.panel'))).toBe(
        'Drop to load A weights file (.json), a TF.js model.json with its weights.bin, or a CSV of data.',
      );
      // Crossing into a child: enter the child, then leave the parent; still over the window.
      drag(inner, 'dragenter', transfer);
      drag(document.body, 'dragleave', transfer);
      await settled(zone);
      expect(overlayShown(zone)).toBe(true);
      // The browser allows the drop (rather than opening the file) only when dragover is cancelled.
      expect(drag(inner, 'dragover', transfer)).toBe(true);
      drag(inner, 'dragleave', transfer);
      await settled(zone);
      expect(overlayShown(zone)).toBe(false);
    } finally {
      inner.remove();
    }
  });

  it('sends every dropped file, in order, and hides the overlay', async () => {
    const zone = await mount('drop-zone');
    const chosen = recordEvents<FilesChosenEvent>(zone, 'files-chosen');
    const model = new File(['{}'], 'model.json');
    const bin = new File([new Uint8Array(8)], 'weights.bin');
    const transfer = filesTransfer(model, bin);
    drag(document.body, 'dragenter', transfer);
    expect(drag(document.body, 'drop', transfer)).toBe(true);
    await settled(zone);
    expect(chosen.map((event) => event.files.map((file) => file.name))).toEqual([['model.json', 'weights.bin']]);
    expect(overlayShown(zone)).toBe(false);
  });

  it('ignores drags of text, leaving them to the page', async () => {
    const zone = await mount('drop-zone');
    const chosen = recordEvents(zone, 'files-chosen');
    const transfer = textTransfer();
    expect(drag(document.body, 'dragenter', transfer)).toBe(false);
    expect(drag(document.body, 'dragover', transfer)).toBe(false);
    await settled(zone);
    expect(overlayShown(zone)).toBe(false);
    expect(drag(document.body, 'drop', transfer)).toBe(false);
    expect(chosen).toHaveLength(0);
  });

  it('stops listening when removed from the page', async () => {
    const zone = await mount('drop-zone');
    const chosen = recordEvents(zone, 'files-chosen');
    zone.remove();
    const transfer = filesTransfer(weights());
    expect(drag(document.body, 'dragenter', transfer)).toBe(false);
    expect(drag(document.body, 'drop', transfer)).toBe(false);
    expect(chosen).toHaveLength(0);
  });
});
