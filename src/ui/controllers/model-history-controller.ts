/**
 * Every change of the current model goes through here, so none is lost: a replacement (a finished
 * run, Reset, a loaded file or saved model) and a deleted saved model each leave an Undo; a failed run
 * keeps the model and offers its last good line; and what is kept for the next visit follows what is
 * current. The rules are the pure `core/model/model-history.ts`; this applies them to the page.
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
import type { CurrentModelController } from './current-model-controller.ts';
import { onHostEvent } from './host-events.ts';

/** What the history needs from the rest of the page. */
export interface ModelHistoryHost {
  readonly currentModel: CurrentModelController;
  /** Keeps `model` (null: none) as the one restored on the next visit. */
  persist(model: Model | null): void;
  /** Saves `model` again under `name` (undoing its deletion). */
  resave(name: string, model: Model): Promise<void>;
  /** The current model changed: what described the old one (a run's loss curve) is out of date. */
  modelChanged(): void;
  /** Whether the model may change now (not while a run goes). */
  canChange(): boolean;
}

export class ModelHistoryController {
  history: ModelHistory = EMPTY_HISTORY;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly page: ModelHistoryHost,
  ) {
    onHostEvent(host, ModelUndoEvent.type, () => void this.undo());
    onHostEvent(host, UseLastGoodLineEvent.type, () => this.useOffer());
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

  /** A loaded model (a file, a saved one, TF.js files) replaces the current one. */
  use(model: Model, origin: string): void {
    this.apply(replaceCurrent(this.history, { model, origin }, `Loaded ${origin}`));
    this.page.currentModel.use(model);
  }

  /** The model kept from the last visit: nothing replaced, nothing to keep again. */
  restore(model: Model, origin: string): void {
    this.history = restoreCurrent(this.history, { model, origin });
    this.page.currentModel.use(model);
  }

  /** A run's model replaces the current one, with the metrics the run measured. */
  trained(model: Model, metrics: SplitMetrics): void {
    this.apply(replaceCurrent(this.history, { model, origin: 'trained in this page' }, 'Trained a new model'));
    this.page.currentModel.trained(model, metrics);
  }

  /** A run that did not replace the model: its last good line, if any, is offered. */
  kept(why: string, lastGood: Model | null): void {
    this.history = withOffer(this.history, lastGood ? { model: lastGood, why } : null);
    this.host.requestUpdate();
  }

  /** Reset: no model, and none restored on the next visit (unless undone). */
  reset(): void {
    this.apply(replaceCurrent(this.history, null, 'Reset'));
    this.page.currentModel.use(null);
  }

  /** A saved model was deleted: Undo saves it again. */
  deletedSaved(name: string, model: Model): void {
    this.history = deletedSaved(this.history, name, model);
    this.host.requestUpdate();
  }

  private useOffer(): void {
    const { offer } = this.history;
    if (!offer || !this.page.canChange()) return;
    this.apply(acceptOffer(this.history, 'the last good line of a run that diverged'));
    this.page.currentModel.use(offer.model);
    this.page.modelChanged();
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
    this.apply(history);
    this.page.currentModel.use(step.previous?.model ?? null);
    this.page.modelChanged();
  }

  /** Takes a history whose current model changed, and keeps that model for the next visit. */
  private apply(history: ModelHistory): void {
    this.history = history;
    this.page.persist(history.current?.model ?? null);
    this.host.requestUpdate();
  }
}
