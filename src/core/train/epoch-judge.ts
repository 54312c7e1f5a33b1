/**
 * Judges read-back epochs one by one, in order: divergence first, then early stopping. Pure: it sees
 * numbers already read back, so a run ends on the same epoch with the same weights however many epochs
 * were queued between two read-backs.
 */
import type { Weights } from '../model/predict.ts';
import { DivergenceMonitor } from './divergence.ts';
import { EarlyStopping, type Snapshot } from './early-stopping.ts';
import type { RunEnd } from './run-end.ts';
import type { EarlyStoppingSettings } from '../settings/training-settings.ts';

/** One epoch's losses, in raw target units², of the weights at the end of the epoch. */
export interface LossPoint {
  /** Epochs done in this run when the loss was measured: 0 is the starting point. */
  epoch: number;
  /** Training MSE in raw target units² of the weights at the end of the epoch. */
  trainLoss: number;
  /** Validation MSE in raw units² of the same weights, or null without validation rows. */
  validationLoss: number | null;
  /**
   * The weights after the epoch as a line (raw units once the trainer reports it): the optimizer's
   * path, read back with the losses at no extra transfer. Optional so points made elsewhere still fit.
   */
  line?: Weights;
}

export class EpochJudge {
  private readonly earlyStopping: EarlyStopping | undefined;
  private readonly divergence = new DivergenceMonitor();
  /** The last finite weights, shown while training. */
  lastFinite: Weights;
  /** Set when the run must end at the epoch judged last. */
  end: RunEnd | undefined;
  /** Where the run ends up when early stopping or divergence restores earlier weights. */
  restored: Snapshot | undefined;

  constructor(
    start: Weights,
    private readonly stopping: EarlyStoppingSettings | null | undefined,
  ) {
    this.lastFinite = start;
    this.earlyStopping = stopping ? new EarlyStopping(stopping) : undefined;
  }

  /** The weights the run ends on if it ends now. */
  get line(): Weights {
    return this.restored?.line ?? this.lastFinite;
  }

  /** Judges one epoch; true when the run must end there (then `end` says why). */
  examine(point: LossPoint, weights: Weights): boolean {
    if (this.end !== undefined) return true;
    // Both losses belong to the weights at the end of the epoch.
    const trained: Snapshot = { epoch: point.epoch, loss: point.trainLoss, line: weights };
    const why = this.divergence.observe(trained, point.validationLoss);
    if (why !== undefined) {
      this.restored = this.divergence.best ?? trained;
      this.end = { reason: 'diverged', why, atEpoch: point.epoch, kept: { epoch: this.restored.epoch, loss: this.restored.loss } };
      return true;
    }
    this.lastFinite = weights;
    if (!this.earlyStopping) return false;
    const watched: Snapshot = point.validationLoss === null ? trained : { ...trained, loss: point.validationLoss };
    if (!this.earlyStopping.observe(watched)) return false;
    this.restored = this.earlyStopping.best ?? watched;
    this.end = {
      reason: 'early-stopped',
      monitor: point.validationLoss === null ? 'training' : 'validation',
      patience: this.stopping!.patience,
      best: { epoch: this.restored.epoch, loss: this.restored.loss },
    };
    return true;
  }
}
