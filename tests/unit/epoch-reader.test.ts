/** Reading values back into judged loss points: raw units, in order, nothing past the end. */
import { describe, expect, it } from 'vitest';
import { EpochJudge } from '../../src/core/train/epoch-judge.ts';
import type { EpochValues } from '../../src/core/train/epoch-runner.ts';
import { EpochReader } from '../../src/core/train/driver/epoch-reader.ts';

const values = (losses: (number | null)[], validation: number | null = null): EpochValues[] =>
  losses.map((loss, i) => ({ trainLoss: loss ?? Number.NaN, validationLoss: validation, slope: i, intercept: -i }));

describe('EpochReader', () => {
  it('scales the losses to raw units and keeps each point with its line', async () => {
    const reader = new EpochReader(new EpochJudge({ slope: 0, intercept: 0 }, null), 10);
    const points = await reader.read({ epochs: [0, 1], values: Promise.resolve(values([2, 1], 0.5)) });
    expect(points).toEqual([
      { epoch: 0, trainLoss: 20, validationLoss: 5, line: { slope: 0, intercept: -0 } },
      { epoch: 1, trainLoss: 10, validationLoss: 5, line: { slope: 1, intercept: -1 } },
    ]);
    expect(reader.lastRead).toBe(1);
    expect(reader.endedAt).toBeUndefined();
  });

  it('stops at the epoch the judge ends the run on and drops the points after it', async () => {
    const judge = new EpochJudge({ slope: 0, intercept: 0 }, { patience: 1, minImprovement: 0 });
    const reader = new EpochReader(judge, 1);
    const points = await reader.read({ epochs: [0, 1, 2, 3, 4], values: Promise.resolve(values([5, 4, 4.5, 1, 0.5])) });
    expect(points.map((point) => point.epoch)).toEqual([0, 1, 2]);
    expect(reader.endedAt).toBe(2);
    expect(reader.lastRead).toBe(2);
    expect(judge.end?.reason).toBe('early-stopped');
    // A later read-back adds nothing once the run has ended.
    expect(await reader.read({ epochs: [5], values: Promise.resolve(values([0.1])) })).toEqual([]);
    expect(reader.lastRead).toBe(2);
  });

  it('reads nothing from an empty read-back', async () => {
    const reader = new EpochReader(new EpochJudge({ slope: 0, intercept: 0 }, null), 1);
    expect(await reader.read({ epochs: [], values: Promise.resolve([]) })).toEqual([]);
    expect(reader.lastRead).toBe(0);
  });
});
