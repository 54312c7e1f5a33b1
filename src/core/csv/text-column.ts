/**
 * A column of text cells packed as one string with each cell's start and end: posting it between
 * threads copies one string and two typed arrays, where a million separate strings would cost a long
 * task to clone, and picking rows of it is a gather of offsets, with no new strings.
 */
export interface TextColumn {
  readonly text: string;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

export function packTexts(cells: readonly string[]): TextColumn {
  const starts = new Uint32Array(cells.length);
  const ends = new Uint32Array(cells.length);
  let at = 0;
  cells.forEach((cell, i) => {
    starts[i] = at;
    at += cell.length;
    ends[i] = at;
  });
  return { text: cells.join(''), starts, ends };
}

export function textAt(column: TextColumn, row: number): string {
  return column.text.slice(column.starts[row], column.ends[row]);
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
    if (column.ends[i] - column.starts[i] === cell.length && textAt(column, i) === cell) return i;
  return -1;
}
