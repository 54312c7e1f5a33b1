/**
 * The model library alone, on a stand-in host with a fake store (in memory, each method made to fail
 * on demand: a full disk's QuotaExceededError, a blocked IndexedDB), downloads and TF.js files
 * recorded instead of made. Every message the library can say is asserted here at least once.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/core/data/dataset.ts';
import type { Model } from '../../src/core/model/model.ts';
import { LINEAR_WEIGHT_SPECS, linearModelTopology } from '../../src/core/model/tfjs-linear-artifacts.ts';
import {
  modelProblem,
  parseJson,
  parseWeights,
  serializeWeights,
  toWeightsFile,
  weightsFileName,
  weightsFileSizeError,
} from '../../src/core/model/weights-file.ts';
import type { ModelStore, SavedModelList, StoreOpening } from '../../src/app/model-store.ts';
import { ModelLibraryController, type LibraryMessage, type ModelLibraryHost } from '../../src/ui/controllers/model-library-controller.ts';
import { LibraryActionEvent, type LibraryAction } from '../../src/ui/events.ts';
import { fiveRows, referenceModel } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

type StoreMethod = 'loadCurrent' | 'saveCurrent' | 'clearCurrent' | 'list' | 'save' | 'load' | 'delete';

/** What the mocked modules do, set per test (hoisted: the mocks below are made before the imports). */
const fakes = vi.hoisted(() => ({
  opening: undefined as unknown as () => Promise<unknown>,
  downloads: [] as { text: string; fileName: string }[],
  exported: [] as string[],
  exportError: undefined as Error | undefined,
  imported: undefined as unknown as () => ReturnType<(typeof import('../../src/app/tfjs-model-files.ts'))['importTfjsModel']>,
}));

vi.mock('../../src/app/model-store.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/app/model-store.ts')>()),
  ModelStore: { open: () => fakes.opening() },
}));
vi.mock('../../src/app/download.ts', () => ({
  downloadText: (text: string, fileName: string) => fakes.downloads.push({ text, fileName }),
}));
vi.mock('../../src/app/tfjs-model-files.ts', () => ({
  exportTfjsModel: async (_model: unknown, name: string) => {
    if (fakes.exportError) throw fakes.exportError;
    fakes.exported.push(name);
  },
  importTfjsModel: () => fakes.imported(),
}));

/** The browser's storage in memory. Records are models, or damaged (a reason). */
class FakeStore {
  current: Model | string | undefined;
  saved = new Map<string, Model | string>();
  writes: string[] = [];
  private failures = new Map<StoreMethod, unknown>();

  /** Every later call of `method` rejects with `error`. */
  fail(method: StoreMethod, error: unknown): void {
    this.failures.set(method, error);
  }

  private check(method: StoreMethod): void {
    if (this.failures.has(method)) throw this.failures.get(method);
  }

  private read(record: Model | string | undefined) {
    if (record === undefined) return null;
    return typeof record === 'string' ? { ok: false as const, error: record } : { ok: true as const, model: record };
  }

  async loadCurrent() {
    this.check('loadCurrent');
    return this.read(this.current);
  }
  async saveCurrent(model: Model) {
    this.check('saveCurrent');
    this.writes.push('saveCurrent');
    this.current = model;
  }
  async clearCurrent() {
    this.check('clearCurrent');
    this.writes.push('clearCurrent');
    this.current = undefined;
  }
  async list(): Promise<SavedModelList> {
    this.check('list');
    const models = [...this.saved].flatMap(([name, r]) => (typeof r === 'string' ? [] : [{ name, savedAt: '2026-12-05', model: r }]));
    const damaged = [...this.saved].flatMap(([name, r]) => (typeof r === 'string' ? [{ name, error: r }] : []));
    return { models, damaged };
  }
  async save(name: string, model: Model) {
    this.check('save');
    const replaced = this.saved.has(name);
    this.saved.set(name, model);
    return { replaced };
  }
  async load(name: string) {
    this.check('load');
    return this.read(this.saved.get(name));
  }
  async delete(name: string) {
    this.check('delete');
    this.saved.delete(name);
  }
}

/** Polls often: what is waited for comes within a few promise turns. */
const WAIT = { interval: 1, timeout: 2000 };

const QUOTA = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const QUOTA_TEXT = 'QuotaExceededError: The quota has been exceeded';
const KEPT = 'The current model is kept.';

const model = referenceModel();
/** A model of other columns than the data's. */
const otherColumns: Model = { ...referenceModel(), feature: { ...referenceModel().feature, name: 'Height' } };

interface Page {
  model: Model | null;
  data: Dataset | null;
  training: boolean;
  used: [Model, string][];
  restored: [Model, string][];
  deleted: [string, Model][];
}

async function setUp(options: { store?: FakeStore; opening?: StoreOpening; model?: Model | null } = {}) {
  const store = options.store ?? new FakeStore();
  fakes.opening = async () => options.opening ?? { ok: true, store: store as unknown as ModelStore };
  const page: Page = { model: options.model ?? null, data: fiveRows(), training: false, used: [], restored: [], deleted: [] };
  const host = new StubHost();
  const app: ModelLibraryHost = {
    model: () => page.model,
    data: () => page.data,
    training: () => page.training,
    useModel: (m, origin) => {
      page.used.push([m, origin]);
      page.model = m;
      host.requestUpdate();
    },
    restoreModel: (m, origin) => {
      page.restored.push([m, origin]);
      page.model = m;
      host.requestUpdate();
    },
    deletedSaved: (name, m) => page.deleted.push([name, m]),
  };
  const library = new ModelLibraryController(host, app);
  host.connect();
  await vi.waitFor(() => expect(library.storage.state).not.toBe('opening'), WAIT);
  /** Sends a library action and waits until the library has said something about it. */
  const act = async (action: LibraryAction): Promise<LibraryMessage | null> => {
    library.message = null;
    host.dispatchEvent(new LibraryActionEvent(action));
    await vi.waitFor(() => expect(library.message).not.toBeNull(), WAIT);
    return library.message;
  };
  /** Runs `work`, then waits until the library has said something. */
  const saying = async (work: () => unknown): Promise<LibraryMessage | null> => {
    library.message = null;
    await work();
    await vi.waitFor(() => expect(library.message).not.toBeNull(), WAIT);
    return library.message;
  };
  return { store, page, host, library, act, saying };
}

const error = (text: string): LibraryMessage => ({ kind: 'error', text });
const info = (text: string): LibraryMessage => ({ kind: 'info', text });
const warning = (text: string): LibraryMessage => ({ kind: 'warning', text });
const fileOf = (text: string, name: string, type = 'application/json') => new File([text], name, { type });

beforeEach(() => {
  fakes.downloads = [];
  fakes.exported = [];
  fakes.exportError = undefined;
});

describe('the store', () => {
  it('opens, lists the saved models and restores the model kept from the last visit, without writing it again', async () => {
    const store = new FakeStore();
    store.current = model;
    store.saved.set('mine', model);
    const { library, page, host } = await setUp({ store });
    expect(library.storage).toEqual({ state: 'on' });
    expect(library.saved.models.map((saved) => saved.name)).toEqual(['mine']);
    expect(page.restored).toEqual([[model, 'restored from your last visit']]);
    await host.updateComplete;
    expect(store.writes).toEqual([]);
    expect(library.message).toBeNull();
  });

  it('does not restore over a model the page already has', async () => {
    const store = new FakeStore();
    store.current = model;
    const { page } = await setUp({ store, model: otherColumns });
    expect(page.restored).toEqual([]);
  });

  it('blocked storage (IndexedDB did not answer): saving in the browser is off, everything else works', async () => {
    const { library, act } = await setUp({ opening: { ok: false, error: 'IndexedDB did not answer' }, model });
    expect(library.storage).toEqual({ state: 'off', reason: 'IndexedDB did not answer' });
    expect(await act({ kind: 'save', name: 'mine' })).toEqual(error('Saving in this browser is off; download the weights file instead.'));
    expect(await act({ kind: 'download-weights' })).toEqual(info(`Downloaded ${weightsFileName(model)}.`));
  });

  it('says when the kept model is damaged, or cannot be read', async () => {
    const damaged = new FakeStore();
    damaged.current = 'The file has no "slope".';
    expect((await setUp({ store: damaged })).library.message).toEqual(
      error('The model kept from your last visit could not be restored: The file has no "slope".'),
    );
    const unreadable = new FakeStore();
    unreadable.fail('loadCurrent', new DOMException('', 'UnknownError'));
    expect((await setUp({ store: unreadable })).library.message).toEqual(
      error('The model kept from your last visit could not be read: UnknownError.'),
    );
  });

  it('says when the saved models cannot be listed', async () => {
    const store = new FakeStore();
    store.fail('list', new DOMException('The database connection is closing.', 'InvalidStateError'));
    const { library } = await setUp({ store });
    expect(library.message).toEqual(error('Could not list the saved models: InvalidStateError: The database connection is closing.'));
    expect(library.storage).toEqual({ state: 'on' });
  });
});

describe('what is kept for the next visit', () => {
  it('follows the current model: a new one is written, none (Reset) is cleared', async () => {
    const { store, page, host } = await setUp();
    page.model = model;
    host.requestUpdate();
    await host.updateComplete;
    expect(store.current).toBe(model);
    page.model = null;
    host.requestUpdate();
    await host.updateComplete;
    expect(store.current).toBeUndefined();
    expect(store.writes).toEqual(['saveCurrent', 'clearCurrent']);
  });

  it('a model current before the store opened is not written', async () => {
    const { store, host } = await setUp({ model });
    host.requestUpdate();
    await host.updateComplete;
    expect(store.writes).toEqual([]);
  });

  it('a full disk (QuotaExceededError) only warns: download the model to keep it', async () => {
    const { store, page, host, saying } = await setUp();
    store.fail('saveCurrent', QUOTA);
    expect(
      await saying(() => {
        page.model = model;
        host.requestUpdate();
      }),
    ).toEqual(warning(`This model could not be kept for your next visit: ${QUOTA_TEXT}. Download it to keep it.`));
  });

  it('a Reset that cannot be kept warns', async () => {
    const { store, page, host, saying } = await setUp();
    page.model = model;
    host.requestUpdate();
    await host.updateComplete;
    store.fail('clearCurrent', new DOMException('', 'UnknownError'));
    expect(
      await saying(() => {
        page.model = null;
        host.requestUpdate();
      }),
    ).toEqual(warning('The reset could not be kept for your next visit: UnknownError.'));
  });
});

describe('saved models', () => {
  it('saves under a name, replaces one of the same name, and lists them', async () => {
    const { act, library, store } = await setUp({ model });
    expect(await act({ kind: 'save', name: '  mine ' })).toEqual(info('Saved "mine" in this browser.'));
    expect(await act({ kind: 'save', name: 'mine' })).toEqual(info('Replaced the saved model "mine".'));
    expect([...store.saved.keys()]).toEqual(['mine']);
    expect(library.saved.models.map((saved) => saved.name)).toEqual(['mine']);
  });

  it('refuses to save without a model or a name', async () => {
    const { act, page } = await setUp();
    expect(await act({ kind: 'save', name: 'mine' })).toEqual(error('There is no model to save yet: train one or load a file.'));
    page.model = model;
    expect(await act({ kind: 'save', name: '   ' })).toEqual(error('Enter a name to save the model under.'));
  });

  it('a full disk (QuotaExceededError) refuses the save with why', async () => {
    const { act, store } = await setUp({ model });
    store.fail('save', QUOTA);
    expect(await act({ kind: 'save', name: 'mine' })).toEqual(error(`Could not save "mine" in this browser: ${QUOTA_TEXT}.`));
    expect(store.saved.size).toBe(0);
  });

  it('loads a saved model as the current one', async () => {
    const store = new FakeStore();
    store.saved.set('mine', model);
    const { act, page } = await setUp({ store });
    expect(await act({ kind: 'load', name: 'mine' })).toEqual(info('Loaded the saved model "mine".'));
    expect(page.used).toEqual([[model, 'the saved model "mine"']]);
  });

  it('loads a model of other columns with a warning: it predicts, its line is not drawn', async () => {
    const store = new FakeStore();
    store.saved.set('tall', otherColumns);
    const { act, page } = await setUp({ store });
    expect(await act({ kind: 'load', name: 'tall' })).toEqual(
      warning(
        'Loaded the saved model "tall", but it predicts Life expectancy from "Height", a column the loaded data does not have ' +
          '(it has "Bmi" → "LifeExpectancy"). It still predicts from Height values; its line is not drawn on this data.',
      ),
    );
    expect(page.model).toBe(otherColumns);
  });

  it('refuses a saved model that is gone, damaged or unreadable, keeping the current one', async () => {
    const store = new FakeStore();
    store.saved.set('bad', 'The file has no "slope".');
    const { act, page } = await setUp({ store, model });
    expect(await act({ kind: 'load', name: 'gone' })).toEqual(error(`There is no saved model "gone" any more. ${KEPT}`));
    expect(await act({ kind: 'load', name: 'bad' })).toEqual(error(`The saved model "bad" is damaged: The file has no "slope". ${KEPT}`));
    store.fail('load', new DOMException('', 'UnknownError'));
    expect(await act({ kind: 'load', name: 'bad' })).toEqual(error(`Could not read the saved model "bad": UnknownError. ${KEPT}`));
    expect(page.used).toEqual([]);
    expect(page.model).toBe(model);
  });

  it('refuses to load while training, and takes the refusal back when the run ends', async () => {
    const store = new FakeStore();
    store.saved.set('mine', model);
    const { act, page, library } = await setUp({ store });
    page.training = true;
    const refusal = error(`Training is running; load a model when it has finished. ${KEPT}`);
    expect(await act({ kind: 'load', name: 'mine' })).toEqual(refusal);
    expect(page.used).toEqual([]);
    library.runEnded();
    expect(library.message).toBeNull();
  });

  it('the end of a run leaves any other message', async () => {
    const { act, library } = await setUp();
    const said = await act({ kind: 'save', name: 'x' });
    library.runEnded();
    expect(library.message).toEqual(said);
  });

  it('deletes a saved model (the history can undo it), and saves it again', async () => {
    const store = new FakeStore();
    store.saved.set('mine', model);
    const { act, page, library, saying } = await setUp({ store });
    expect(await act({ kind: 'delete', name: 'mine' })).toEqual(info('Deleted the saved model "mine".'));
    expect(page.deleted).toEqual([['mine', model]]);
    expect(library.saved.models).toEqual([]);
    expect(await saying(() => library.resave('mine', model))).toEqual(info('Saved "mine" again.'));
    expect(library.saved.models.map((saved) => saved.name)).toEqual(['mine']);
  });

  it('says when a delete or a save-again fails', async () => {
    const store = new FakeStore();
    store.saved.set('mine', model);
    const { act, library, saying } = await setUp({ store });
    store.fail('delete', new DOMException('', 'UnknownError'));
    expect(await act({ kind: 'delete', name: 'mine' })).toEqual(error('Could not delete "mine": UnknownError.'));
    store.fail('save', QUOTA);
    expect(await saying(() => library.resave('other', model))).toEqual(error(`Could not save "other" again: ${QUOTA_TEXT}.`));
  });
});

describe('downloads and TF.js export', () => {
  it('downloads the weights file', async () => {
    const { act } = await setUp({ model });
    expect(await act({ kind: 'download-weights' })).toEqual(info(`Downloaded ${weightsFileName(model)}.`));
    expect(fakes.downloads).toEqual([{ text: serializeWeights(model), fileName: weightsFileName(model) }]);
  });

  it('refuses to download or export without a model', async () => {
    const { act } = await setUp();
    expect(await act({ kind: 'download-weights' })).toEqual(error('There is no model to download yet: train one or load a file.'));
    expect(await act({ kind: 'export-tfjs' })).toEqual(error('There is no model to export yet: train one or load a file.'));
    expect(fakes.downloads).toEqual([]);
  });

  it('refuses to download a model that cannot be written (a non-finite number), saying why', async () => {
    const broken = { ...model, slope: Number.NaN };
    const why = modelProblem(broken);
    expect(why).toMatch(/slope/);
    const { act } = await setUp({ model: broken });
    expect(await act({ kind: 'download-weights' })).toEqual(error(`The model cannot be saved: ${why}.`));
    expect(fakes.downloads).toEqual([]);
  });

  it('exports the TF.js files, or says why it could not', async () => {
    const { act } = await setUp({ model });
    expect(await act({ kind: 'export-tfjs' })).toEqual(
      info('Downloaded the TF.js model files bmi-model-2026-11-25.json and bmi-model-2026-11-25.weights.bin.'),
    );
    expect(fakes.exported).toEqual(['bmi-model-2026-11-25']);
    fakes.exportError = new Error('The download was blocked.');
    expect(await act({ kind: 'export-tfjs' })).toEqual(error('Could not export the TF.js model files: The download was blocked.'));
  });
});

describe('files the intake hands over', () => {
  it('says why files were refused, keeping the model', async () => {
    const { library } = await setUp();
    library.refuseFiles('Got 3 files.');
    expect(library.message).toEqual(error(`Got 3 files. ${KEPT}`));
  });

  it('loads a weights file as the current model', async () => {
    const { library, page, saying } = await setUp();
    const file = fileOf(serializeWeights(model), 'w.json');
    expect(await saying(() => library.loadWeightsFile(file))).toEqual(info('Loaded the weights file "w.json".'));
    expect(page.used).toEqual([[expect.objectContaining({ slope: model.slope, intercept: model.intercept }), 'the weights file "w.json"']]);
  });

  it('refuses a weights file that is too big, unreadable or not a weights file', async () => {
    const { library, page, saying } = await setUp({ model });
    const big = fileOf(' '.repeat(1_000_001), 'big.json');
    expect(await saying(() => library.loadWeightsFile(big))).toEqual(error(`"big.json": ${weightsFileSizeError(big.size)} ${KEPT}`));
    const unreadable = fileOf('{}', 'moved.json');
    unreadable.text = () => Promise.reject(new DOMException('The file was moved.', 'NotReadableError'));
    expect(await saying(() => library.loadWeightsFile(unreadable))).toEqual(
      error(`"moved.json" could not be read (The file was moved.). ${KEPT}`),
    );
    const notWeights = fileOf('{"hello": 1}', 'hello.json');
    const parsed = parseWeights('{"hello": 1}');
    if (parsed.ok) throw new Error('a weights file?');
    expect(await saying(() => library.loadWeightsFile(notWeights))).toEqual(error(`"hello.json": ${parsed.error} ${KEPT}`));
    expect(page.used).toEqual([]);
  });

  it('refuses a weights file while training', async () => {
    const { library, page, saying } = await setUp();
    page.training = true;
    expect(await saying(() => library.loadWeightsFile(fileOf(serializeWeights(model), 'w.json')))).toEqual(
      error(`Training is running; load a model when it has finished. ${KEPT}`),
    );
  });

  const modelJson = (bin = 'm.weights.bin', metadata?: unknown) =>
    JSON.stringify({
      modelTopology: linearModelTopology(),
      format: 'layers-model',
      weightsManifest: [{ paths: [`./${bin}`], weights: LINEAR_WEIGHT_SPECS }],
      ...(metadata === undefined ? {} : { userDefinedMetadata: metadata }),
    });
  const bin = () => new File([new Uint8Array(8)], 'm.weights.bin', { type: 'application/octet-stream' });

  it('imports TF.js files with the app metadata as the very model, and without as a line on the loaded data', async () => {
    const { library, page, saying } = await setUp();
    const line = { slope: Math.fround(model.slope), intercept: Math.fround(model.intercept) };
    fakes.imported = async () => ({
      plane: { coefficients: [line.slope], intercept: line.intercept },
      metadata: { bmiPredictor: toWeightsFile(model) },
    });
    expect(await saying(() => library.importTfjs(fileOf(modelJson(), 'm.json'), bin()))).toEqual(
      info('Loaded the TF.js model "m.json" + "m.weights.bin".'),
    );
    expect(page.used.at(-1)?.[0].slope).toBe(model.slope);
    fakes.imported = async () => ({ plane: { coefficients: [line.slope], intercept: line.intercept }, metadata: undefined });
    expect(await saying(() => library.importTfjs(fileOf(modelJson(), 'm.json'), bin()))).toEqual(
      info('Loaded the TF.js model "m.json" + "m.weights.bin" (column names and scaling from the loaded data).'),
    );
    expect(page.used.at(-1)?.[0].slope).toBe(line.slope);
  });

  it('refuses TF.js files that are too big, not JSON, not a line, unreadable by TF.js, or without data to describe them', async () => {
    const { library, page, saying } = await setUp({ model });
    const json = (text: string) => fileOf(text, 'm.json');
    const big = new File([new Uint8Array(1_000_001)], 'm.weights.bin');
    expect(await saying(() => library.importTfjs(json(modelJson()), big))).toEqual(
      error(`"m.weights.bin": ${weightsFileSizeError(big.size, 'a TF.js model file of a line')} ${KEPT}`),
    );
    const notJson = parseJson('{not json');
    if (notJson.ok) throw new Error('JSON?');
    expect(await saying(() => library.importTfjs(json('{not json'), bin()))).toEqual(error(`"m.json": ${notJson.error} ${KEPT}`));
    expect(await saying(() => library.importTfjs(json('{"format": "graph-model", "modelTopology": {}}'), bin()))).toEqual(
      error(
        `"m.json" is a TF.js graph model; bmi-predictor imports a model of exactly one dense layer with 1 input and 1 unit, linear, with a bias (a layers model). ${KEPT}`,
      ),
    );
    fakes.imported = () => Promise.reject(new Error('Weight data is too short.'));
    expect(await saying(() => library.importTfjs(json(modelJson()), bin()))).toEqual(
      error(`TensorFlow.js could not read "m.json" with "m.weights.bin": Weight data is too short. ${KEPT}`),
    );
    fakes.imported = async () => ({ plane: { coefficients: [1], intercept: 2 }, metadata: undefined });
    page.data = null;
    expect(await saying(() => library.importTfjs(json(modelJson()), bin()))).toEqual(
      error(`TF.js model files carry no column names or scaling: load data first, then import them. ${KEPT}`),
    );
    const unreadable = json(modelJson());
    unreadable.text = () => Promise.reject(new DOMException('The file was moved.', 'NotReadableError'));
    expect(await saying(() => library.importTfjs(unreadable, bin()))).toEqual(
      error(`"m.json" could not be read (The file was moved.). ${KEPT}`),
    );
    page.training = true;
    expect(await saying(() => library.importTfjs(json(modelJson()), bin()))).toEqual(
      error(`Training is running; load a model when it has finished. ${KEPT}`),
    );
    expect(page.used).toEqual([]);
  });
});
