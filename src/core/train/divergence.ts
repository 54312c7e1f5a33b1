/**
 * Divergence: a step size too large for the data makes the loss grow without bound (on standardized
 * data, plain SGD diverges above a learning rate of 1) until it overflows to Infinity and NaN. This
 * watches the training loss and says when a run has diverged, keeping the best weights seen before, so
 * the run can end on numbers rather than NaN.
 */
import type { Snapshot } from './early-stopping.ts';

/** A run whose loss has risen this many epochs in a row... */
export const RISING_EPOCHS = 5;
/** ...to more than this multiple of its best loss has diverged. */
export const GROWTH_FACTOR = 10;

export class DivergenceMonitor {
  private bestSnapshot: Snapshot | undefined;
  private previous = Number.NaN;
  private rising = 0;

  /** The lowest finite loss seen so far, with its weights: the last good weights. */
  get best(): Snapshot | undefined {
    return this.bestSnapshot;
  }

  /**
   * Records one epoch: the training loss of its weights, plus the validation loss of the same weights,
   * which must stay finite too. Returns why the run has diverged, or undefined while it has not.
   */
  observe(snapshot: Snapshot, validationLoss: number | null = null): string | undefined {
    const { loss, line } = snapshot;
    const nonFinite = (value: number): string | undefined =>
      Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? undefined : 'infinite';
    for (const value of [loss, validationLoss ?? 0]) {
      const problem = nonFinite(value);
      if (problem) return `the loss became ${problem}`;
    }
    const problem = [line.slope, line.intercept, ...(line.moreWeights ?? [])].map(nonFinite).find((why) => why !== undefined);
    if (problem) return `the weights became ${problem}`;
    this.rising = loss > this.previous ? this.rising + 1 : 0;
    this.previous = loss;
    if (this.bestSnapshot === undefined || loss < this.bestSnapshot.loss) this.bestSnapshot = snapshot;
    if (this.rising >= RISING_EPOCHS && loss > this.bestSnapshot.loss * GROWTH_FACTOR) {
      return `the loss grew ${RISING_EPOCHS} epochs in a row to over ${GROWTH_FACTOR}× its best`;
    }
    return undefined;
  }
}
