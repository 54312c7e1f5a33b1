/**
 * The current model and what the user can get back, as one immutable value with pure transitions:
 * nothing the user has is lost. Replacing the current model (a finished run, Reset, loading a file or
 * a saved model) and deleting a saved model each leave one Undo step; a run that failed never
 * replaces the model, and offers its last good line instead.
 */
import type { Model } from './model.ts';
import type { RunEnd } from '../train/run-end.ts';

/** The current model and a short phrase saying where it came from ("trained in this page"). */
export interface CurrentModel {
  readonly model: Model;
  readonly origin: string;
}

/** What Undo gives back. */
export type UndoStep =
  /** The model that was current before `what` replaced it (null: there was none, e.g. before a Reset's undo). */
  | { readonly kind: 'current'; readonly previous: CurrentModel | null; readonly what: string }
  /** A saved model that was deleted: Undo saves it again under its name. */
  | { readonly kind: 'saved'; readonly name: string; readonly model: Model; readonly what: string };

/** A run's last good line, offered instead of adopted ("Use this run's last good line"). */
export interface Offer {
  readonly model: Model;
  /** Why it was not adopted, in a sentence. */
  readonly why: string;
}

export interface ModelHistory {
  readonly current: CurrentModel | null;
  readonly undo: UndoStep | null;
  readonly offer: Offer | null;
}

export const EMPTY_HISTORY: ModelHistory = Object.freeze({ current: null, undo: null, offer: null });

/**
 * `next` becomes current (null: no model, as after Reset); the previous one can be had back with
 * Undo, when there was one. `what` names the replacement for the Undo bar ("Reset", "Loaded …").
 */
export function replaceCurrent(history: ModelHistory, next: CurrentModel | null, what: string): ModelHistory {
  const undo: UndoStep | null = history.current ? { kind: 'current', previous: history.current, what } : null;
  return { current: next, undo, offer: null };
}

/** The model kept from the last visit: nothing was replaced, so nothing to undo. */
export function restoreCurrent(history: ModelHistory, restored: CurrentModel): ModelHistory {
  return { ...history, current: restored };
}

/** A saved model was deleted: Undo saves it again. The current model is untouched. */
export function deletedSaved(history: ModelHistory, name: string, model: Model): ModelHistory {
  return { ...history, undo: { kind: 'saved', name, model, what: `Deleted the saved model "${name}"` } };
}

/** Undo: the step taken back and the history after it (a current-model step brings its model back). */
export function undo(history: ModelHistory): { history: ModelHistory; step: UndoStep | null } {
  const step = history.undo;
  if (!step) return { history, step: null };
  if (step.kind === 'saved') return { history: { ...history, undo: null }, step };
  return { history: { current: step.previous, undo: null, offer: null }, step };
}

/** The offered line becomes current (with Undo back to the model kept). */
export function acceptOffer(history: ModelHistory, origin: string): ModelHistory {
  if (!history.offer) return history;
  return replaceCurrent(history, { model: history.offer.model, origin }, "Used the run's last good line");
}

export function withOffer(history: ModelHistory, offer: Offer | null): ModelHistory {
  return { ...history, offer };
}

/** What a run that ended gave: the model it produced and how it ended. */
export interface RunOutcome {
  model: Model;
  end: RunEnd;
  epochsRun: number;
}

export type RunVerdict =
  | { adopt: true }
  /** The model the user had stays; `lastGood` is the run's line worth offering, if any. */
  | { adopt: false; why: string; lastGood: Model | null };

/**
 * Whether a run's model replaces the current one. A run that diverged or was stopped before its first
 * epoch did not produce a model worth more than the one the user has: it keeps it. A diverged run's
 * last good weights are offered when they come from its training (not its starting line).
 */
export function judgeRun(outcome: RunOutcome): RunVerdict {
  const { end, epochsRun } = outcome;
  if (end.reason === 'diverged') {
    const fromTraining = end.kept.epoch > 0;
    return {
      adopt: false,
      why: `Training diverged at epoch ${end.atEpoch} (${end.why}); the model you had is kept.${fromTraining ? ` Its last good line, from epoch ${end.kept.epoch}, is offered.` : ''} Try a smaller learning rate.`,
      lastGood: fromTraining ? outcome.model : null,
    };
  }
  if (end.reason === 'stopped' && epochsRun === 0) {
    return { adopt: false, why: 'Stopped before the first epoch; the model you had is kept.', lastGood: null };
  }
  return { adopt: true };
}
