/**
 * A column of text cells packed as the code units of every cell one after another, with each cell's
 * start and end: posting it between threads transfers three typed arrays, where a million separate
 * strings (or one string of them all) would cost the receiving page a long task to clone, and picking
 * rows of it is a gather of offsets, with no new strings. A cell becomes a string only when it is read.
 */
import { GrowingText } from './growing-columns.ts';

export interface TextColumn {
  /** UTF-16 code units of every cell: one byte each when all are below 256, else two. */
  readonly text: Uint8Array | Uint16Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

export function packTexts(cells: readonly string[]): TextColumn {
  const column = new GrowingText();
  for (const cell of cells) column.push(cell);
  return column.finish();
}

/** Code units turned into a string this many at a time (an argument list has a limit). */
const UNITS_PER_CALL = 8192;

export function textAt(column: TextColumn, row: number): string {
  const start = column.starts[row];
  const end = column.ends[row];
  if (end - start <= UNITS_PER_CALL) return String.fromCharCode(...column.text.subarray(start, end));
  let text = '';
  for (let at = start; at < end; at += UNITS_PER_CALL)
    text += String.fromCharCode(...column.text.subarray(at, Math.min(end, at + UNITS_PER_CALL)));
  return text;
}

/** The cells of the given rows, in that order (the text itself is shared, not copied). */
export function pickTexts(column: TextColumn, rows: ArrayLike<number>): TextColumn {
  const starts = new Uint32Array(rows.length);
  const ends = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    starts[i] = column.starts[rows[i]]!;
    ends[i] = column.ends[rows[i]]!;
  }
  return { text: column.text, starts, ends };
}

/** The first row whose cell is `cell`, or -1. */
export function indexOfText(column: TextColumn, cell: string): number {
  for (let i = 0; i < column.starts.length; i++)
    if (column.ends[i] - column.starts[i] === cell.length && sameText(column, i, cell)) return i;
  return -1;
}

function sameText(column: TextColumn, row: number, cell: string): boolean {
  const start = column.starts[row];
  for (let k = 0; k < cell.length; k++) if (column.text[start + k] !== cell.charCodeAt(k)) return false;
  return true;
}
