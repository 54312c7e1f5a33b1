/**
 * What the page shows of a training run, as one immutable value, and the pure transitions between
 * values. Every "back to no run" (new data, another model, Reset) is `IDLE_RUN`, so nothing a
 * previous run showed (its loss curve, its end, its failure) outlives it.
 */
import type { Weights } from '../../core/model/predict.ts';
import { describeRunEnd } from '../../core/train/run-end.ts';
import type { LossPoint, TrainingProgress, TrainingResult } from '../../core/train/trainer.ts';

/** Where the page's training is: no run, a run going, or a run waiting. */
export type RunState = 'idle' | 'running' | 'paused';

/** The sentence the status line shows for how the last run ended. */
export interface RunEndNotice {
  readonly message: string;
  /** The end was a problem (divergence), not just information. */
  readonly warning: boolean;
}

export interface RunView {
  readonly state: RunState;
  /** Epochs done in this run, and asked for (0 before any run: no progress is shown). */
  readonly epoch: number;
  readonly epochs: number;
  readonly elapsedMs: number;
  readonly points: readonly LossPoint[];
  /** The weights of the run as it goes; null when no run is going (the model's line is drawn then). */
  readonly liveLine: Weights | null;
  readonly end: RunEndNotice | undefined;
  /** Why the last run failed, or ''. */
  readonly error: string;
}

export const IDLE_RUN: RunView = Object.freeze({
  state: 'idle',
  epoch: 0,
  epochs: 0,
  elapsedMs: 0,
  points: Object.freeze([]),
  liveLine: null,
  end: undefined,
  error: '',
});

/** A run of `epochs` epochs has just been asked for. */
export function startedRun(epochs: number): RunView {
  return { ...IDLE_RUN, state: 'running', epochs };
}

/** A progress report of the run: its epoch, time, new loss points, live line and running/paused. */
export function progressedRun(run: RunView, progress: TrainingProgress): RunView {
  const state = progress.state === 'running' || progress.state === 'paused' ? progress.state : run.state;
  return {
    ...run,
    state,
    epoch: progress.epoch,
    elapsedMs: progress.elapsedMs,
    points: progress.points.length > 0 ? [...run.points, ...progress.points] : run.points,
    liveLine: progress.line,
  };
}

/** The run finished with a model: how it ended, said in a sentence. */
export function completedRun(run: RunView, result: TrainingResult): RunView {
  const message = describeRunEnd(result.end, result.epochsRun);
  return {
    ...endedRun(run),
    epoch: result.epochsRun,
    elapsedMs: result.elapsedMs,
    end: { message, warning: result.end.reason === 'diverged' },
  };
}

/** The run ended without a model worth keeping (diverged, or stopped before an epoch): `why` says so. */
export function keptRun(run: RunView, result: TrainingResult, why: string): RunView {
  return { ...endedRun(run), epoch: result.epochsRun, elapsedMs: result.elapsedMs, end: { message: why, warning: true } };
}

/** The run failed (e.g. the engine died): the curve so far stays, with why. */
export function failedRun(run: RunView, reason: string): RunView {
  return { ...endedRun(run), error: `Training failed: ${reason}` };
}

/** No run is going any more (one that was dropped shows nothing of its own). */
export function endedRun(run: RunView): RunView {
  return { ...run, state: 'idle', liveLine: null };
}

/**
 * Reset: back to no run, except that a paused run being stopped is still paused until it has ended
 * (so Train stays off until the engine is free).
 */
export function clearedRun(run: RunView): RunView {
  return run.state === 'idle' ? IDLE_RUN : { ...IDLE_RUN, state: run.state };
}
