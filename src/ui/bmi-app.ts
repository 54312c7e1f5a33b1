import { LitElement, css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { parseBackendName, type BackendChoice } from '../core/backends.ts';
import { columnUnit } from '../core/columns.ts';
import { parseCsv, type Dataset, type SkippedRows } from '../core/dataset.ts';
import { fitsColumns, type Model } from '../core/model.ts';
import type { Line } from '../core/predict.ts';
import { splitDataset, splitMetrics, type SplitMetrics } from '../core/split.ts';
import type { TrainingSettings } from '../core/train/settings.ts';
import type { LossPoint, TrainingProgress } from '../core/train/trainer.ts';
import type { TrainingEngine, TrainingRun } from '../app/training-engine.ts';
import { ModelLibraryController } from '../app/model-library-controller.ts';
import { DataFileSelectedEvent, TrainRequestEvent } from './events.ts';
import { defineElement } from './define.ts';
import { themeStyles } from './theme.ts';
import '../embed/bmi-predictor.ts';
import './backend-status.ts';
import './data-panel.ts';
import './drop-zone.ts';
import './metrics-panel.ts';
import './model-library.ts';
import './training-panel.ts';

const BUNDLED_CSV = 'bmi_and_life_expectancy.csv';

/**
 * Resolves once the browser has painted content, so loading TensorFlow.js never delays the first
 * paint; a timer covers browsers without paint timing.
 */
function afterFirstContentfulPaint(): Promise<void> {
  return new Promise((resolve) => {
    const painted = (): boolean => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (painted()) return resolve();
    const observer = new PerformanceObserver(() => {
      if (!painted()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(resolve, 1000);
  });
}

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
    `,
  ];

  @state() private data: Dataset | null = null;
  @state() private source = '';
  @state() private skipped: SkippedRows = { count: 0, lines: [] };
  @state() private dataError = '';
  @state() private backend: BackendChoice | undefined;
  @state() private backendError = '';
  @state() private run: TrainingRun | undefined;
  @state() private epoch = 0;
  @state() private epochs = 0;
  @state() private points: LossPoint[] = [];
  @state() private liveLine: Line | null = null;
  @state() private model: Model | null = null;
  @state() private metrics: SplitMetrics | null = null;
  @state() private trainingError = '';
  @state() private tensorCount: number | undefined;

  private engine: TrainingEngine | undefined;
  /** Saved, restored, downloaded, loaded, exported and dropped models. */
  private readonly library = new ModelLibraryController(this, {
    model: () => this.model,
    data: () => this.data,
    training: () => this.run !== undefined,
    useModel: (model) => this.useModel(model),
    loadCsv: (file) => void this.loadFile(file),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(DataFileSelectedEvent.type, (event) => void this.loadFile(event.file));
    this.addEventListener(TrainRequestEvent.type, (event) => this.train(event.settings, event.resume));
    void this.loadBundledData();
    void this.startEngine();
  }

  private async loadBundledData(): Promise<void> {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}${BUNDLED_CSV}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.acceptCsv(await response.text(), BUNDLED_CSV);
    } catch (error) {
      this.dataError = `Could not load the bundled data (${String(error)}). Load a CSV file instead.`;
    }
  }

  private async loadFile(file: File): Promise<void> {
    this.acceptCsv(await file.text(), file.name);
  }

  /** Replaces the data when the CSV is usable; otherwise says why and keeps what was there. */
  private acceptCsv(text: string, source: string): void {
    const current = this.data;
    const outcome = parseCsv(text, current ? { feature: current.featureName, target: current.targetName } : {});
    if (!outcome.ok) {
      this.dataError = `${source}: ${outcome.error}${current ? ' The current data is kept.' : ''}`;
      return;
    }
    this.data = outcome.dataset;
    this.source = source;
    this.skipped = outcome.skipped;
    this.dataError = '';
    // Loss and metrics described the old data; the model itself still predicts.
    this.points = [];
    this.metrics = null;
    this.epoch = 0;
    this.liveLine = null;
  }

  private async startEngine(): Promise<void> {
    await afterFirstContentfulPaint();
    const preferred = parseBackendName(new URLSearchParams(location.search).get('backend'));
    try {
      const { startEngine } = await import('../app/main-thread-engine.ts');
      this.engine = await startEngine(preferred);
      this.backend = this.engine.backend;
      this.tensorCount = this.engine.memory().numTensors;
    } catch (error) {
      this.backendError = error instanceof Error ? error.message : String(error);
    }
  }

  private train(settings: TrainingSettings, resume: boolean): void {
    const { engine, data } = this;
    if (!engine || !data || this.run) return;
    this.points = [];
    this.epoch = 0;
    this.epochs = settings.epochs;
    this.metrics = null;
    this.trainingError = '';
    const initial = resume ? this.model : null;
    const run = engine.train(data, settings, initial, (progress) => this.onProgress(progress));
    this.run = run;
    run.result
      .then((result) => {
        this.model = result.model;
        this.metrics = result.metrics;
        this.liveLine = null;
        this.library.trained(result.model);
      })
      .catch((error: unknown) => {
        this.trainingError = `Training failed: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        this.run = undefined;
        this.tensorCount = engine.memory().numTensors;
      });
  }

  /** Uses a loaded or restored model: predictions and the plotted line at once; "continue" starts from it. */
  private useModel(model: Model): void {
    const data = this.data;
    this.model = model;
    this.liveLine = null;
    // The loss chart and metrics described the previous model.
    this.points = [];
    this.epoch = 0;
    this.metrics = null;
    if (data && fitsColumns(model, data)) {
      const { train, validation } = splitDataset(data, 0, 0);
      this.metrics = splitMetrics(model, train, validation);
    }
  }

  /** The model's line when it is about the data shown; a model of other columns is not drawn. */
  private get plottedModel(): Model | null {
    return this.model && this.data && fitsColumns(this.model, this.data) ? this.model : null;
  }

  private onProgress(progress: TrainingProgress): void {
    this.epoch = progress.epoch;
    if (progress.points.length > 0) this.points = [...this.points, ...progress.points];
    this.liveLine = progress.line;
  }

  protected override render() {
    const targetUnit = this.data ? columnUnit(this.data.targetName) : '';
    return html`
      <header part="header">
        <h1>BMI → life expectancy</h1>
        <p class="tagline">A linear regression trained on your GPU with WebGPU, right in this page.</p>
        <backend-status .choice=${this.backend} error=${this.backendError}></backend-status>
      </header>
      <main>
        <section class="card" aria-label="Data">
          <data-panel
            .data=${this.data}
            .line=${this.liveLine ?? this.plottedModel}
            source=${this.source}
            .skipped=${this.skipped}
            error=${this.dataError}
          ></data-panel>
        </section>
        <section class="card" aria-label="Training">
          <training-panel
            ?ready=${this.engine !== undefined && this.data !== null}
            ?running=${this.run !== undefined}
            ?canResume=${this.model !== null}
            .epoch=${this.epoch}
            .epochs=${this.epochs}
            .points=${this.points}
            lossUnit=${targetUnit ? `${targetUnit}²` : ''}
          ></training-panel>
          ${this.trainingError ? html`<p class="error" role="alert">${this.trainingError}</p>` : ''}
          <p class="muted" data-tensors>
            ${this.tensorCount === undefined ? '' : `TensorFlow.js tensors in memory: ${this.tensorCount}`}
          </p>
        </section>
        <section class="card" aria-label="Fit">
          <metrics-panel .metrics=${this.metrics} unit=${targetUnit}></metrics-panel>
        </section>
        <section class="card" aria-labelledby="predict-heading">
          <h2 id="predict-heading">Predict</h2>
          <bmi-predictor .model=${this.model}></bmi-predictor>
        </section>
        <section class="card" aria-label="Model">
          <model-library
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
