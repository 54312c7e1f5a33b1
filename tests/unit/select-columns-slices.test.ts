/**
 * Issue 20, items 2 and 9: another column choice on the page takes its columns (the drop of rows
 * with missing values, the copy of the columns, the check that their statistics are finite) in
 * slices, one per task, and gets the very outcome of `selectColumns`: the same numbers, the same
 * skipped rows, the same refusals.
 */
import { describe, expect, it } from 'vitest';
import {
  parseTable,
  selectColumns,
  selectColumnsInSlices,
  type ColumnChoice,
  type ParseOutcome,
  type Table,
} from '../../src/core/data/dataset.ts';
import { columnMoments, momentsOf, momentsSteps } from '../../src/core/stats/moments.ts';
import { withoutRows, withoutRowsSteps } from '../../src/core/csv/drop-rows.ts';
import { runSteps } from '../../src/core/steps.ts';

/** A table of `rows` rows: `Bmi`, `A` and `Big` numbers, some missing; a constant `K`; `Life` the target; `Country` text. */
function tableOf(rows: number, big = false): Table {
  const lines = Array.from({ length: rows }, (_, i) => {
    const bmi = i % 9 === 4 ? '' : `${20 + ((i * 7) % 13) / 3}`;
    const a = i % 11 === 5 ? 'n/a' : `${(i * 5) % 17}`;
    const huge = big && i === rows - 3 ? '1e200' : `${(i * 3) % 23}`;
    return `C${i},${bmi},${a},${huge},4,${60 + ((i * 11) % 19) / 2}`;
  });
  const table = parseTable(`Country,Bmi,A,Big,K,Life\n${lines.join('\n')}\n`);
  if ('error' in table) throw new Error(table.error);
  return table;
}

function inSlices(table: Table, choice: ColumnChoice, rowsPerSlice: number): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    let tasks = 0;
    const now = selectColumnsInSlices(table, choice, resolve, () => (tasks += 1) > 0, rowsPerSlice);
    // Never in the asking task when the rows are more than a slice.
    expect(now).toBeUndefined();
    expect(tasks).toBe(0);
  });
}

describe('selectColumnsInSlices', () => {
  const table = tableOf(200);
  const choices: [string, ColumnChoice][] = [
    ['one feature, skipped rows reported', { feature: 'Bmi', target: 'Life' }],
    ['several features, a label whose rows are dropped too', { features: ['Bmi', 'A', 'Big'], target: 'Life', label: 'Country' }],
    ['a constant feature alone: refused', { feature: 'K', target: 'Life' }],
    ['a constant target: refused', { feature: 'Bmi', target: 'K' }],
    ['a missing column: refused', { features: ['Bmi', 'Weight'], target: 'Life' }],
    ['the target among the features: refused', { features: ['Bmi', 'Life'], target: 'Life' }],
    ['a text column: refused', { feature: 'Country', target: 'Life' }],
  ];
  for (const [what, choice] of choices)
    it(`gives the outcome of selectColumns: ${what}`, async () => {
      const expected = selectColumns(table, choice);
      // Slices of 7 rows cut every pass many times, and never at a run's end.
      expect(await inSlices(table, choice, 7)).toEqual(expected);
    });

  it('reports the same skipped rows (count and first lines) and copies each column', async () => {
    const choice = { features: ['Bmi', 'A'], target: 'Life' };
    const outcome = await inSlices(table, choice, 5);
    const expected = selectColumns(table, choice);
    expect(outcome.skipped.count).toBeGreaterThan(20);
    expect(outcome.skipped).toEqual(expected.skipped);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.dataset.x).not.toBe(table.values.get('Bmi'));
    // The moments of the new columns are remembered, as `selectColumns` leaves them.
    expect(columnMoments.known(outcome.dataset.x, outcome.dataset.y)).toBe(true);
  });

  it('refuses values too large to compute with, naming the same line', async () => {
    const big = tableOf(100, true);
    const choice = { feature: 'Big', target: 'Life' };
    const expected = selectColumns(big, choice);
    expect(expected.ok).toBe(false);
    expect(await inSlices(big, choice, 6)).toEqual(expected);
  });

  it('comes at once when the rows fit a slice', () => {
    const choice = { feature: 'Bmi', target: 'Life' };
    expect(selectColumnsInSlices(table, choice, () => {}, undefined, 200)).toEqual(selectColumns(table, choice));
  });

  it('is dropped, done never called, once no longer wanted', async () => {
    let steps = 0;
    let called = false;
    selectColumnsInSlices(
      table,
      { feature: 'Bmi', target: 'Life' },
      () => (called = true),
      () => (steps += 1) < 3,
      7,
    );
    await expect.poll(() => steps).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toBe(3);
    expect(called).toBe(false);
  });
});

describe('passes written as steps', () => {
  it('give the numbers of one pass however they are cut', () => {
    const x = Float64Array.from({ length: 101 }, (_, i) => 1e6 + Math.sin(i) * 3);
    const y = Float64Array.from({ length: 101 }, (_, i) => 70 + Math.cos(i * 1.7));
    for (const slice of [1, 2, 10, 100]) expect(runSteps(momentsSteps(x, y, slice))).toEqual(momentsOf(x, y));
    const dropped = [0, 3, 4, 50, 100];
    for (const slice of [1, 3, 16, 17, 40]) expect(runSteps(withoutRowsSteps(x, dropped, slice))).toEqual(withoutRows(x, dropped));
    expect([...withoutRows(Float64Array.from([1, 2, 4, 8, 16]), [0, 3])]).toEqual([2, 4, 16]);
  });
});
