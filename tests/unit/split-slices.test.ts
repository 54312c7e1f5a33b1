/**
 * Issue 20, item 9: a validation split of many rows (a shuffle and a copy of every column, over a
 * second at ten million rows) is made on the page in slices, one per task and none in the task that
 * asks, and is the very split `splitDataset` makes, to the bit; only the latest split asked for is made.
 */
import { describe, expect, it } from 'vitest';
import { preparedSplit, seededRandom, splitDataset, splitSteps, type Split } from '../../src/core/data/split.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';
import { rowsPerSlice } from '../../src/core/data/row-slices.ts';
import { runSteps } from '../../src/core/steps.ts';
import { columnMoments } from '../../src/core/stats/moments.ts';
import { columnCrossProducts } from '../../src/core/stats/cross-products.ts';
import { datasetCrossProducts, datasetMoments } from '../../src/core/data/dataset-facts.ts';

function dataset(rows: number, features: number, seed = 5): Dataset {
  const random = seededRandom(seed);
  const column = () => Float64Array.from({ length: rows }, () => random() * 100);
  return {
    featureName: 'f0',
    targetName: 'y',
    x: column(),
    y: column(),
    ...(features > 1 ? { moreFeatures: Array.from({ length: features - 1 }, (_, j) => ({ name: `f${j + 1}`, values: column() })) } : {}),
  };
}

/** The split as it was made before it came in slices (one Fisher–Yates shuffle, then the rows picked). */
function referenceSplit(data: Dataset, fraction: number, seed: number): Split {
  const n = data.x.length;
  const held = Math.min(Math.round(n * fraction), Math.max(0, n - 2));
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const random = seededRandom(seed);
  if (held > 0)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  const pick = (indices: Uint32Array): Dataset => {
    const column = (values: Float64Array) => Float64Array.from(indices, (i) => values[i]);
    const { featureName, targetName, moreFeatures } = data;
    const picked = { featureName, targetName, x: column(data.x), y: column(data.y) };
    return moreFeatures ? { ...picked, moreFeatures: moreFeatures.map(({ name, values }) => ({ name, values: column(values) })) } : picked;
  };
  if (held <= 0) return { train: data, validation: pick(new Uint32Array(0)) };
  return { train: pick(order.subarray(held)), validation: pick(order.subarray(0, held)) };
}

/** Counts the reads of a column's rows (not of its length or methods). */
function countingReads(values: Float64Array): { column: Float64Array; reads: () => number } {
  let reads = 0;
  const column = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { column, reads: () => reads };
}

describe('the split in slices', () => {
  it('is the very split of one pass, for any slice, seed, fraction and number of rows', () => {
    for (const [rows, features] of [
      [2, 1],
      [3, 2],
      [10, 1],
      [257, 3],
      [1001, 2],
    ])
      for (const fraction of [0, 0.1, 0.2, 0.5, 0.9])
        for (const seed of [0, 1, 42, 2 ** 32 - 1]) {
          const data = dataset(rows, features, seed + rows);
          const reference = referenceSplit(data, fraction, seed);
          // Slices that divide the rows and slices that do not, one row, and the whole at once.
          for (const slice of [1, 7, 64, 1000, Infinity]) expect(runSteps(splitSteps(data, fraction, seed, slice))).toEqual(reference);
          expect(splitDataset(data, fraction, seed)).toEqual(reference);
        }
  });

  it('of few rows or none held out: given at once, the split splitDataset remembers', () => {
    const few = dataset(100, 2);
    const ready = () => expect.unreachable('nothing to wait for');
    expect(preparedSplit(few, 0.2, 7, ready)).toBe(splitDataset(few, 0.2, 7));
    const many = dataset(rowsPerSlice(1) + 1, 1);
    expect(preparedSplit(many, 0, 7, ready)).toBe(splitDataset(many, 0, 7));
  });

  it('of many rows: nothing read in the asking task, then made over several tasks with its facts, and remembered', async () => {
    const features = 16;
    const data = dataset(rowsPerSlice(features) + 123, features);
    const counted = countingReads(data.y);
    const watched: Dataset = { ...data, y: counted.column };
    let calls = 0;
    const ready = () => (calls += 1);
    expect(preparedSplit(watched, 0.2, 9, ready)).toBeUndefined();
    // Asked again meanwhile (another controller): the same making, and one call per function.
    expect(preparedSplit(watched, 0.2, 9, ready)).toBeUndefined();
    expect(counted.reads()).toBe(0);
    await expect.poll(() => calls).toBe(1);
    expect(counted.reads()).toBeGreaterThan(0);
    const split = preparedSplit(watched, 0.2, 9, ready)!;
    expect(split).toEqual(referenceSplit(data, 0.2, 9));
    expect(splitDataset(watched, 0.2, 9)).toBe(split);
    // The moments and cross-products of both parts came in the slices too, the numbers of one pass.
    for (const rows of [split.train, split.validation]) {
      expect(columnMoments.known(rows.x, rows.y)).toBe(true);
      const columns = [rows.x, ...rows.moreFeatures!.map((column) => column.values)];
      expect(columnCrossProducts.known(columns, rows.y)).toBe(true);
      const copy = { ...rows, x: Float64Array.from(rows.x) };
      expect(datasetMoments(rows)).toEqual(datasetMoments(copy));
      expect(datasetCrossProducts(rows)).toEqual(datasetCrossProducts(copy));
    }
    expect(calls).toBe(1);
  });

  it('asked for another split before it is made: only the latest is made and reports back', async () => {
    const data = dataset(rowsPerSlice(16) + 5, 16);
    const heard: string[] = [];
    expect(preparedSplit(data, 0.2, 1, () => heard.push('seed 1'))).toBeUndefined();
    expect(preparedSplit(data, 0.3, 2, () => heard.push('seed 2'))).toBeUndefined();
    await expect.poll(() => heard).toEqual(['seed 2']);
    // The dropped one is not remembered: asking for it again starts it anew.
    expect(preparedSplit(data, 0.2, 1, () => heard.push('seed 1 again'))).toBeUndefined();
    await expect.poll(() => heard).toEqual(['seed 2', 'seed 1 again']);
    expect(preparedSplit(data, 0.2, 1, () => heard.push('never'))).toEqual(referenceSplit(data, 0.2, 1));
  });
});
