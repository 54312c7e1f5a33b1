/**
 * The training run: Train (from scratch or continuing from the current model), Pause, Resume, Step,
 * Stop and Reset; its progress and how it ended, as one `RunView` (see training-run-state.ts).
 */
import type { ReactiveControllerHost } from 'lit';
import type { Dataset } from '../../core/data/dataset.ts';
import { judgeRun } from '../../core/model/model-history.ts';
import { modelFromHyperplane, type Model } from '../../core/model/model.ts';
import { datasetForCoefficients } from '../../core/model/model-data.ts';
import { weightsAsHyperplane, type Weights } from '../../core/model/predict.ts';
import { UNKNOWN_BACKEND } from '../../core/model/weights-file.ts';
import type { SplitMetrics } from '../../core/data/split.ts';
import type { Result } from '../../core/result.ts';
import type { RunControl, RunStart } from '../../core/train/protocol.ts';
import { errorMessage } from '../../core/text.ts';
import type { TrainingSettings } from '../../core/settings/training-settings.ts';
import type { TrainingProgress, TrainingResult } from '../../core/train/trainer.ts';
import type { TrainingEngine, TrainingRun } from '../../app/training-engine.ts';
import { RunControlEvent, TrainRequestEvent } from '../events.ts';
import { onHostEvent } from './host-events.ts';
import {
  IDLE_RUN,
  clearedRun,
  completedRun,
  endedRun,
  failedRun,
  keptRun,
  progressedRun,
  startedRun,
  type RunView,
} from './training-run-state.ts';

/** What a run needs from the rest of the page. */
export interface TrainingRunHost {
  /** The engine runs train on, once it has started. */
  engine(): TrainingEngine | undefined;
  /** TF.js's count of tensors left in `engine`, or undefined when it does not answer in time. */
  countTensors(engine: TrainingEngine): Promise<number | undefined>;
  /** The tensors left after a run, to show. */
  tensorsLeft(count: number): void;
  data(): Dataset | null;
  /** The current model, which a run may continue from. */
  model(): Model | null;
  /** A run starts with these settings: keep them (in the URL). */
  started(settings: TrainingSettings): void;
  /** The fit shown describes the model a run may replace: hidden while it goes. */
  hideFit(): void;
  /** The model from before the run still predicts: measure its fit again. */
  refit(): void;
  /** A run produced a model that replaces the current one. */
  trained(model: Model, metrics: SplitMetrics): void;
  /** A run that failed kept the current model; `lastGood` is its line worth offering, if any. */
  kept(why: string, lastGood: Model | null): void;
  /** Reset: back to no model. */
  reset(): void;
  /** No run is going any more. */
  runEnded(): void;
}

/** No lifecycle of its own (its events are handled while the host is connected): it only asks the host to render. */
export class TrainingRunController {
  view: RunView = IDLE_RUN;
  /** Runs that have ended, so a page (or a test) can tell one run's end from the previous one's. */
  runsFinished = 0;

  private run: TrainingRun | undefined;
  /** A paused run the user reset: its result is dropped. */
  private discarded: TrainingRun | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly page: TrainingRunHost,
  ) {
    onHostEvent(host, TrainRequestEvent.type, (event) => this.train(event.settings, event.resume, event.start));
    onHostEvent(host, RunControlEvent.type, (event) => this.control(event.action));
  }

  /** True from Train until the run has ended (paused included). */
  get active(): boolean {
    return this.run !== undefined;
  }

  /**
   * While paused, the run's line as a model to predict with (its columns and range from `data`); else
   * null. Made once per paused line.
   */
  pausedModel(data: Dataset | null): Model | null {
    const line = this.view.state === 'paused' ? this.view.liveLine : null;
    if (!line || !data) return null;
    if (this.paused?.line !== line || this.paused.data !== data) {
      const origin = { epochs: this.view.epoch, optimizer: 'sgd', learningRate: 0, backend: UNKNOWN_BACKEND } as const;
      const plane = weightsAsHyperplane(line);
      // With several features, the run's weights skip a feature the fit left out because of singularities.
      const rows = datasetForCoefficients(data, plane.coefficients.length);
      this.paused = { line, data, model: rows ? modelFromHyperplane(plane, rows, origin, new Date()) : null };
    }
    return this.paused.model;
  }

  private paused: { line: Weights; data: Dataset; model: Model | null } | undefined;

  /** Back to no run shown (new data, another model): refused while a run goes. */
  clear(): void {
    if (!this.run) this.show(IDLE_RUN);
  }

  private show(view: RunView): void {
    this.view = view;
    this.host.requestUpdate();
  }

  private control(action: RunControl | 'reset'): void {
    if (action === 'reset') this.reset();
    else this.run?.[action]();
  }

  private train(settings: TrainingSettings, resume: boolean, start: RunStart): void {
    const engine = this.page.engine();
    const data = this.page.data();
    if (!engine || !data || this.run) return;
    this.page.started(settings);
    const initial = resume ? this.page.model() : null;
    this.page.hideFit();
    const run = engine.train(data, settings, initial, (progress) => this.onProgress(run, progress), start);
    this.run = run;
    this.show(startedRun(settings.epochs));
    void this.follow(run, engine);
  }

  private onProgress(run: TrainingRun, progress: TrainingProgress): void {
    if (run !== this.run || run === this.discarded) return;
    this.show(progressedRun(this.view, progress));
  }

  /** Waits for a run to end, then shows its model, metrics, how it ended and the tensors left. */
  private async follow(run: TrainingRun, engine: TrainingEngine): Promise<void> {
    let outcome: Result<{ result: TrainingResult }>;
    try {
      outcome = { ok: true, result: await run.result };
    } catch (error) {
      outcome = { ok: false, error: errorMessage(error) };
    }
    const tensors = await this.page.countTensors(engine);
    // Everything at once, so the page never shows a finished run with a stale tensor count.
    if (this.discarded === run) this.show(endedRun(this.view));
    else if (outcome.ok) {
      const verdict = judgeRun(outcome.result);
      if (verdict.adopt) {
        this.page.trained(outcome.result.model, outcome.result.metrics);
        this.show(completedRun(this.view, outcome.result));
      } else {
        // A run that diverged or never trained an epoch does not replace the model the user had.
        this.page.refit();
        this.page.kept(verdict.why, verdict.lastGood);
        this.show(keptRun(this.view, outcome.result, verdict.why));
      }
    } else {
      // The model from before the run still predicts: show how it fits again.
      this.page.refit();
      this.show(failedRun(this.view, outcome.error));
    }
    if (tensors !== undefined) this.page.tensorsLeft(tensors);
    if (this.run === run) {
      this.run = undefined;
      this.page.runEnded();
    }
    this.runsFinished += 1;
  }

  /** Back to untrained: no model, no loss curve. A paused run is stopped and its result dropped. */
  private reset(): void {
    if (this.run) {
      if (this.view.state !== 'paused') return;
      this.discarded = this.run;
      this.run.stop();
    }
    this.page.reset();
    this.show(clearedRun(this.view));
  }
}
