/** The run clock: training time with pauses left out. */
import { describe, expect, it } from 'vitest';
import { RunClock } from '../../src/core/train/driver/run-clock.ts';

describe('RunClock', () => {
  it('counts from when it is made, leaves stopped stretches out, and counts again once started', () => {
    let t = 100;
    const clock = new RunClock(() => t);
    t = 130;
    expect(clock.elapsedMs).toBe(30);
    clock.stop();
    t = 1000; // paused for a long while
    expect(clock.elapsedMs).toBe(30);
    clock.start();
    t = 1015;
    expect(clock.elapsedMs).toBe(45);
  });

  it('stopping a stopped clock changes nothing', () => {
    let t = 0;
    const clock = new RunClock(() => t);
    t = 5;
    clock.stop();
    t = 50;
    clock.stop();
    expect(clock.elapsedMs).toBe(5);
  });
});
