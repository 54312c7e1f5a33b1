/** Drag-and-drop as the browser sends it: DragEvents carrying a DataTransfer with real files. */

export function filesTransfer(...files: File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

/** A text drag (a selection, a link): not files, to be ignored. */
export function textTransfer(text = 'some text'): DataTransfer {
  const transfer = new DataTransfer();
  transfer.setData('text/plain', text);
  return transfer;
}

/** Fires one drag event; returns whether something called preventDefault (which allows a drop). */
export function drag(target: EventTarget, type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', dataTransfer: DataTransfer): boolean {
  const event = new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}
