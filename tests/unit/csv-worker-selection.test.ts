/**
 * Issue 20, item 9: the CSV worker takes the columns (a pass over every row) and their moments, so
 * the page receives a data set it only shows. The page's data set is the one `selectColumns` gives on
 * the same table, and its moments and cross-products are the worker's, remembered, not computed again.
 */
import { describe, expect, it } from 'vitest';
import { parseTable, selectColumns, type ColumnChoice } from '../../src/core/data/dataset.ts';
import { datasetCrossProducts, datasetMoments } from '../../src/core/data/dataset-facts.ts';
import { textAt } from '../../src/core/csv/text-column.ts';
import {
  factsOfSelected,
  packTable,
  selectInWorker,
  transferablesOfOutcome,
  unpackOutcome,
  type PackedTableOutcome,
} from '../../src/worker/csv-protocol.ts';

const CSV = 'Name,a,b,c,y\nP,1,2,5,3\nQ,2,,1,5\nR,3,1,4,6\nS,4,3,2,9\nT,5,5,3,10\n';

function freshTable() {
  const table = parseTable(CSV);
  if ('error' in table) throw new Error(table.error);
  return table;
}

/** What the worker posts for `choices`, as the page receives it (cloned, buffers transferred), and the same table parsed on the page. */
function throughTheWorker(choices: ColumnChoice[]) {
  const table = freshTable();
  const packed = packTable(freshTable());
  const selected = selectInWorker(packed, choices);
  const facts = factsOfSelected(selected);
  const outcome: PackedTableOutcome = { ok: true, table: packed, selected, ...(facts ? { facts } : {}) };
  const transfer = transferablesOfOutcome(packed, selected);
  expect(new Set(transfer).size).toBe(transfer.length);
  const received = structuredClone(outcome, { transfer });
  // Handed over, not copied: the worker keeps none of the buffers.
  expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
  return { table, received, page: unpackOutcome(received) };
}

describe('the CSV worker’s column choice', () => {
  it('gives the page selectColumns’ data set, skipped rows and labels, and its moments without a pass on the page', () => {
    const { table, received, page } = throughTheWorker([{ feature: 'a', target: 'y' }]);
    const expected = selectColumns(table, { feature: 'a', target: 'y' });
    const [chosen] = page.ok ? (page.selected ?? []) : [];
    if (!chosen?.ok || !expected.ok) throw new Error('no data set');
    expect([...chosen.dataset.x]).toEqual([...expected.dataset.x]);
    expect([...chosen.dataset.y]).toEqual([...expected.dataset.y]);
    expect(chosen.skipped).toEqual(expected.skipped);
    expect(Array.from(chosen.dataset.labels!.starts, (_, row) => textAt(chosen.dataset.labels!, row))).toEqual(['P', 'Q', 'R', 'S', 'T']);
    // The moments the worker computed: the same object, so the page made no pass of its own.
    expect(received.ok && received.facts?.moments).toBeTruthy();
    expect(datasetMoments(chosen.dataset)).toBe(received.ok && received.facts?.moments);
    expect(datasetMoments(chosen.dataset)).toEqual(datasetMoments(expected.dataset));
  });

  it('tries the choices in order, says why one was refused, and remembers the cross-products of several features', () => {
    const { table, received, page } = throughTheWorker([
      { feature: 'Name', target: 'y' },
      { features: ['a', 'b', 'c'], target: 'y' },
    ]);
    const selected = page.ok ? (page.selected ?? []) : [];
    expect(selected).toHaveLength(2);
    expect(selected[0].ok).toBe(false);
    const chosen = selected[1];
    if (!chosen.ok) throw new Error(chosen.error);
    expect(chosen.skipped).toEqual({ count: 1, lines: [3] });
    const expected = selectColumns(table, { features: ['a', 'b', 'c'], target: 'y' });
    if (!expected.ok) throw new Error(expected.error);
    expect(datasetCrossProducts(chosen.dataset)).toBe(received.ok && received.facts?.crossProducts);
    expect(datasetCrossProducts(chosen.dataset)).toEqual(datasetCrossProducts(expected.dataset));
  });
});
