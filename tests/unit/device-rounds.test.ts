/** The device's rounds: sized from the time rounds really took, at most two queued at once. */
import { describe, expect, it } from 'vitest';
import { DeviceRounds } from '../../src/core/train/driver/device-rounds.ts';
import { lastPace, MAX_PENDING_EPOCHS, RoundSize } from '../../src/core/train/round-size.ts';

/** A promise that records when it is awaited. */
function doneSignal(): { done: Promise<void>; awaited: () => boolean } {
  let awaited = false;
  const done = {
    then: (resolve: () => void) => {
      awaited = true;
      resolve();
    },
  } as unknown as Promise<void>;
  return { done, awaited: () => awaited };
}

describe('DeviceRounds', () => {
  it('asks for a round, no more than the run has left or the read-back can hold; long epochs one at a time', () => {
    const rounds = new DeviceRounds(new RoundSize(8, MAX_PENDING_EPOCHS, 0.5), () => 0);
    expect(rounds.wanted(100, 0, false)).toBe(16);
    expect(rounds.wanted(5, 0, false)).toBe(5);
    expect(rounds.wanted(100, MAX_PENDING_EPOCHS - 2, false)).toBe(3);
    expect(rounds.wanted(100, 0, true)).toBe(1);
  });

  it('waits for the round before the one just queued, and sizes the next round from how long it took', async () => {
    let t = 0;
    const sizes = new RoundSize(8);
    const rounds = new DeviceRounds(sizes, () => t);
    rounds.starting();
    const first = doneSignal();
    await rounds.queuedBehind(first.done, 1);
    // Nothing was on the device before: no wait, nothing measured yet.
    expect(first.awaited()).toBe(false);
    expect(rounds.busy).toBe(true);
    expect(sizes.next).toBe(1);
    t = 2; // the first round took 2 ms
    await rounds.queuedBehind(doneSignal().done, 1);
    expect(first.awaited()).toBe(true);
    expect(sizes.next).toBe(4);
  });

  it('a read-back of everything measures both rounds on the device and leaves none there', async () => {
    let t = 0;
    const sizes = new RoundSize(8);
    const rounds = new DeviceRounds(sizes, () => t);
    rounds.starting();
    await rounds.queuedBehind(doneSignal().done, 2);
    t = 4;
    rounds.drained(2); // 4 epochs in 4 ms
    expect(rounds.busy).toBe(false);
    expect(sizes.next).toBe(8);
  });

  it('a round queued while a read-back travels: the round before it is measured, this one stays on the device', async () => {
    let t = 0;
    const sizes = new RoundSize(8);
    const rounds = new DeviceRounds(sizes, () => t);
    rounds.starting();
    await rounds.queuedBehind(doneSignal().done, 1);
    t = 0.5;
    rounds.queuedWhileReading(doneSignal().done, 1);
    expect(sizes.next).toBe(16);
    expect(rounds.busy).toBe(true);
  });

  it('a round started with nothing on the device counts its time from then', async () => {
    let t = 0;
    const sizes = new RoundSize(8);
    const rounds = new DeviceRounds(sizes, () => t);
    t = 100; // idle time before the round (e.g. a pause) is not the device's
    rounds.starting();
    await rounds.queuedBehind(doneSignal().done, 1);
    t = 101;
    rounds.drained(0);
    expect(sizes.next).toBe(8);
  });

  it('remembers the typical epoch time for the next run of the same kind, once it measured one', () => {
    const key = `rounds:${Math.random()}`;
    const sizes = new RoundSize(8);
    const rounds = new DeviceRounds(sizes, () => 0);
    rounds.remember(key);
    expect(lastPace.has(key)).toBe(false);
    sizes.observe(4, 2);
    rounds.remember(key);
    expect(lastPace.get(key)).toBe(0.5);
    rounds.remember(undefined);
  });
});
