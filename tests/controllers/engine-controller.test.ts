/**
 * The engine's lifecycle alone, with the worker and page-thread engines replaced by fakes: started
 * once the page has painted, on the backend and engine the settings ask for; started again on another
 * backend (not while training); ended when the host leaves; a failed start says why.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendName } from '../../src/core/settings/backends.ts';
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from '../../src/core/settings/url-settings.ts';
import type { TrainingEngine } from '../../src/app/training-engine.ts';
import { EngineController } from '../../src/ui/controllers/engine-controller.ts';
import { BackendChangeEvent } from '../../src/ui/events.ts';
import { StubHost } from './host.ts';

interface EngineFakes {
  started: { where: string; backend: string | undefined; disposed: boolean }[];
  failure: Error | undefined;
  /** Tensors the next engine reports; a memory() that never answers when null. */
  tensors: number | null;
}

const engines = vi.hoisted((): EngineFakes => ({ started: [], failure: undefined, tensors: 4 }));

// The test page paints nothing: the engine starts at once instead of after the paint's fallback timer.
vi.mock('../../src/app/first-paint.ts', () => ({ afterFirstContentfulPaint: () => Promise.resolve() }));
vi.mock('../../src/app/worker-engine.ts', () => ({ startEngine: (backend: BackendName | undefined) => start('worker', backend) }));
vi.mock('../../src/app/main-thread-engine.ts', () => ({ startEngine: (backend: BackendName | undefined) => start('main', backend) }));

async function start(where: 'worker' | 'main', backend: BackendName | undefined): Promise<TrainingEngine> {
  if (engines.failure) throw engines.failure;
  const record = { where, backend, disposed: false };
  engines.started.push(record);
  const tensors = engines.tensors;
  return {
    name: where,
    backend: { name: backend ?? 'webgpu' } as unknown as TrainingEngine['backend'],
    memory: () => (tensors === null ? new Promise(() => {}) : Promise.resolve({ numTensors: tensors, numBytes: 0 })),
    train: () => {
      throw new Error('not in this test');
    },
    dispose: () => (record.disposed = true),
  };
}

function setUp(settings: Partial<PageSettings> = {}) {
  const state = {
    settings: { ...DEFAULT_PAGE_SETTINGS, ...settings },
    training: false,
    kept: [] as (BackendName | undefined)[],
  };
  const host = new StubHost();
  const controller = new EngineController(host, {
    settings: () => state.settings,
    keepBackend: (backend) => {
      state.kept.push(backend);
      state.settings = { ...state.settings, backend };
    },
    training: () => state.training,
  });
  return { host, controller, state };
}

beforeEach(() => {
  engines.started = [];
  engines.failure = undefined;
  engines.tensors = 4;
});

describe('EngineController', () => {
  it('starts the worker engine on the backend the settings ask for when the host connects, and counts its tensors', async () => {
    const { host, controller } = setUp({ backend: 'wasm' });
    expect(controller.engine).toBeUndefined();
    host.connect();
    await expect.poll(() => controller.tensorCount).toBe(4);
    expect(engines.started).toEqual([{ where: 'worker', backend: 'wasm', disposed: false }]);
    expect(controller.engine?.name).toBe('worker');
    expect(controller.backend?.name).toBe('wasm');
    expect(controller.error).toBe('');
  });

  it("starts on the page's thread when the settings say so", async () => {
    const { host, controller } = setUp({ engine: 'main' });
    host.connect();
    await expect.poll(() => controller.engine?.name).toBe('main');
  });

  it('another backend: keeps it in the settings, ends the engine and starts one on it; refused while training', async () => {
    const { host, controller, state } = setUp();
    host.connect();
    await expect.poll(() => controller.engine).toBeDefined();
    host.dispatchEvent(new BackendChangeEvent('cpu'));
    expect(state.kept).toEqual(['cpu']);
    expect(engines.started[0].disposed).toBe(true);
    await expect.poll(() => controller.backend?.name).toBe('cpu');
    state.training = true;
    host.dispatchEvent(new BackendChangeEvent('webgl'));
    expect(state.kept).toEqual(['cpu']);
    expect(engines.started).toHaveLength(2);
  });

  it('says why when no engine could start', async () => {
    engines.failure = new Error('No backend could be initialized.');
    const { host, controller } = setUp();
    host.connect();
    await expect.poll(() => controller.error).toBe('No backend could be initialized.');
    expect(controller.engine).toBeUndefined();
  });

  it('ends the engine when the host leaves, and starts a new one when it connects again', async () => {
    const { host, controller } = setUp();
    host.connect();
    await expect.poll(() => controller.engine).toBeDefined();
    host.disconnect();
    expect(engines.started).toEqual([expect.objectContaining({ disposed: true })]);
    expect(controller.engine).toBeUndefined();
    host.connect();
    await expect.poll(() => engines.started.length).toBe(2);
    expect(engines.started[1].disposed).toBe(false);
  });

  it('counts the tensors left after a run, and does not hang on an engine that stopped answering', async () => {
    const { host, controller } = setUp();
    host.connect();
    await expect.poll(() => controller.engine).toBeDefined();
    controller.tensorsLeft(7);
    expect(controller.tensorCount).toBe(7);
    expect(await controller.countTensors(controller.engine!)).toBe(4);
    vi.useFakeTimers();
    try {
      engines.tensors = null;
      const silent = await start('worker', undefined);
      const counted = controller.countTensors(silent);
      await vi.advanceTimersByTimeAsync(2000);
      expect(await counted).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
