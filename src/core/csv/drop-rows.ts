/**
 * A column without some of its rows, copied in runs: the rows kept between two dropped ones are one
 * block copy (`set` of a `subarray`), so a million rows with a few bad ones cost a few memory copies
 * instead of a loop that moves each value. Taking the columns of a data set is then a few
 * milliseconds, never a long task on the page.
 */

type Column = Float64Array | Uint32Array;

/** Runs shorter than this are copied value by value: a `subarray` per one or two rows costs more. */
const SHORT_RUN = 16;

/** The rows where any of the columns is not a number (NaN), in ascending order. */
export function rowsWithNaN(a: Float64Array, b: Float64Array, ...more: Float64Array[]): number[] {
  const rows: number[] = [];
  for (let i = 0; i < a.length; i++) {
    let missing = Number.isNaN(a[i]) || Number.isNaN(b[i]);
    for (let k = 0; !missing && k < more.length; k++) missing = Number.isNaN(more[k][i]);
    if (missing) rows.push(i);
  }
  return rows;
}

/** A new column of the same type: `source` without the rows in `dropped` (ascending), in order. */
export function withoutRows<T extends Column>(source: T, dropped: readonly number[]): T {
  if (dropped.length === 0) return source.slice() as T;
  const out = new (source.constructor as new (length: number) => T)(source.length - dropped.length);
  let at = 0;
  let from = 0;
  for (let k = 0; k <= dropped.length; k++) {
    const to = k < dropped.length ? dropped[k] : source.length;
    if (to - from < SHORT_RUN) for (let i = from; i < to; i++) out[at++] = source[i]!;
    else {
      out.set(source.subarray(from, to), at);
      at += to - from;
    }
    from = to + 1;
  }
  return out;
}
