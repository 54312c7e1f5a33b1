import { LitElement, css, html } from 'lit';
import { state } from 'lit/decorators.js';
import type { BackendChoice, BackendName } from '../core/backends.ts';
import { columnUnit } from '../core/columns.ts';
import type { TableOutcome } from '../core/csv-stream.ts';
import { parseTable, selectColumns, type ColumnChoice, type Dataset, type SkippedRows, type Table } from '../core/dataset.ts';
import { fitsColumns, type Model } from '../core/model.ts';
import type { Line } from '../core/predict.ts';
import { splitDataset, splitMetrics, type SplitMetrics } from '../core/split.ts';
import type { RunControl, RunStart } from '../core/train/protocol.ts';
import { errorMessage } from '../core/text.ts';
import { describeRunEnd } from '../core/train/run-end.ts';
import type { TrainingSettings } from '../core/train/settings.ts';
import type { LossPoint, TrainingProgress } from '../core/train/trainer.ts';
import { DEFAULT_PAGE_SETTINGS, parseUrlSettings, serializeUrlSettings, type PageSettings } from '../core/url-settings.ts';
import { loadCsvFile } from '../app/csv-file-loader.ts';
import { afterFirstContentfulPaint } from '../app/first-paint.ts';
import { READY_MARK } from '../app/user-timing.ts';
import type { TrainingEngine, TrainingRun } from '../app/training-engine.ts';
import { ModelLibraryController } from '../app/model-library-controller.ts';
import { BackendChangeEvent, ColumnsChangeEvent, DataFileSelectedEvent, RunControlEvent, SettingsChangeEvent, TrainRequestEvent } from './events.ts';
import { defineElement } from './define.ts';
import { themeStyles } from './theme.ts';
import type { RunState } from './training-panel.ts';
import '../embed/bmi-predictor.ts';
import './backend-status.ts';
import './data-panel.ts';
import './drop-zone.ts';
import './metrics-panel.ts';
import './model-library.ts';
import './training-panel.ts';

const BUNDLED_CSV = 'bmi_and_life_expectancy.csv';
/** How long a finished run waits for the engine's tensor count before ending without it. */
const MEMORY_WAIT_MS = 2000;


/**
 * The whole app: owns the state (data, backend, training run, model) and hands it down to thin panels,
 * which send events up.
 *
 * @csspart header - The page header.
 */
export class BmiApp extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--bp-bg);
        color: var(--bp-text);
        font-family: var(--bp-font);
      }
      header {
        max-width: 1200px;
        margin: 0 auto;
        padding: 1.25rem 1rem 0.5rem;
      }
      h1 {
        font-size: clamp(1.3rem, 4vw, 1.8rem);
        margin: 0 0 0.25rem;
      }
      .tagline {
        margin: 0 0 0.75rem;
        color: var(--bp-muted);
      }
      main {
        max-width: 1200px;
        margin: 0 auto;
        padding: 0.5rem 1rem 2rem;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
        gap: 1rem;
      }
      .card {
        background: var(--bp-surface);
        border: 1px solid var(--bp-border);
        border-radius: var(--bp-radius);
        padding: 1rem;
        min-width: 0;
      }
      .card h2 {
        font-size: 1.05rem;
        margin: 0 0 0.75rem;
      }
      .error {
        color: var(--bp-error);
      }
      .muted {
        color: var(--bp-muted);
        font-size: 0.9rem;
      }
      .status-line {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.75rem;
      }
      .notices {
        margin: 0.75rem 0 0;
        padding: 0.5rem 0.75rem 0.5rem 2rem;
        border: 1px solid var(--bp-border);
        border-left: 4px solid var(--bp-accent);
        border-radius: 6px;
        background: var(--bp-surface);
        font-size: 0.9rem;
      }
    `,
  ];

  @state() private table: Table | null = null;
  @state() private data: Dataset | null = null;
  @state() private source = '';
  @state() private skipped: SkippedRows = { count: 0, lines: [] };
  @state() private dataError = '';
  /** Share of a CSV file parsed so far, while one is. */
  @state() private loading: number | undefined;
  /** Settings as the URL carries them (columns, training, backend, engine). */
  @state() private settings: PageSettings = DEFAULT_PAGE_SETTINGS;
  /** Values from the URL that were ignored, and why. */
  @state() private notices: string[] = [];
  @state() private backend: BackendChoice | undefined;
  @state() private backendError = '';
  @state() private run: TrainingRun | undefined;
  @state() private runState: RunState = 'idle';
  @state() private epoch = 0;
  @state() private epochs = 0;
  @state() private elapsedMs = 0;
  @state() private points: LossPoint[] = [];
  @state() private liveLine: Line | null = null;
  @state() private model: Model | null = null;
  @state() private metrics: SplitMetrics | null = null;
  @state() private trainingError = '';
  @state() private runEnd: { message: string; warning: boolean } | undefined;
  @state() private tensorCount: number | undefined;
  /** Runs that have ended, so a page (or a test) can tell one run's end from the previous one's. */
  @state() private runsFinished = 0;
  /** Files handled (taken or refused), likewise. */
  @state() private filesRead = 0;

  private engine: TrainingEngine | undefined;
  /** Saved, restored, downloaded, loaded, exported and dropped models. */
  private readonly library = new ModelLibraryController(this, {
    model: () => this.model,
    data: () => this.data,
    training: () => this.run !== undefined,
    useModel: (model) => this.useModel(model),
    loadCsv: (file) => void this.loadFile(file),
  });
  /** Counts engine starts, so a slow start superseded by a backend change is dropped. */
  private engineGeneration = 0;
  /** The last engine start (it never rejects: failures become `backendError`). */
  private engineStart: Promise<void> = Promise.resolve();
  /** A paused run the user reset: its result is dropped. */
  private discarded: TrainingRun | undefined;

  constructor() {
    super();
    // Here, not in connectedCallback: added once however often the element is moved.
    this.addEventListener(DataFileSelectedEvent.type, (event) => void this.loadFile(event.file));
    this.addEventListener(TrainRequestEvent.type, (event) => this.train(event.settings, event.resume, event.start));
    this.addEventListener(RunControlEvent.type, (event) => this.control(event.action));
    this.addEventListener(SettingsChangeEvent.type, (event) => this.updateSettings({ ...this.settings, training: event.settings }));
    this.addEventListener(BackendChangeEvent.type, (event) => this.changeBackend(event.backend));
    this.addEventListener(ColumnsChangeEvent.type, (event) => this.changeColumns(event.columns));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ({ settings: this.settings, notices: this.notices } = parseUrlSettings(location.search));
    if (!this.data) void this.loadBundledData();
    void this.startEngine();
  }

  /** Ends the training worker (and a run in it); connecting again starts a new engine. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.engineGeneration += 1; // drops a start still under way
    this.engine?.dispose();
    this.engine = undefined;
    this.backend = undefined;
  }

  /** Keeps the settings in the URL, so a copied link or a reload reproduces them. */
  private updateSettings(settings: PageSettings): void {
    this.settings = settings;
    history.replaceState(history.state, '', `${location.pathname}${serializeUrlSettings(settings, location.search)}${location.hash}`);
  }

  private async loadBundledData(): Promise<void> {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}${BUNDLED_CSV}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const table = parseTable(await response.text());
      if (this.userDataArrived) return;
      if ('error' in table) throw new Error(table.error);
      const { columns } = this.settings;
      const asked = columns.feature !== undefined || columns.target !== undefined;
      const error = this.useTable(table, BUNDLED_CSV, asked ? [columns, {}] : [{}], (refused) => {
        this.notices = [...this.notices, `Ignored the columns from the address: ${refused} Using the default columns.`];
      });
      if (error) throw new Error(error);
    } catch (error) {
      if (this.userDataArrived) return;
      this.dataError = `Could not load the bundled data (${String(error)}). Load a CSV file instead.`;
    }
  }

  /** A file the user gave while the bundled data was on its way (being read, or taken) wins over it. */
  private get userDataArrived(): boolean {
    return this.data !== null || this.loading !== undefined;
  }

  private async loadFile(file: File): Promise<void> {
    if (this.run || this.loading !== undefined) {
      // Dropped on the page (the file input is disabled then): say why nothing happened.
      this.refuseData(file.name, this.run ? 'Training is running: stop it to load other data.' : 'Another file is being read: load this one when it is done.');
      this.filesRead += 1;
      return;
    }
    this.loading = 0;
    let outcome: TableOutcome;
    try {
      outcome = await loadCsvFile(file, (progress) => (this.loading = progress.fraction));
    } catch (error) {
      // E.g. NotReadableError: the file was moved or its permission withdrawn after it was picked.
      outcome = { ok: false, error: `The file could not be read (${errorMessage(error)}).` };
    } finally {
      this.loading = undefined;
    }
    // The current columns when the new file has them, else its defaults.
    const error = outcome.ok ? this.useTable(outcome.table, file.name, [this.settings.columns, {}]) : outcome.error;
    if (error) this.refuseData(file.name, error);
    else this.updateSettings({ ...this.settings, columns: this.currentColumns() });
    this.filesRead += 1;
  }

  private changeColumns(columns: { feature: string; target: string }): void {
    const { table } = this;
    if (!table || this.run) return;
    const error = this.useTable(table, this.source, [columns]);
    if (error) this.refuseData(this.source, error);
    else this.updateSettings({ ...this.settings, columns });
  }

  private refuseData(source: string, error: string): void {
    this.dataError = `${source}: ${error}${this.data ? ' The current data is kept.' : ''}`;
  }

  private currentColumns(): ColumnChoice {
    return this.data ? { feature: this.data.featureName, target: this.data.targetName } : {};
  }

  /**
   * Takes the first column choice the table supports as the data; `onRefused` hears why an earlier
   * choice was passed over. Returns why none worked (the current data is then untouched).
   */
  private useTable(table: Table, source: string, choices: ColumnChoice[], onRefused: (error: string) => void = () => {}): string | undefined {
    let error = 'No columns to choose from.';
    for (const choice of choices) {
      const outcome = selectColumns(table, choice);
      if (!outcome.ok) {
        error = outcome.error;
        if (choice !== choices.at(-1)) onRefused(outcome.error);
        continue;
      }
      this.table = table;
      this.data = outcome.dataset;
      this.source = source;
      this.skipped = outcome.skipped;
      this.dataError = '';
      // The loss described the old data; the model still predicts, and its fit on the new data is shown.
      this.points = [];
      this.metrics = this.modelFit();
      this.epoch = 0;
      this.elapsedMs = 0;
      this.liveLine = null;
      this.runEnd = undefined;
      return undefined;
    }
    return error;
  }

  private changeBackend(backend: BackendName | undefined): void {
    if (this.run) return;
    this.updateSettings({ ...this.settings, backend });
    this.engine?.dispose();
    this.engine = undefined;
    this.backend = undefined;
    this.backendError = '';
    void this.startEngine();
  }

  /**
   * Starts are chained: on the page's thread every engine sets TF.js's one global backend, so a slow
   * start must finish before a newer one begins, or it would switch the backend under the newer engine.
   */
  private startEngine(): Promise<void> {
    const generation = ++this.engineGeneration;
    this.engineStart = this.engineStart.then(() => this.startEngineNow(generation));
    return this.engineStart;
  }

  private async startEngineNow(generation: number): Promise<void> {
    await afterFirstContentfulPaint();
    // Superseded while waiting for the previous start: the newer start will do.
    if (generation !== this.engineGeneration) return;
    const { backend, engine: where } = this.settings;
    try {
      const { startEngine } = where === 'main' ? await import('../app/main-thread-engine.ts') : await import('../app/worker-engine.ts');
      const engine = await startEngine(backend);
      if (generation !== this.engineGeneration) {
        engine.dispose();
        return;
      }
      this.engine = engine;
      this.backend = engine.backend;
      this.tensorCount = (await engine.memory()).numTensors;
    } catch (error) {
      if (generation === this.engineGeneration) this.backendError = errorMessage(error);
    }
  }

  private train(settings: TrainingSettings, resume: boolean, start: RunStart = 'run'): void {
    const { engine, data } = this;
    if (!engine || !data || this.run) return;
    const asked = { ...this.settings, training: settings };
    if (serializeUrlSettings(asked) !== serializeUrlSettings(this.settings)) this.updateSettings(asked);
    this.points = [];
    this.epoch = 0;
    this.epochs = settings.epochs;
    this.elapsedMs = 0;
    this.metrics = null;
    this.trainingError = '';
    this.runEnd = undefined;
    const initial = resume ? this.model : null;
    const run = engine.train(data, settings, initial, (progress) => this.onProgress(run, progress), start);
    this.run = run;
    this.runState = 'running';
    void this.follow(run, engine);
  }

  /** Waits for a run to end, then shows its model, metrics, how it ended and the tensors left. */
  private async follow(run: TrainingRun, engine: TrainingEngine): Promise<void> {
    let outcome: (() => void) | undefined;
    try {
      const result = await run.result;
      if (this.discarded !== run) {
        outcome = () => {
          this.model = result.model;
          this.metrics = result.metrics;
          this.library.trained(result.model);
          this.epoch = result.epochsRun;
          this.elapsedMs = result.elapsedMs;
          this.runEnd = {
            message: describeRunEnd(result.end, result.epochsRun, this.points.at(-1)?.trainLoss),
            warning: result.end.reason === 'diverged',
          };
        };
      }
    } catch (error) {
      outcome = () => {
        this.trainingError = `Training failed: ${errorMessage(error)}`;
        // The model from before the run still predicts: show how it fits again.
        this.metrics = this.modelFit();
      };
    }
    // Bounded: an engine that stopped answering must not leave the run going forever.
    const memory = await Promise.race([engine.memory().catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, MEMORY_WAIT_MS))]);
    // Everything at once, so the page never shows a finished run with a stale tensor count.
    outcome?.();
    this.liveLine = null;
    if (memory) this.tensorCount = memory.numTensors;
    if (this.run === run) {
      this.run = undefined;
      this.runState = 'idle';
      this.library.runEnded();
    }
    this.runsFinished += 1;
  }

  /** Uses a loaded or restored model: predictions and the plotted line at once; "continue" starts from it. */
  private useModel(model: Model): void {
    // The run's result would replace it; the library refuses with a message before asking.
    if (this.run) return;
    this.model = model;
    this.liveLine = null;
    // The loss chart described the previous model.
    this.points = [];
    this.epoch = 0;
    this.runEnd = undefined;
    this.metrics = this.modelFit();
  }

  /**
   * How the current model fits the data shown, on the training and validation rows the settings split
   * it into (as a run would, and as the metrics panel labels them); null when it is about other columns.
   */
  private modelFit(): SplitMetrics | null {
    const { fittingModel: model, data } = this;
    if (!model || !data) return null;
    const { validationSplit, seed } = this.settings.training;
    const { train, validation } = splitDataset(data, validationSplit, seed);
    return splitMetrics(model, train, validation);
  }

  /**
   * The current model when it is about the data shown (the same columns): then it is drawn, measured
   * and continued from; a model of other columns still predicts, but none of those.
   */
  private get fittingModel(): Model | null {
    const { model, data } = this;
    return model && data && fitsColumns(model, data) ? model : null;
  }

  private onProgress(run: TrainingRun, progress: TrainingProgress): void {
    if (run !== this.run || run === this.discarded) return;
    this.epoch = progress.epoch;
    this.elapsedMs = progress.elapsedMs;
    if (progress.points.length > 0) this.points = [...this.points, ...progress.points];
    this.liveLine = progress.line;
    if (progress.state === 'running' || progress.state === 'paused') this.runState = progress.state;
  }

  private control(action: RunControl | 'reset'): void {
    if (action === 'reset') this.reset();
    else this.run?.[action]();
  }

  /** Back to untrained: no model, no loss curve. A paused run is stopped and its result dropped. */
  private reset(): void {
    if (this.run) {
      if (this.runState !== 'paused') return;
      this.discarded = this.run;
      this.run.stop();
    }
    this.model = null;
    this.metrics = null;
    this.points = [];
    this.epoch = 0;
    this.epochs = 0;
    this.elapsedMs = 0;
    this.liveLine = null;
    this.runEnd = undefined;
    this.trainingError = '';
  }

  private get readyToTrain(): boolean {
    return this.engine !== undefined && this.data !== null && this.loading === undefined;
  }

  protected override updated(): void {
    // A User Timing mark (seen in dev tools and used by the bench): when the page first could train.
    if (this.readyToTrain && performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
  }

  protected override render() {
    const targetUnit = this.data ? columnUnit(this.data.targetName) : '';
    const active = this.runState !== 'idle';
    return html`
      <header part="header">
        <h1>BMI → life expectancy</h1>
        <p class="tagline">A linear regression trained on your GPU with WebGPU, right in this page.</p>
        <div class="status-line">
          <backend-status .choice=${this.backend} error=${this.backendError}></backend-status>
          ${this.engine ? html`<span class="muted" data-engine=${this.engine.name}>${this.engine.name === 'worker' ? 'training in a Web Worker' : 'training on the page’s thread'}</span>` : ''}
        </div>
        ${this.notices.length > 0
          ? html`<ul class="notices" role="status" data-notices>
              ${this.notices.map((notice) => html`<li>${notice}</li>`)}
            </ul>`
          : ''}
      </header>
      <main>
        <section class="card" aria-label="Data">
          <data-panel
            data-files-read=${this.filesRead}
            .data=${this.data}
            .line=${this.liveLine ?? this.fittingModel}
            source=${this.source}
            .skipped=${this.skipped}
            .numericColumns=${this.table?.numericColumns ?? []}
            error=${this.dataError}
            .loading=${this.loading}
            ?locked=${active}
          ></data-panel>
        </section>
        <section class="card" aria-label="Training">
          <training-panel
            unavailable=${this.backendError ? `Training is unavailable: ${this.backendError}` : ''}
            data-run-state=${this.runState}
            data-runs-finished=${this.runsFinished}
            ?ready=${this.readyToTrain}
            runState=${this.runState}
            ?canResume=${this.fittingModel !== null}
            ?canReset=${this.model !== null || this.points.length > 0}
            .settings=${this.settings.training}
            .backend=${this.settings.backend}
            .epoch=${this.epoch}
            .epochs=${this.epochs}
            .elapsedMs=${this.elapsedMs}
            .points=${this.points}
            lossUnit=${targetUnit ? `${targetUnit}²` : ''}
            endMessage=${this.runEnd?.message ?? ''}
            ?endWarning=${this.runEnd?.warning ?? false}
          ></training-panel>
          ${this.trainingError ? html`<p class="error" role="alert">${this.trainingError}</p>` : ''}
          <p class="muted" data-tensors>
            ${this.tensorCount === undefined
              ? ''
              : `TensorFlow.js tensors in memory: ${this.tensorCount}${this.engine?.name === 'worker' ? ' (in the worker)' : ''}`}
          </p>
        </section>
        <section class="card" aria-label="Fit">
          <metrics-panel .metrics=${this.metrics} .model=${this.metrics ? this.model : null} unit=${targetUnit}></metrics-panel>
        </section>
        <section class="card" aria-labelledby="predict-heading">
          <h2 id="predict-heading">Predict</h2>
          <bmi-predictor no-drop .model=${this.model}></bmi-predictor>
        </section>
        <section class="card" aria-label="Model">
          <model-library
            ?training=${this.run !== undefined}
            .model=${this.model}
            origin=${this.library.origin}
            .storage=${this.library.storage}
            .saved=${this.library.saved}
            .message=${this.library.message}
          ></model-library>
        </section>
      </main>
      <drop-zone></drop-zone>
    `;
  }
}

defineElement('bmi-app', BmiApp);

declare global {
  interface HTMLElementTagNameMap {
    'bmi-app': BmiApp;
  }
}
