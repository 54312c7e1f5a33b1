import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface FileDropOptions {
  /** Where drags are watched: the host element itself, or `window` for a page-wide drop. */
  target: EventTarget;
  /** Whether drops are taken now (e.g. off while a `no-drop` attribute is set). Default: always. */
  enabled?: () => boolean;
  /** The files of a drop (never called with none). */
  onDrop(files: File[]): void;
}

/**
 * Says whether files are being dragged over a target and hands over the files dropped on it; the
 * host re-renders when `dragging` changes. Shared by the app's page-wide `<drop-zone>` and the
 * embeddable `<bmi-predictor>` (so it lives in embed/, which the app's elements may import).
 * dragenter and dragleave come in pairs for every element crossed, so a depth count tells when the
 * drag really left. Drags that carry no files (text, links) are left alone.
 */
export class FileDropController implements ReactiveController {
  /** Whether files are over the target right now. */
  dragging = false;
  private depth = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FileDropOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, listener] of this.listeners()) this.options.target.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.listeners()) this.options.target.removeEventListener(type, listener);
    this.show(false);
  }

  private listeners(): [string, (event: Event) => void][] {
    return [
      ['dragenter', this.onDragEnter],
      ['dragover', this.onDragOver],
      ['dragleave', this.onDragLeave],
      ['drop', this.onDrop],
    ];
  }

  private accepts(event: Event): event is DragEvent {
    const enabled = this.options.enabled?.() ?? true;
    return enabled && ((event as DragEvent).dataTransfer?.types.includes('Files') ?? false);
  }

  private show(dragging: boolean): void {
    if (!dragging) this.depth = 0;
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  private readonly onDragEnter = (event: Event): void => {
    if (!this.accepts(event)) return;
    event.preventDefault();
    this.depth += 1;
    this.show(true);
  };

  private readonly onDragOver = (event: Event): void => {
    if (!this.accepts(event)) return;
    // Without this the browser would not allow a drop, and would open the file instead.
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    // A drag that entered before the host was connected is counted from here.
    this.depth = Math.max(this.depth, 1);
    this.show(true);
  };

  /** Only a drag counted in can leave; what a dragleave carries is not looked at. */
  private readonly onDragLeave = (): void => {
    if (this.depth === 0) return;
    this.depth -= 1;
    if (this.depth === 0) this.show(false);
  };

  private readonly onDrop = (event: Event): void => {
    if (!this.accepts(event)) return;
    event.preventDefault();
    this.show(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) this.options.onDrop(files);
  };
}
