/** The read-back queue: epochs numbered in queue order, read back together, due once per interval. */
import { describe, expect, it } from 'vitest';
import type { EpochValues } from '../../src/core/train/epoch-runner.ts';
import { ReadBackQueue } from '../../src/core/train/driver/read-back-queue.ts';

const value = (epoch: number): EpochValues => ({ trainLoss: epoch, validationLoss: null, slope: epoch, intercept: 0 });

describe('ReadBackQueue', () => {
  it('numbers the starting point 0 and the epochs after it in queue order, and counts the epochs', () => {
    const queue = new ReadBackQueue(
      () => Promise.resolve([]),
      () => 0,
      16,
    );
    queue.queuedStart();
    queue.queued(3);
    queue.queued(2);
    expect(queue.epochs).toBe(5);
    expect(queue.size).toBe(6);
    expect(queue.startReading().epochs).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a reading takes what was queued before it; later epochs belong to the next one', async () => {
    let reads = 0;
    const queue = new ReadBackQueue(
      () => {
        reads += 1;
        return Promise.resolve([value(1), value(2)]);
      },
      () => 0,
      16,
    );
    queue.queued(2);
    const first = queue.startReading();
    queue.queued(1);
    expect(first.epochs).toEqual([1, 2]);
    expect(await first.values).toEqual([value(1), value(2)]);
    expect(queue.size).toBe(1);
    expect(queue.startReading().epochs).toEqual([3]);
    expect(reads).toBe(2);
  });

  it('reads nothing back when nothing is pending', async () => {
    let reads = 0;
    const queue = new ReadBackQueue(
      () => {
        reads += 1;
        return Promise.resolve([]);
      },
      () => 0,
      16,
    );
    const reading = queue.startReading();
    expect(reading.epochs).toEqual([]);
    expect(await reading.values).toEqual([]);
    expect(reads).toBe(0);
  });

  it('is due an interval after it was made, and an interval after each report', () => {
    let t = 0;
    const queue = new ReadBackQueue(
      () => Promise.resolve([]),
      () => t,
      16,
    );
    t = 15;
    expect(queue.due).toBe(false);
    t = 16;
    expect(queue.due).toBe(true);
    queue.reported();
    t = 31;
    expect(queue.due).toBe(false);
    t = 32;
    expect(queue.due).toBe(true);
  });
});
