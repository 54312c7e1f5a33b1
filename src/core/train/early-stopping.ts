/**
 * Early stopping: watches one loss per epoch and says when it has stopped improving, remembering the
 * weights that gave the best loss so the run can end on them rather than on its last epoch.
 * Pure bookkeeping (no TensorFlow.js): the trainer feeds it numbers it has already read back.
 */
import type { Weights } from '../model/predict.ts';
import type { EarlyStoppingSettings } from '../settings/training-settings.ts';

/** A loss and the weights that produced it. */
export interface Snapshot {
  /** How many epochs had run when these weights were current (0 = the starting line). */
  epoch: number;
  loss: number;
  /** The weights, in whatever units the trainer keeps them (it converts them back itself). */
  line: Weights;
}

export class EarlyStopping {
  private bestSnapshot: Snapshot | undefined;
  private sinceBest = 0;

  constructor(private readonly settings: EarlyStoppingSettings) {}

  /** The best snapshot seen so far. */
  get best(): Snapshot | undefined {
    return this.bestSnapshot;
  }

  /** Records one epoch's loss; true when `patience` epochs in a row have not improved on the best. */
  observe(snapshot: Snapshot): boolean {
    const best = this.bestSnapshot;
    const improved =
      Number.isFinite(snapshot.loss) &&
      (best === undefined || snapshot.loss < best.loss - Math.abs(best.loss) * this.settings.minImprovement);
    if (improved) {
      this.bestSnapshot = snapshot;
      this.sinceBest = 0;
      return false;
    }
    this.sinceBest += 1;
    return this.sinceBest >= this.settings.patience;
  }
}
