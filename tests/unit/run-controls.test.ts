/**
 * The run controls' own transitions: the state moves only through them (Train, a pause reached, a
 * wake, the end), and Pause, Step and Stop keep the allowance the driver takes epochs from.
 */
import { describe, expect, it } from 'vitest';
import { RunControls } from '../../src/core/train/run-controls.ts';

describe('RunControls transitions', () => {
  it('goes idle → running → paused → running → done', () => {
    const controls = new RunControls();
    expect(controls.state).toBe('idle');
    controls.begin();
    expect(controls.state).toBe('running');
    controls.pausing();
    expect(controls.state).toBe('paused');
    controls.woke();
    expect(controls.state).toBe('running');
    controls.finish();
    expect(controls.state).toBe('done');
  });

  it('Pause before the run starts it paused; Step then allows one epoch', () => {
    const controls = new RunControls();
    controls.pause();
    expect(controls.stepsAllowed).toBe(0);
    controls.step();
    expect(controls.stepsAllowed).toBe(1);
  });

  it('ignores Pause and Step once the run is done', () => {
    const controls = new RunControls();
    controls.begin();
    controls.finish();
    controls.pause();
    controls.step();
    expect(controls.stepsAllowed).toBe(Infinity);
  });

  it('tells a Pause taken inside a queued epoch, and counts finishing that epoch against the allowance', () => {
    const controls = new RunControls();
    controls.begin();
    const allowed = controls.stepsAllowed;
    expect(controls.pausedSince(allowed)).toBe(false);
    controls.pause();
    expect(controls.pausedSince(allowed)).toBe(true);
    controls.pausing();
    controls.step();
    // Woken by Step: finishing the epoch under way is that step.
    expect(controls.finishingEpoch()).toBe(0);
    controls.resume();
    expect(controls.finishingEpoch()).toBe(Infinity);
  });

  it('a wait ends at Resume, and Stop is remembered', async () => {
    const controls = new RunControls();
    controls.begin();
    controls.pause();
    const woken = controls.waitForWake();
    controls.resume();
    await woken;
    expect(controls.stopRequested).toBe(false);
    controls.stop();
    expect(controls.stopRequested).toBe(true);
  });
});
