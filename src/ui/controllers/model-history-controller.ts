/**
 * The one owner of the current model. Every change of it goes through here, so none is lost: a
 * replacement (a finished run, Reset, a loaded file or saved model) and a deleted saved model each
 * leave an Undo; a failed run keeps the model and offers its last good line. What follows from the
 * current model is derived from it: its fit on the data (`model-fit-controller.ts`, told here to
 * measure again) and what is kept for the next visit (the library follows `model`). The rules are the
 * pure `core/model/model-history.ts`; this applies them to the page.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Model } from '../../core/model/model.ts';
import {
  EMPTY_HISTORY,
  acceptOffer,
  deletedSaved,
  replaceCurrent,
  restoreCurrent,
  undo,
  withOffer,
  type ModelHistory,
} from '../../core/model/model-history.ts';
import type { SplitMetrics } from '../../core/data/split.ts';
import { ModelUndoEvent, UseLastGoodLineEvent } from '../events.ts';
import { onHostEvent } from './host-events.ts';

/** What the history needs from the rest of the page. */
export interface ModelHistoryHost {
  /** The current model changed: measure its fit on the data again. */
  refit(): void;
  /** A run's model became current: the metrics the run measured describe it. */
  measured(metrics: SplitMetrics): void;
  /** A model from outside the run became current: what the run showed (its loss curve) is out of date. */
  clearRun(): void;
  /** Saves `model` again under `name` (undoing its deletion). */
  resave(name: string, model: Model): Promise<void>;
  /** Whether the model may change now (not while a run goes). */
  canChange(): boolean;
}

export class ModelHistoryController {
  history: ModelHistory = EMPTY_HISTORY;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly page: ModelHistoryHost,
  ) {
    onHostEvent(host, ModelUndoEvent.type, () => void this.undo());
    onHostEvent(host, UseLastGoodLineEvent.type, () => this.useOffer());
  }

  /** The current model (trained here, loaded or restored), or null. */
  get model(): Model | null {
    return this.history.current?.model ?? null;
  }

  /** Where the current model came from, e.g. `the weights file "w.json"`, or ''. */
  get origin(): string {
    return this.history.current?.origin ?? '';
  }

  /** What Undo would take back, e.g. `Reset`, or '' when there is nothing to undo. */
  get undoLabel(): string {
    return this.history.undo?.what ?? '';
  }

  /** Why a run's line is offered instead of used, or '' when none is. */
  get offerLabel(): string {
    return this.history.offer?.why ?? '';
  }

  /** A loaded model (a file, a saved one, TF.js files) replaces the current one; not while a run goes. */
  use(model: Model, origin: string): void {
    if (!this.page.canChange()) return;
    this.replacedFromOutside(replaceCurrent(this.history, { model, origin }, `Loaded ${origin}`));
  }

  /** The model kept from the last visit: nothing replaced, nothing to keep again. */
  restore(model: Model, origin: string): void {
    this.history = restoreCurrent(this.history, { model, origin });
    this.host.requestUpdate();
    this.page.refit();
  }

  /** A run's model replaces the current one, with the metrics the run measured. */
  trained(model: Model, metrics: SplitMetrics): void {
    this.apply(replaceCurrent(this.history, { model, origin: 'trained in this page' }, 'Trained a new model'));
    this.page.measured(metrics);
  }

  /** A run that did not replace the model: its last good line, if any, is offered. */
  kept(why: string, lastGood: Model | null): void {
    this.history = withOffer(this.history, lastGood ? { model: lastGood, why } : null);
    this.host.requestUpdate();
  }

  /** Reset: no model, and none restored on the next visit (unless undone). */
  reset(): void {
    this.apply(replaceCurrent(this.history, null, 'Reset'));
    this.page.refit();
  }

  /** A saved model was deleted: Undo saves it again. */
  deletedSaved(name: string, model: Model): void {
    this.history = deletedSaved(this.history, name, model);
    this.host.requestUpdate();
  }

  private useOffer(): void {
    if (!this.history.offer || !this.page.canChange()) return;
    this.replacedFromOutside(acceptOffer(this.history, 'the last good line of a run that diverged'));
  }

  private async undo(): Promise<void> {
    if (!this.page.canChange()) return;
    const { history, step } = undo(this.history);
    if (!step) return;
    if (step.kind === 'saved') {
      this.history = history;
      this.host.requestUpdate();
      await this.page.resave(step.name, step.model);
      return;
    }
    this.replacedFromOutside(history);
  }

  /** A model from outside the run (a file, the offer, Undo) became current: its fit is measured, the run shown is cleared. */
  private replacedFromOutside(history: ModelHistory): void {
    this.apply(history);
    this.page.refit();
    this.page.clearRun();
  }

  private apply(history: ModelHistory): void {
    this.history = history;
    this.host.requestUpdate();
  }
}
