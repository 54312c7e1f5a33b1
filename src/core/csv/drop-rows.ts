/**
 * A column without some of its rows, copied in runs: the rows kept between two dropped ones are one
 * block copy (`set` of a `subarray`), so a million rows with a few bad ones cost a few memory copies
 * instead of a loop that moves each value. Taking the columns of a data set is then a few
 * milliseconds, never a long task on the page.
 */

import { runSteps, type Steps } from '../steps.ts';

type Column = Float64Array | Uint32Array;

/** Runs shorter than this are copied value by value: a `subarray` per one or two rows costs more. */
const SHORT_RUN = 16;

/** The rows where any of the columns is not a number (NaN), in ascending order. */
export function rowsWithNaN(a: Float64Array, b: Float64Array, ...more: Float64Array[]): number[] {
  return runSteps(rowsWithNaNSteps([a, b, ...more], Infinity));
}

/** `rowsWithNaN` of the columns as steps (steps.ts) of `slice` rows. */
export function* rowsWithNaNSteps(columns: readonly Float64Array[], slice: number): Steps<number[]> {
  const rows: number[] = [];
  const [a, b, ...more] = columns;
  for (let from = 0; from < a.length; from += slice) {
    const to = Math.min(a.length, from + slice);
    for (let i = from; i < to; i++) {
      let missing = Number.isNaN(a[i]) || (b !== undefined && Number.isNaN(b[i]));
      for (let k = 0; !missing && k < more.length; k++) missing = Number.isNaN(more[k][i]);
      if (missing) rows.push(i);
    }
    if (to < a.length) yield;
  }
  return rows;
}

/** A new column of the same type: `source` without the rows in `dropped` (ascending), in order. */
export function withoutRows<T extends Column>(source: T, dropped: readonly number[]): T {
  return runSteps(withoutRowsSteps(source, dropped, Infinity));
}

/** `withoutRows` as steps (steps.ts) that copy `slice` rows each. */
export function* withoutRowsSteps<T extends Column>(source: T, dropped: readonly number[], slice: number): Steps<T> {
  const out = new (source.constructor as new (length: number) => T)(source.length - dropped.length);
  let at = 0;
  let from = 0;
  let budget = slice;
  for (let k = 0; k <= dropped.length; k++) {
    const to = k < dropped.length ? dropped[k] : source.length;
    // A long run is copied in pieces of what is left of the slice.
    for (let start = from; start < to;) {
      const end = Math.min(to, start + budget);
      if (end - start < SHORT_RUN) for (let i = start; i < end; i++) out[at++] = source[i]!;
      else {
        out.set(source.subarray(start, end), at);
        at += end - start;
      }
      budget -= end - start;
      start = end;
      if (budget === 0) {
        yield;
        budget = slice;
      }
    }
    from = to + 1;
  }
  return out;
}
