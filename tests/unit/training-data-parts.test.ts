/**
 * Issue 20, item 9: the page hands the training worker its data in parts of a million rows, one part
 * per task, each a copy of its own rows handed over (not a clone of the whole column), so ten million
 * rows never hold the page up; the worker puts the same data set back together.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetAssembler, datasetParts, ROWS_PER_PART } from '../../src/core/data/dataset-parts.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';
import type { TrainingRequest } from '../../src/core/train/protocol.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';

function dataset(rows: number, features = 1): Dataset {
  const column = (k: number) => Float64Array.from({ length: rows }, (_, i) => i * (k + 1) + 0.5);
  return {
    featureName: 'f0',
    targetName: 'y',
    x: column(0),
    y: column(99),
    ...(features > 1
      ? { moreFeatures: Array.from({ length: features - 1 }, (_, j) => ({ name: `f${j + 1}`, values: column(j + 1) })) }
      : {}),
  };
}

describe('datasetParts and DatasetAssembler', () => {
  it('split a data set of several features into parts and put it back together in any order', () => {
    const original = dataset(10, 3);
    const { header, parts } = datasetParts(original, 4);
    expect(parts).toHaveLength(4 * 3);
    expect(parts.every((part) => part.values.length <= 4)).toBe(true);
    const assembler = new DatasetAssembler(header);
    for (const part of [...parts].reverse()) {
      expect(assembler.dataset()).toBeUndefined();
      assembler.add({ ...part, values: part.values.slice() });
    }
    expect(assembler.dataset()).toEqual(original);
    expect(() => assembler.add({ column: 0, from: 9, values: new Float64Array(2) })).toThrow(/does not fit/);
  });
});

/** A stand-in Worker that records what the page posts, and answers `init` as the training worker does. */
class RecordingWorker extends EventTarget {
  static last: RecordingWorker | undefined;
  posted: { request: TrainingRequest; transfer: Transferable[]; turn: number }[] = [];
  turn = 0;
  constructor() {
    super();
    RecordingWorker.last = this;
  }
  /** Numbers each stretch of code that runs without a break: a post, then the microtasks after it end it. */
  private stretchOpen = false;

  postMessage(request: TrainingRequest, transfer: Transferable[] = []): void {
    if (!this.stretchOpen) {
      this.turn += 1;
      this.stretchOpen = true;
      queueMicrotask(() => (this.stretchOpen = false));
    }
    this.posted.push({ request, transfer, turn: this.turn });
    if (request.type === 'init')
      queueMicrotask(() =>
        this.dispatchEvent(Object.assign(new Event('message'), { data: { type: 'ready', backend: { name: 'cpu', label: 'CPU' } } })),
      );
  }
  terminate(): void {}
}

describe('the worker engine', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts a large data set in parts, one per task, each handed over, and the run after them', async () => {
    vi.stubGlobal('Worker', RecordingWorker);
    const { startEngine } = await import('../../src/app/worker-engine.ts');
    const engine = await startEngine('cpu');
    const worker = RecordingWorker.last!;
    const rows = 2 * ROWS_PER_PART + 5;
    const data = dataset(rows, 2);
    const run = engine.train(data, DEFAULT_SETTINGS, null, () => {});
    // The task that asked for the run posted at most one part: the rest wait for tasks of their own.
    expect(worker.posted.filter((post) => post.request.type === 'data-part').length).toBeLessThanOrEqual(1);
    const allPosted = () => worker.posted.some((post) => post.request.type === 'train');
    while (!allPosted()) await new Promise((resolve) => setTimeout(resolve, 0));
    const parts = worker.posted.filter((post) => post.request.type === 'data-part');
    expect(parts).toHaveLength(3 * 3);
    // One part per task: no two were posted in one stretch of code.
    expect(new Set(parts.map((post) => post.turn)).size).toBe(parts.length);
    for (const { request, transfer } of parts) {
      if (request.type !== 'data-part') continue;
      expect(request.part.values.length).toBeLessThanOrEqual(ROWS_PER_PART);
      // A copy of the part's own rows, handed over: not a view that would clone its whole column.
      expect(request.part.values.buffer.byteLength).toBe(request.part.values.length * 8);
      expect(transfer).toEqual([request.part.values.buffer]);
    }
    const types = worker.posted.map((post) => post.request.type);
    expect(types.indexOf('data')).toBeLessThan(types.indexOf('data-part'));
    expect(types.lastIndexOf('data-part')).toBeLessThan(types.indexOf('train'));
    const header = worker.posted.find((post) => post.request.type === 'data')!.request;
    if (header.type !== 'data') throw new Error('no header');
    expect(header.header).toEqual({ featureNames: ['f0', 'f1'], targetName: 'y', rows });
    const assembler = new DatasetAssembler(header.header);
    for (const { request } of parts) if (request.type === 'data-part') assembler.add(request.part);
    const back = assembler.dataset()!;
    // Compared as bytes: toEqual walks ten million numbers slowly.
    const bytes = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    for (const [a, b] of [
      [back.x, data.x],
      [back.y, data.y],
      [back.moreFeatures![0].values, data.moreFeatures![0].values],
    ])
      expect(bytes(a).equals(bytes(b))).toBe(true);
    // The stand-in never trains: closing the engine ends the run with a reason.
    engine.dispose();
    await expect(run.result).rejects.toThrow(/closed/);
  });
});
