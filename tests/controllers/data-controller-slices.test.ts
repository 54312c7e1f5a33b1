/**
 * Issue 20, items 2 and 9: choosing several features of a large file does not hold up the page. The
 * cross-products of the new columns come in slices first (a pass over every row, 200 ms and more in
 * one piece at a million rows × 16 features), then the data changes, with them known.
 */
import { describe, expect, it } from 'vitest';
import { featureNamesOf } from '../../src/core/data/dataset.ts';
import { featureColumns } from '../../src/core/data/feature-columns.ts';
import { rowsPerSlice } from '../../src/core/data/row-slices.ts';
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
});
