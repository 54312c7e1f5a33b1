/**
 * Models kept in the browser (IndexedDB through idb-keyval): models saved under a name, and the
 * current model, restored on the next visit. Records are weights files, and everything read back is
 * checked with `validateWeights`, so a damaged record is reported, never trusted.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Model } from '../core/model/model.ts';
import type { Result } from '../core/result.ts';
import { toWeightsFile, validateWeights, type WeightsReadResult } from '../core/model/weights-file.ts';

export const MODEL_DB_NAME = 'bmi-predictor';
export const MODEL_STORE_NAME = 'models';
/** A browser that never answers (a blocked or broken IndexedDB) must not leave the app waiting. */
const OPEN_TIMEOUT_MS = 3000;

/** The current model lives under this key; saved models under `['saved', name]`. */
const CURRENT_KEY = 'current';
const savedKey = (name: string): IDBValidKey => ['saved', name];

interface StoredRecord {
  name: string;
  /** ISO 8601 time of saving. */
  savedAt: string;
  /** A weights file object (`toWeightsFile`). */
  weights: unknown;
}

export interface SavedModel {
  name: string;
  savedAt: string;
  model: Model;
}

export interface DamagedRecord {
  name: string;
  error: string;
}

export interface SavedModelList {
  /** Newest first. */
  models: SavedModel[];
  damaged: DamagedRecord[];
}

export type StoreOpening = Result<{ store: ModelStore }>;

/** "QuotaExceededError: …" from whatever IndexedDB threw. */
export function describeStorageError(error: unknown): string {
  const text =
    error instanceof Error || error instanceof DOMException
      ? error.message && error.message !== error.name
        ? `${error.name}: ${error.message}`
        : error.name
      : String(error);
  // Callers end the sentence themselves.
  return text.replace(/[.\s]+$/, '');
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function readRecord(record: unknown): WeightsReadResult {
  if (typeof record !== 'object' || record === null || !('weights' in record)) {
    return { ok: false, error: 'The stored record is not a saved model.' };
  }
  return validateWeights((record as StoredRecord).weights);
}

export class ModelStore {
  private constructor(private readonly store: UseStore) {}

  /** Opens the store, or says why the browser cannot keep models (no IndexedDB, private mode, blocked). */
  static async open(dbName = MODEL_DB_NAME, storeName = MODEL_STORE_NAME): Promise<StoreOpening> {
    try {
      if (typeof indexedDB === 'undefined') return { ok: false, error: 'this browser offers no IndexedDB' };
      const store = createStore(dbName, storeName);
      // idb-keyval opens the database on first use: a read proves it works.
      await withTimeout(get(CURRENT_KEY, store), OPEN_TIMEOUT_MS, 'IndexedDB did not answer');
      return { ok: true, store: new ModelStore(store) };
    } catch (error) {
      return { ok: false, error: describeStorageError(error) };
    }
  }

  /** The model to restore on the next visit; null when there is none. */
  async loadCurrent(): Promise<WeightsReadResult | null> {
    const record: unknown = await get(CURRENT_KEY, this.store);
    return record === undefined ? null : readRecord(record);
  }

  async saveCurrent(model: Model): Promise<void> {
    await set(
      CURRENT_KEY,
      { name: '', savedAt: new Date().toISOString(), weights: toWeightsFile(model) } satisfies StoredRecord,
      this.store,
    );
  }

  /** No model to restore on the next visit (after Reset): what is kept follows what is current. */
  async clearCurrent(): Promise<void> {
    await del(CURRENT_KEY, this.store);
  }

  async list(): Promise<SavedModelList> {
    const models: SavedModel[] = [];
    const damaged: DamagedRecord[] = [];
    for (const [key, record] of await entries<IDBValidKey, unknown>(this.store)) {
      if (!Array.isArray(key) || key[0] !== 'saved') continue;
      const name = typeof key[1] === 'string' ? key[1] : JSON.stringify(key[1]);
      const result = readRecord(record);
      const savedAt = (record as Partial<StoredRecord> | null)?.savedAt;
      if (result.ok && typeof savedAt === 'string') models.push({ name, savedAt, model: result.model });
      else damaged.push({ name, error: result.ok ? 'The stored record has no save date.' : result.error });
    }
    models.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
    return { models, damaged };
  }

  /** Saves under `name`, replacing a model saved under the same name; says whether one was replaced. */
  async save(name: string, model: Model): Promise<{ replaced: boolean }> {
    const replaced = (await get(savedKey(name), this.store)) !== undefined;
    await set(
      savedKey(name),
      { name, savedAt: new Date().toISOString(), weights: toWeightsFile(model) } satisfies StoredRecord,
      this.store,
    );
    return { replaced };
  }

  /** The model saved under `name`: null when there is none, a refusal when the record is damaged. */
  async load(name: string): Promise<WeightsReadResult | null> {
    const record: unknown = await get(savedKey(name), this.store);
    return record === undefined ? null : readRecord(record);
  }

  async delete(name: string): Promise<void> {
    await del(savedKey(name), this.store);
  }
}
