import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model/model.ts';
import type { SplitMetrics } from '../../src/core/data/split.ts';
import type { TrainingProgress, TrainingResult } from '../../src/core/train/trainer.ts';
import {
  IDLE_RUN,
  clearedRun,
  completedRun,
  endedRun,
  failedRun,
  progressedRun,
  startedRun,
} from '../../src/ui/controllers/training-run-state.ts';

function progress(changes: Partial<TrainingProgress>): TrainingProgress {
  return { state: 'running', epoch: 1, epochs: 5, points: [], line: { slope: 1, intercept: 2 }, elapsedMs: 10, ...changes };
}

function result(changes: Partial<TrainingResult>): TrainingResult {
  // The run's view never reads the model or metrics: the current-model controller takes those.
  return {
    model: {} as Model,
    metrics: {} as SplitMetrics,
    epochsRun: 5,
    stopped: false,
    end: { reason: 'completed' },
    elapsedMs: 50,
    ...changes,
  };
}

describe("a training run's view", () => {
  it('is frozen when idle, so no transition can change the value every reset goes back to', () => {
    expect(Object.isFrozen(IDLE_RUN)).toBe(true);
    expect(Object.isFrozen(IDLE_RUN.points)).toBe(true);
    expect(IDLE_RUN).toMatchObject({ state: 'idle', epoch: 0, epochs: 0, points: [], liveLine: null, end: undefined, error: '' });
  });

  it('starts running with the epochs asked for and nothing from the previous run', () => {
    expect(startedRun(200)).toEqual({ ...IDLE_RUN, state: 'running', epochs: 200 });
  });

  it('adds each report’s loss points to the curve and follows pause and resume', () => {
    const point = (epoch: number) => ({ epoch, trainLoss: 100 - epoch, validationLoss: null });
    const first = progressedRun(startedRun(5), progress({ epoch: 1, points: [point(0), point(1)] }));
    const paused = progressedRun(first, progress({ state: 'paused', epoch: 2, points: [point(2)], elapsedMs: 20 }));
    expect(paused.points.map((p) => p.epoch)).toEqual([0, 1, 2]);
    expect(paused).toMatchObject({ state: 'paused', epoch: 2, elapsedMs: 20, liveLine: { slope: 1, intercept: 2 } });
    // A report without new points keeps the same curve (no new array, no chart redraw).
    expect(progressedRun(paused, progress({ state: 'running', epoch: 2 })).points).toBe(paused.points);
    // The trainer's 'done' is not a page state: the run stays running until its result arrives.
    expect(progressedRun(first, progress({ state: 'done' })).state).toBe('running');
  });

  it('ends idle with the sentence for how it ended, its epochs and time, and no live line', () => {
    const running = progressedRun(
      startedRun(5),
      progress({ epoch: 5, points: [{ epoch: 5, trainLoss: 43.0210311892, validationLoss: null }] }),
    );
    const completed = completedRun(running, result({ epochsRun: 5, elapsedMs: 50 }));
    expect(completed).toMatchObject({ state: 'idle', epoch: 5, elapsedMs: 50, liveLine: null, error: '' });
    expect(completed.end).toEqual({ message: 'Trained 5 epochs. The Fit card shows how well the new line fits.', warning: false });
    expect(completed.points).toBe(running.points);
  });

  it('warns when the run diverged', () => {
    const end = { reason: 'diverged', why: 'the loss is NaN', atEpoch: 3, kept: { epoch: 2, loss: 50 } } as const;
    expect(completedRun(startedRun(5), result({ end, epochsRun: 3 })).end?.warning).toBe(true);
  });

  it('ends idle with why it failed, keeping the curve so far', () => {
    const running = progressedRun(startedRun(5), progress({ points: [{ epoch: 1, trainLoss: 60, validationLoss: null }] }));
    const failed = failedRun(running, 'The training engine was closed.');
    expect(failed).toMatchObject({ state: 'idle', liveLine: null, error: 'Training failed: The training engine was closed.' });
    expect(failed.points).toBe(running.points);
  });

  it('goes back to idle on reset, but a paused run being stopped stays paused until it has ended', () => {
    const failed = failedRun(startedRun(5), 'boom');
    expect(clearedRun(failed)).toBe(IDLE_RUN);
    const paused = progressedRun(startedRun(5), progress({ state: 'paused', epoch: 3 }));
    const cleared = clearedRun(paused);
    expect(cleared).toEqual({ ...IDLE_RUN, state: 'paused' });
    expect(endedRun(cleared)).toEqual(IDLE_RUN);
  });
});
