/**
 * A pass over many rows written once as steps: a generator that does a slice of rows between two
 * yields. Run all at once (`runSteps`) it is the plain pass; run one step per task (row-slices.ts) it
 * never holds up the page, and both give the very same values, the rows being taken in the same order.
 */
export type Steps<T> = Generator<void, T, void>;

/** Every step at once: the value of the pass. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
