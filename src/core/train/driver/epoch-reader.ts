/**
 * Turns read-back values into loss points (raw units²) and has each judged in order, so a run ends
 * on the same epoch with the same weights however many epochs were queued: epochs read back past the
 * end are dropped.
 */
import type { Weights } from '../../model/predict.ts';
import type { EpochJudge, LossPoint } from '../epoch-judge.ts';
import type { Reading } from './read-back-queue.ts';

export class EpochReader {
  /** The epoch of the last point read back: what a report shows. */
  lastRead = 0;
  /** The epoch the judge ended the run at, once it did. */
  endedAt: number | undefined;

  constructor(
    private readonly judge: EpochJudge,
    /** Scaled losses times this are raw losses (the target's variance). */
    private readonly lossScale: number,
  ) {}

  /** Waits for a read-back's values; the points up to the end of the run, judged in order. */
  async read(reading: Reading): Promise<LossPoint[]> {
    const { judge, lossScale } = this;
    const points: LossPoint[] = [];
    const values = await reading.values;
    for (let i = 0; i < reading.epochs.length && judge.end === undefined; i++) {
      const v = values[i];
      const line: Weights =
        v.moreWeights === undefined
          ? { slope: v.slope, intercept: v.intercept }
          : { slope: v.slope, intercept: v.intercept, moreWeights: v.moreWeights };
      const point: LossPoint = {
        epoch: reading.epochs[i],
        trainLoss: v.trainLoss * lossScale,
        validationLoss: v.validationLoss === null ? null : v.validationLoss * lossScale,
        line,
      };
      points.push(point);
      this.lastRead = point.epoch;
      if (judge.examine(point, { ...line })) this.endedAt = point.epoch;
    }
    return points;
  }
}
