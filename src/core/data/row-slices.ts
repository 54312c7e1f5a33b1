/**
 * Passes over the rows that the page's thread runs (what depends on the line shown, which changes
 * every frame of a run, so it cannot wait for a worker's round trip): in slices, one slice per task
 * and none in the task that asks, so ten million rows never make a task over a few milliseconds. A
 * pass over rows that fit one slice runs at once and its value is there when asked for.
 */
import { yieldThroughMessage } from '../train/yield.ts';
import type { Steps } from '../steps.ts';

/**
 * Rows per slice: a pass over a quarter of a million rows takes a few milliseconds (a plane of 16
 * features ten times that), so a slice stays far below a long task even on a busy machine.
 */
export const ROWS_PER_SLICE = 1 << 18;

/** Rows per slice of a pass that reads `features` feature columns: fewer as there are more to read. */
export function rowsPerSlice(features: number): number {
  return Math.max(4096, Math.floor(ROWS_PER_SLICE / Math.max(1, features)));
}

/**
 * Runs each phase over every slice of `rows` rows, phase after phase. When the rows fit one slice
 * they run at once and true is returned; else false, and `done` is called after one slice per task.
 */
export function phasesInSlices(
  rows: number,
  phases: readonly ((from: number, to: number) => void)[],
  done: () => void,
  rowsPerSlice = ROWS_PER_SLICE,
): boolean {
  if (rows <= rowsPerSlice) {
    for (const phase of phases) phase(0, rows);
    return true;
  }
  void (async () => {
    for (const phase of phases)
      for (let from = 0; from < rows; from += rowsPerSlice) {
        await yieldThroughMessage();
        phase(from, Math.min(rows, from + rowsPerSlice));
      }
    done();
  })();
  return false;
}

/**
 * The values of `pass` over each slice of `rows` rows, in order. When the rows fit one slice, the
 * value comes at once (returned); else undefined is returned and `done` gets the values after one
 * slice per task.
 */
export function passInSlices<T>(
  rows: number,
  pass: (from: number, to: number) => T,
  done: (values: T[]) => void,
  rowsPerSlice = ROWS_PER_SLICE,
): T[] | undefined {
  const values: T[] = [];
  const now = phasesInSlices(rows, [(from, to) => values.push(pass(from, to))], () => done(values), rowsPerSlice);
  return now ? values : undefined;
}

/**
 * Runs a pass written as steps (steps.ts): one step per task, none in the task that asks, then `done`
 * gets its value. Once `wanted` says no (a newer choice came), the rest is dropped and `done` never called.
 */
export function stepsInSlices<T>(steps: Steps<T>, done: (value: T) => void, wanted: () => boolean = () => true): void {
  void (async () => {
    for (;;) {
      await yieldThroughMessage();
      if (!wanted()) return;
      const step = steps.next();
      if (step.done) {
        done(step.value);
        return;
      }
    }
  })();
}
