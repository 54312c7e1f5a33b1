/**
 * Issue 20, items 2 and 9: the cross-products of several features, a data set the page made itself
 * (another column choice), come in slices, one per task, and are the very numbers of one pass.
 */
import { describe, expect, it } from 'vitest';
import { CrossProductsPass, crossProductsOf } from '../../src/core/stats/cross-products.ts';
import { datasetCrossProducts, prepareDatasetFacts } from '../../src/core/data/dataset-facts.ts';
import { columnCrossProducts } from '../../src/core/stats/cross-products.ts';
import { rowsPerSlice } from '../../src/core/data/row-slices.ts';
import { seededRandom } from '../../src/core/data/split.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';

function columns(rows: number, count: number): Float64Array[] {
  const random = seededRandom(3);
  return Array.from({ length: count }, (_, j) => Float64Array.from({ length: rows }, () => 1e6 + j + random() * 10));
}

describe('cross-products in slices', () => {
  it('cut anywhere, give the numbers of one pass to the bit', () => {
    const [y, ...xs] = columns(1000, 5);
    const pass = new CrossProductsPass(xs, y);
    for (const [from, to] of [
      [0, 1],
      [1, 333],
      [333, 1000],
    ])
      pass.meansOver(from, to);
    for (const [from, to] of [
      [0, 500],
      [500, 999],
      [999, 1000],
    ])
      pass.productsOver(from, to);
    expect(pass.result()).toEqual(crossProductsOf(xs, y));
  });

  it('of a data set with more rows than a slice: computed over several tasks, then remembered', async () => {
    const features = 3;
    const [y, x, ...more] = columns(rowsPerSlice(features) + 10, features + 1);
    const dataset: Dataset = {
      featureName: 'a',
      targetName: 'y',
      x,
      y,
      moreFeatures: more.map((values, j) => ({ name: `f${j}`, values })),
    };
    let done = false;
    expect(prepareDatasetFacts(dataset, () => (done = true))).toBe(false);
    // Not in the asking task: nothing known yet.
    expect(columnCrossProducts.known([x, ...more], y)).toBe(false);
    await expect.poll(() => done).toBe(true);
    expect(columnCrossProducts.known([x, ...more], y)).toBe(true);
    expect(datasetCrossProducts(dataset)).toEqual(crossProductsOf([x, ...more], y));
    // Known now: nothing more to wait for.
    expect(prepareDatasetFacts(dataset, () => {})).toBe(true);
  });
});
