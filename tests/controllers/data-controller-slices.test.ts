/**
 * Issue 20, items 2 and 9: choosing several features of a large file does not hold up the page. The
 * cross-products of the new columns come in slices first (a pass over every row, 200 ms and more in
 * one piece at a million rows × 16 features), then the data changes, with them known.
 */
import { describe, expect, it } from 'vitest';
import { featureNamesOf, selectColumns } from '../../src/core/data/dataset.ts';
import { featureColumns } from '../../src/core/data/feature-columns.ts';
import { ROWS_PER_SLICE, rowsPerSlice } from '../../src/core/data/row-slices.ts';
import { columnCrossProducts } from '../../src/core/stats/cross-products.ts';
import { DataController } from '../../src/ui/controllers/data-controller.ts';
import { ColumnsChangeEvent } from '../../src/ui/events.ts';
import { StubHost } from './host.ts';

describe('DataController with more rows than a slice', () => {
  it('takes several features once their cross-products are in, computed in slices, not in the event’s task', async () => {
    const host = new StubHost();
    const data = new DataController(host, {
      columns: () => ({}),
      keepColumns: () => {},
      notice: () => {},
      busy: () => undefined,
      dataChanged: () => {},
    });
    host.connect();
    const rows = rowsPerSlice(3) + 100;
    const lines = Array.from({ length: rows }, (_, i) => `${20 + (i % 13)},${i % 7},${(i * 7) % 11},${60 + (i % 17)}`);
    await data.loadFile(new File([`Bmi,A,B,LifeExpectancy\n${lines.join('\n')}\n`], 'big.csv', { type: 'text/csv' }));
    const before = data.data;
    expect(before?.y.length).toBe(rows);
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Bmi', features: ['Bmi', 'A', 'B'], target: 'LifeExpectancy' }));
    // Still the old data while the cross-products are computed, a slice per task.
    expect(data.data).toBe(before);
    await expect.poll(() => featureNamesOf(data.data!)).toEqual(['Bmi', 'A', 'B']);
    const taken = data.data!;
    expect(
      columnCrossProducts.known(
        featureColumns(taken).map((column) => column.values),
        taken.y,
      ),
    ).toBe(true);
  });

  it('takes another column in slices, not in the event’s task: the outcome of selectColumns, the latest choice winning', async () => {
    const host = new StubHost();
    const kept: unknown[] = [];
    const data = new DataController(host, {
      columns: () => ({}),
      keepColumns: (columns) => kept.push(columns),
      notice: () => {},
      busy: () => undefined,
      dataChanged: () => {},
    });
    host.connect();
    const rows = ROWS_PER_SLICE + 100;
    // Every 1000th row lacks A: the rows dropped are reported as selectColumns reports them.
    const lines = Array.from(
      { length: rows },
      (_, i) => `${20 + (i % 13)},${i % 1000 === 7 ? '' : i % 7},${(i * 7) % 11},${60 + (i % 17)}`,
    );
    await data.loadFile(new File([`Bmi,A,B,LifeExpectancy\n${lines.join('\n')}\n`], 'big.csv', { type: 'text/csv' }));
    const before = data.data;
    const table = data.state.table!;
    kept.length = 0;
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'B', target: 'LifeExpectancy' }));
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'A', target: 'LifeExpectancy' }));
    // One feature needs no cross-products: only taking the columns (a pass over every row) is left,
    // and it is not done in the event's task. (Compared as booleans: a diff of 262 144 rows would not end.)
    expect(data.data === before).toBe(true);
    await expect.poll(() => data.data?.featureName).toBe('A');
    const expected = selectColumns(table, { feature: 'A', target: 'LifeExpectancy' });
    if (!expected.ok) throw new Error(expected.error);
    const taken = data.data!;
    expect(taken.targetName).toBe(expected.dataset.targetName);
    expect(sameValues(taken.x, expected.dataset.x) && sameValues(taken.y, expected.dataset.y)).toBe(true);
    expect(data.state.skipped).toEqual(expected.skipped);
    expect(data.state.skipped.count).toBeGreaterThan(0);
    // The choice of B, superseded before its columns were taken, was never taken.
    expect(kept).toEqual([{ feature: 'A', target: 'LifeExpectancy' }]);
  });
});

function sameValues(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
