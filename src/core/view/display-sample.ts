/**
 * Which rows a plot draws: every row of a small data set, an even sample of a big one (a million
 * points would block the page and show nothing more), in ascending x as uPlot wants.
 */

import { oncePerColumn } from '../data/once-per-columns.ts';

/** The most rows a plot draws. */
export const MAX_DRAWN_POINTS = 5000;

/**
 * The drawn rows of a column, sampled once per column: the scatter plot and the residuals plot of
 * one data set share them (the caller must not change the array).
 */
export const sampledRowsOf: (x: Float64Array) => Uint32Array = oncePerColumn((x) => sampleRowsByX(x));

export function sampleRowsByX(x: ArrayLike<number>, max = MAX_DRAWN_POINTS): Uint32Array {
  const stride = Math.max(1, Math.ceil(x.length / max));
  const rows = new Uint32Array(Math.ceil(x.length / stride));
  for (let i = 0; i < rows.length; i++) rows[i] = i * stride;
  return rows.sort((a, b) => x[a] - x[b]);
}
