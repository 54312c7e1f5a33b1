/**
 * How a training run ended, and the sentence the page shows for it. Apart from the trainer so the page
 * can describe a run without loading TensorFlow.js.
 */
import { formatCount } from '../view/format.ts';
import { formatLoss } from './progress.ts';

/** A loss at the weights reached after `epoch` epochs (0 = the starting line). */
export interface EpochLoss {
  epoch: number;
  loss: number;
}

export type RunEnd =
  | { reason: 'completed' }
  /** The user pressed Stop: the weights reached are kept. */
  | { reason: 'stopped' }
  /** The monitored loss stopped improving: the best weights were restored. */
  | { reason: 'early-stopped'; monitor: 'validation' | 'training'; patience: number; best: EpochLoss }
  /** The loss blew up: the run stopped itself and kept the last good weights (lowest training loss). */
  | { reason: 'diverged'; why: string; atEpoch: number; kept: EpochLoss };

function weightsOf(epoch: number): string {
  return epoch === 0 ? 'the starting line' : `epoch ${epoch}`;
}

/**
 * One or two sentences for the status line, e.g. "Stopped early after 37 epochs: …". A completed run
 * says what happened, not its loss: the Fit card shows the model's MSE, once.
 */
export function describeRunEnd(end: RunEnd, epochsRun: number): string {
  const plural = (n: number): string => `${formatCount(n)} epoch${n === 1 ? '' : 's'}`;
  switch (end.reason) {
    case 'completed':
      return `Trained ${plural(epochsRun)}. The Fit card shows how well the new line fits.`;
    case 'stopped':
      return `Stopped after ${plural(epochsRun)}; kept the weights reached.`;
    case 'early-stopped':
      return (
        `Stopped early after ${plural(epochsRun)}: the ${end.monitor} loss had not improved for ${plural(end.patience)}. ` +
        `Restored the best weights, from ${weightsOf(end.best.epoch)} (${end.monitor} MSE ${formatLoss(end.best.loss)}).`
      );
    case 'diverged':
      return (
        `Training diverged at epoch ${end.atEpoch} (${end.why}) and stopped. Kept the last good weights, from ` +
        `${weightsOf(end.kept.epoch)} (training MSE ${formatLoss(end.kept.loss)}). Try a smaller learning rate.`
      );
  }
}
