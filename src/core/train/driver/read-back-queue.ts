/**
 * The epochs queued on the device and not yet read back, numbered in queue order, and when the next
 * read-back is due (at most once per report interval). A read-back takes every point queued so far;
 * what is queued after it starts belongs to the next one, so the device works while values travel.
 */
import type { EpochValues } from '../epoch-runner.ts';

/** A read-back under way: the epochs it carries, in order, and their values once they arrive. */
export interface Reading {
  readonly epochs: readonly number[];
  readonly values: Promise<EpochValues[]>;
}

export class ReadBackQueue {
  /** Epoch numbers of the points queued and not yet read back, in queue order. */
  private pending: number[] = [];
  /** Epochs queued in this run (the starting point is not one). */
  private queuedEpochs = 0;
  private lastRead: number;

  constructor(
    private readonly readBack: () => Promise<EpochValues[]>,
    private readonly now: () => number,
    private readonly intervalMs: number,
  ) {
    this.lastRead = now();
  }

  /** Epochs queued in this run so far. */
  get epochs(): number {
    return this.queuedEpochs;
  }

  /** Points waiting to be read back. */
  get size(): number {
    return this.pending.length;
  }

  /** The starting point (epoch 0) was queued. */
  queuedStart(): void {
    this.pending.push(0);
  }

  /** `count` more epochs were queued, after those before. */
  queued(count: number): void {
    for (let i = 1; i <= count; i++) this.pending.push(this.queuedEpochs + i);
    this.queuedEpochs += count;
  }

  /** True when a report interval has passed since the last read-back ended. */
  get due(): boolean {
    return this.now() - this.lastRead >= this.intervalMs;
  }

  /** Starts reading back every point queued so far (none: nothing to transfer). */
  startReading(): Reading {
    const reading = { epochs: this.pending, values: this.pending.length > 0 ? this.readBack() : Promise.resolve([]) };
    this.pending = [];
    return reading;
  }

  /** A read-back has been reported: the next is due an interval from now. */
  reported(): void {
    this.lastRead = this.now();
  }
}
