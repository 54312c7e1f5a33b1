/**
 * The training engine's lifecycle: started after the first paint with the backend and engine the
 * settings ask for, started again when the backend changes, ended when the page's element leaves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BackendChoice, BackendName } from '../../core/settings/backends.ts';
import type { PageSettings } from '../../core/settings/url-settings.ts';
import { errorMessage } from '../../core/text.ts';
import { afterFirstContentfulPaint } from '../../app/first-paint.ts';
import type { TrainingEngine } from '../../app/training-engine.ts';
import { BackendChangeEvent } from '../events.ts';
import { onHostEvent } from './host-events.ts';

/** What the engine needs from the rest of the page. */
export interface EngineHost {
  /** The page's settings: the backend and engine (worker or page thread) to start. */
  settings(): PageSettings;
  /** The user chose another backend to try first: keep it (in the URL). */
  keepBackend(backend: BackendName | undefined): void;
  /** True while a run is going: the backend cannot change under it. */
  training(): boolean;
}

/** How long a finished run waits for the engine's tensor count before ending without it. */
const MEMORY_WAIT_MS = 2000;

export class EngineController implements ReactiveController {
  engine: TrainingEngine | undefined;
  /** The backend the engine runs on, once it has started. */
  backend: BackendChoice | undefined;
  /** Why no engine could start, or ''. */
  error = '';
  /** TF.js's count of live tensors where training runs, as last measured. */
  tensorCount: number | undefined;

  /** Counts engine starts, so a slow start superseded by a backend change is dropped. */
  private generation = 0;
  /** The last engine start (it never rejects: failures become `error`). */
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly page: EngineHost,
  ) {
    host.addController(this);
    onHostEvent(host, BackendChangeEvent.type, (event) => this.changeBackend(event.backend));
  }

  hostConnected(): void {
    void this.start();
  }

  /** Ends the training worker (and a run in it); connecting again starts a new engine. */
  hostDisconnected(): void {
    this.generation += 1; // drops a start still under way
    this.stop();
  }

  /** Another backend to try first: a new engine on it (not while a run is going). */
  private changeBackend(backend: BackendName | undefined): void {
    if (this.page.training()) return;
    this.page.keepBackend(backend);
    this.stop();
    this.error = '';
    void this.start();
  }

  /** The tensors left in the engine, as a run that ended counted them. */
  tensorsLeft(count: number): void {
    this.tensorCount = count;
    this.host.requestUpdate();
  }

  /** Tensors left in `engine`, waited for at most MEMORY_WAIT_MS: an engine that stopped answering must not hang the page. */
  async countTensors(engine: TrainingEngine): Promise<number | undefined> {
    const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, MEMORY_WAIT_MS));
    const memory = await Promise.race([engine.memory().catch(() => undefined), timeout]);
    return memory?.numTensors;
  }

  private stop(): void {
    this.engine?.dispose();
    this.engine = undefined;
    this.backend = undefined;
    this.host.requestUpdate();
  }

  /**
   * Starts are chained: on the page's thread every engine sets TF.js's one global backend, so a slow
   * start must finish before a newer one begins, or it would switch the backend under the newer engine.
   */
  private start(): Promise<void> {
    const generation = ++this.generation;
    this.starting = this.starting.then(() => this.startNow(generation));
    return this.starting;
  }

  private async startNow(generation: number): Promise<void> {
    await afterFirstContentfulPaint();
    // Superseded while waiting for the previous start: the newer start will do.
    if (generation !== this.generation) return;
    const { backend, engine: where } = this.page.settings();
    try {
      const { startEngine } =
        where === 'main' ? await import('../../app/main-thread-engine.ts') : await import('../../app/worker-engine.ts');
      const engine = await startEngine(backend);
      if (generation !== this.generation) {
        engine.dispose();
        return;
      }
      this.engine = engine;
      this.backend = engine.backend;
      this.host.requestUpdate();
      this.tensorCount = (await engine.memory()).numTensors;
    } catch (error) {
      if (generation === this.generation) this.error = errorMessage(error);
    }
    this.host.requestUpdate();
  }
}
