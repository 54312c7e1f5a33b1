import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import { columnLabel, columnUnit } from '../core/data/columns.ts';
import { rowsNoun } from '../core/view/rows-noun.ts';
import { fitsColumns, type Model } from '../core/model/model.ts';
import { datasetForCoefficients } from '../core/model/model-data.ts';
import { modelFeatureNames } from '../core/model/model-features.ts';
import type { Weights } from '../core/model/predict.ts';
import { featureNamesOf, type Dataset } from '../core/data/dataset.ts';
import type { NamedLine } from '../core/view/format.ts';
import type { SplitMetrics } from '../core/data/split.ts';
import { predictionMark, type PredictionMark } from '../core/view/prediction-mark.ts';
import { embedScriptUrl } from '../app/embed-script-url.ts';
import { READY_MARK } from '../app/user-timing.ts';
import { afterFirstContentfulPaint } from '../app/first-paint.ts';
import { yieldThroughMessage } from '../core/train/yield.ts';
import type { TrainingEngine } from '../app/training-engine.ts';
import { defineElement } from '../embed/define.ts';
import { DataController } from './controllers/data-controller.ts';
import { EngineController } from './controllers/engine-controller.ts';
import { FileIntakeController } from './controllers/file-intake-controller.ts';
import { FitSummaryController } from './controllers/fit-summary-controller.ts';
import { ModelFitController } from './controllers/model-fit-controller.ts';
import { ModelHistoryController } from './controllers/model-history-controller.ts';
import { ModelLibraryController } from './controllers/model-library-controller.ts';
import { TrainingRunController } from './controllers/training-run-controller.ts';
import { UrlSettingsController } from './controllers/url-settings-controller.ts';
import { bmiAppStyles } from './bmi-app-styles.ts';
import { themeStyles } from './theme.ts';
import '../embed/bmi-predictor.ts';
import './backend-status.ts';
import './data-panel.ts';
import './drop-zone.ts';
import './landscape-panel.ts';
import './training-panel.ts';

/**
 * The whole app: composes the controllers that own the state (URL settings, engine, data, training
 * run, the current model's history and fit, model library, file intake) and lays out the thin panels
 * they feed, which send events up.
 *
 * @csspart header - The page header.
 */
export class BmiApp extends LitElement {
  static override styles = [themeStyles, bmiAppStyles];

  // Added in this order, so they connect in it: the URL's settings first, which the others start from.
  // Each gets functions for what it needs of the others, never another controller.
  private readonly urlSettings: UrlSettingsController = new UrlSettingsController(this);
  private readonly engines: EngineController = new EngineController(this, {
    settings: () => this.urlSettings.settings,
    keepBackend: (backend) => this.urlSettings.update({ backend }),
    training: () => this.run.active,
  });
  private readonly dataSource: DataController = new DataController(this, {
    columns: () => this.urlSettings.settings.columns,
    keepColumns: (columns) => this.urlSettings.update({ columns }),
    notice: (text) => this.urlSettings.notice(text),
    busy: () => (this.run.active ? 'Training is running: stop it to load other data.' : undefined),
    dataChanged: () => {
      // The loss described the old data; the model still predicts, and its fit on the new data is shown.
      this.run.clear();
      this.fit.refit();
    },
  });
  /** The one owner of the current model: every change, with Undo and the offer of a failed run's line. */
  private readonly history: ModelHistoryController = new ModelHistoryController(this, {
    refit: () => this.fit.refit(),
    measured: (metrics) => this.fit.measured(metrics),
    clearRun: () => this.run.clear(),
    resave: (name, model) => this.library.resave(name, model),
    canChange: () => !this.run.active,
  });
  /** The current model's fit on the data shown. */
  private readonly fit: ModelFitController = new ModelFitController(this, {
    model: () => this.history.model,
    data: () => this.dataSource.data,
    training: () => this.urlSettings.settings.training,
  });
  private readonly run: TrainingRunController = new TrainingRunController(this, {
    engine: () => this.engines.engine,
    countTensors: (engine) => this.engines.countTensors(engine),
    tensorsLeft: (count) => this.engines.tensorsLeft(count),
    data: () => this.dataSource.data,
    model: () => this.history.model,
    started: (settings) => this.urlSettings.update({ training: settings }, { ifChanged: true }),
    hideFit: () => this.fit.hide(),
    refit: () => this.fit.refit(),
    trained: (model, metrics) => this.history.trained(model, metrics),
    kept: (why, lastGood) => this.history.kept(why, lastGood),
    reset: () => this.history.reset(),
    runEnded: () => this.library.runEnded(),
  });
  /** Saved, restored, downloaded, loaded and exported models; what is kept for the next visit. */
  private readonly library: ModelLibraryController = new ModelLibraryController(this, {
    model: () => this.history.model,
    data: () => this.dataSource.data,
    training: () => this.run.active,
    useModel: (model, origin) => this.history.use(model, origin),
    restoreModel: (model, origin) => this.history.restore(model, origin),
    deletedSaved: (name, model) => this.history.deletedSaved(name, model),
  });
  /** Files the user picks or drops: a CSV to the data, model files to the library (it only listens; nothing reads it). */
  protected readonly intake: FileIntakeController = new FileIntakeController(this, {
    csv: (file) => void this.dataSource.loadFile(file),
    weights: (file) => void this.library.loadWeightsFile(file),
    tfjs: (json, bin) => void this.library.importTfjs(json, bin),
    refused: (error) => this.library.refuseFiles(error),
  });

  /** R's summary of the line shown, on its training rows; provisional during a run. */
  private readonly fitSummary: FitSummaryController = new FitSummaryController(this, {
    line: () => (this.run.active ? this.run.view.liveLine : this.fit.fitting),
    data: () => this.dataSource.data,
    training: () => this.urlSettings.settings.training,
    provisional: () => this.run.active,
    running: () => this.run.view.state === 'running',
  });

  /**
   * Whether the Fit and Model cards have content yet. They are below the fold on every screen, so
   * their elements load after the first paint and render in a task of their own: loading and
   * rendering the whole page before it paints first would hold a phone's main thread for hundreds
   * of milliseconds.
   */
  @state() private lowerCardsShown = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void afterFirstContentfulPaint()
      // Not in the task that hears of the paint, where the engine starts too.
      .then(yieldThroughMessage)
      .then(() => import('./lower-cards.ts'))
      // A chunk that cannot load (a network error) must not keep Train from the user.
      .catch(() => undefined)
      .then(yieldThroughMessage)
      .then(() => (this.lowerCardsShown = true));
  }

  /** What the prediction field holds, as typed: the scatter plot marks its prediction. */
  @state() private predictionText = '';
  private shownMark: { model: Model; text: string; mark: PredictionMark | null } | undefined;

  /** The mark for the prediction field's text with the model that answers it; the same object while neither changes. */
  private predictionMarkOf(predictor: Model | null): PredictionMark | null {
    const data = this.dataSource.data;
    // While a run goes the drawn line moves and the form answers with the model it will replace.
    if (!predictor || !data || !fitsColumns(predictor, data) || this.run.view.state === 'running') return null;
    const text = this.predictionText;
    if (this.shownMark?.model !== predictor || this.shownMark.text !== text) {
      this.shownMark = { model: predictor, text, mark: predictionMark(predictor, text) };
    }
    return this.shownMark.mark;
  }

  private onPredictionInput(event: Event): void {
    const field = event.composedPath()[0];
    if (field instanceof HTMLInputElement) this.predictionText = field.value;
  }

  /**
   * A skip link's section gets the focus (the next Tab goes to its first control) and comes into view.
   * The sections are in this shadow root, where the browser cannot follow a #fragment link by itself.
   */
  private skipTo(event: Event, id: string): void {
    event.preventDefault();
    const section = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    section?.focus();
    section?.scrollIntoView({ block: 'start' });
  }

  /** The running engine (the browser tests reach it to play a crashed worker). */
  get engine(): TrainingEngine | undefined {
    return this.engines.engine;
  }

  private get readyToTrain(): boolean {
    return this.lowerCardsShown && this.engines.engine !== undefined && this.dataSource.data !== null && !this.dataSource.loading;
  }

  protected override updated(): void {
    // A User Timing mark (seen in dev tools and used by the bench): when the page first could train.
    if (this.readyToTrain && performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
  }

  /**
   * The Fit card's metrics: the model's, or during a run those of the run's line that the fit summary
   * below describes too (taken together), so every number of the card is of the line it names.
   */
  private renderMetrics(metrics: SplitMetrics | null, model: Model | null, unit: string) {
    const run = this.run.view;
    const data = this.dataSource.data;
    if (run.state === 'idle' || !data)
      return html`<metrics-panel .metrics=${metrics} .model=${metrics ? model : null} unit=${unit}></metrics-panel>`;
    const view = this.fitSummary.view;
    const shown = (view.state === 'ready' || view.state === 'several') && view.provisional ? view : undefined;
    const line = shown ? namedLineOf(shown.line, data) : null;
    const why = run.state === 'paused' ? 'training is paused' : 'training is still running';
    return html`<metrics-panel
      .metrics=${shown?.metrics ?? null}
      .model=${line}
      unit=${unit}
      provisional=${line ? `The run's line as it stands (${why}); every number of this card is of this line.` : 'The run has no line yet: its fit shows after its first epoch.'}
    ></metrics-panel>`;
  }

  protected override render() {
    const { data, table, source, skipped, error, loading, filesRead, notes, columnsNote } = this.dataSource.state;
    const { engine, backend, tensorCount } = this.engines;
    const { model } = this.history;
    const { metrics } = this.fit;
    const { library } = this;
    const paused = this.run.pausedModel(data);
    const run = this.run.view;
    const notices = this.urlSettings.notices;
    const targetUnit = data ? columnUnit(data.targetName) : '';
    const active = run.state !== 'idle';
    const predictor = paused ? this.fitSummary.withIntervals(paused) : model;
    const sections = [
      ['data-section', 'Data'],
      ['predict-section', 'Predict'],
      ['training-section', 'Training'],
      ['fit-section', 'Fit'],
      ['model-section', 'Model'],
    ] as const;
    // The data's word for its rows, the same in the form's interval and in an embed snippet.
    const population = rowsNoun(table?.columns ?? []);
    return html`
      <header part="header">
        <div class="title-line">
          <h1>BMI → life expectancy</h1>
          <nav class="skip-links" aria-label="Sections">
            ${sections.map(([id, name]) => html`<a href="#${id}" @click=${(event: Event) => this.skipTo(event, id)}>${name}</a>`)}
          </nav>
        </div>
        <p class="tagline"><backend-tagline .choice=${backend}></backend-tagline></p>
        <div class="status-line">
          <backend-status .choice=${backend} error=${this.engines.error}></backend-status>
          ${engine ? html`<span class="muted" data-engine=${engine.name}>${engine.name === 'worker' ? 'training in a Web Worker' : 'training on the page’s thread'}</span>` : ''}
        </div>
        ${
          notices.length > 0
            ? html`<div role="status" data-notices class="notices">
                <ul>
                  ${notices.map((notice) => html`<li>${notice}</li>`)}
                </ul>
                <button type="button" class="dismiss" aria-label="Dismiss the notices" @click=${() => this.urlSettings.dismissNotices()}>
                  ×
                </button>
              </div>`
            : ''
        }
      </header>
      <main>
        <section class="card data" id="data-section" tabindex="-1" aria-label="Data">
          <data-panel
            data-files-read=${filesRead}
            .data=${data}
            .line=${run.liveLine ?? this.fit.fitting}
            .intervals=${this.fitSummary.bands}
            .prediction=${this.predictionMarkOf(predictor)}
            source=${source}
            .skipped=${skipped}
            .numericColumns=${table?.numericColumns ?? []}
            .textColumns=${table ? [...table.texts.keys()] : []}
            .notes=${notes}
            columnsNote=${columnsNote}
            error=${error}
            .loading=${loading}
            ?locked=${active}
          ></data-panel>
        </section>
        <section class="card predict" id="predict-section" tabindex="-1" aria-labelledby="predict-heading">
          <h2 id="predict-heading">Predict</h2>
          ${paused ? html`<p class="muted" data-predict-source>Predicting with the paused run's line (epoch ${run.epoch}); it is not the model until the run ends.</p>` : ''}
          <bmi-predictor no-drop @input=${this.onPredictionInput} .model=${predictor} population=${population}></bmi-predictor>
        </section>
        <section class="card training" id="training-section" tabindex="-1" aria-label="Training">
          <training-panel
            unavailable=${this.engines.error ? `Training is unavailable: ${this.engines.error}` : ''}
            data-run-state=${run.state}
            data-runs-finished=${this.run.runsFinished}
            ?ready=${this.readyToTrain}
            runState=${run.state}
            ?canResume=${this.fit.fitting !== null}
            resumeNote=${resumeNote(model, data)}
            ?canReset=${model !== null || run.points.length > 0}
            .settings=${this.urlSettings.settings.training}
            .backend=${this.urlSettings.settings.backend}
            .epoch=${run.epoch}
            .epochs=${run.epochs}
            .elapsedMs=${run.elapsedMs}
            .points=${run.points}
            lossUnit=${targetUnit ? `${targetUnit}²` : ''}
            endMessage=${run.end?.message ?? ''}
            ?endWarning=${run.end?.warning ?? false}
          ></training-panel>
          ${run.error ? html`<p class="error" role="alert">${run.error}</p>` : ''}
          <p class="muted" data-tensors>
            ${tensorCount === undefined ? '' : `TensorFlow.js tensors in memory: ${tensorCount}${engine?.name === 'worker' ? ' (in the worker)' : ''}`}
          </p>
          <landscape-panel
            .data=${this.fitSummary.fittedData(data)}
            .validationSplit=${this.urlSettings.settings.training.validationSplit}
            .seed=${this.urlSettings.settings.training.seed}
            .points=${run.points}
          ></landscape-panel>
        </section>
        <section class="card fit" id="fit-section" tabindex="-1" aria-label="Fit">
          ${
            this.lowerCardsShown
              ? html`${this.renderMetrics(metrics, model, targetUnit)}
                  <fit-summary-table
                    .view=${this.fitSummary.view}
                    feature=${columnLabel(data?.featureName ?? 'Bmi')}
                    target=${columnLabel(data?.targetName ?? 'LifeExpectancy')}
                    unit=${targetUnit}
                    runState=${run.state}
                  ></fit-summary-table>`
              : ''
          }
        </section>
        <section class="card model" id="model-section" tabindex="-1" aria-label="Model">
          ${
            this.lowerCardsShown
              ? html`<undo-bar undoLabel=${this.history.undoLabel} offerLabel=${this.history.offerLabel} ?disabled=${this.run.active}></undo-bar>
                  <model-library
                    ?training=${this.run.active}
                    ?paused=${run.state === 'paused'}
                    .model=${model}
                    origin=${this.history.origin}
                    .storage=${library.storage}
                    .saved=${library.saved}
                    .message=${library.message}
                    embedScript=${embedScriptUrl()}
                    population=${population}
                  ></model-library>`
              : ''
          }
        </section>
      </main>
      <drop-zone></drop-zone>
    `;
  }
}

/**
 * Why the current model cannot be continued from when it or the data has several features and it
 * reads other columns than the data's (the model is kept: training from scratch does not touch it).
 */
function resumeNote(model: Model | null, data: Dataset | null): string {
  if (!model || !data || fitsColumns(model, data) || (model.moreFeatures === undefined && data.moreFeatures === undefined)) return '';
  const names = modelFeatureNames(model).map(columnLabel).join(', ');
  return `The current model reads ${names} → ${columnLabel(model.target.name)}: to continue from it, choose the same features, in the same order, and its target.`;
}

/** A line or a model's weights named by the data's columns, as the metrics panel writes it; with several features, each named. */
function namedLineOf(line: Weights | Model, data: Dataset): NamedLine {
  if ('feature' in line) return line;
  const weights = line.moreWeights ?? [];
  // A run's weights skip a feature left out because of singularities: name them from the fitted ones.
  const [first, ...more] = featureNamesOf(datasetForCoefficients(data, weights.length + 1) ?? data);
  return {
    slope: line.slope,
    intercept: line.intercept,
    feature: { name: first },
    target: { name: data.targetName },
    ...(weights.length > 0 ? { moreFeatures: weights.map((coefficient, j) => ({ feature: { name: more[j] }, coefficient })) } : {}),
  };
}

defineElement('bmi-app', BmiApp);

declare global {
  interface HTMLElementTagNameMap {
    'bmi-app': BmiApp;
  }
}
