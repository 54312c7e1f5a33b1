/**
 * Issue 10, item 9: the CSV worker hands the page a table in a few buffers, whatever its width, and
 * the page gets exactly the table back (numbers, text cells, lines).
 */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/core/data/dataset.ts';
import { textAt } from '../../src/core/csv/text-column.ts';
import { packTable, transferablesOf, unpackTable } from '../../src/worker/csv-protocol.ts';

describe('packTable / unpackTable', () => {
  it('round-trips numbers, text cells and lines, in five buffers for 10,000 columns', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? `n${i}` : `t${i}`));
    const rows = Array.from({ length: 5 }, (_, row) =>
      names.map((name, i) => (name.startsWith('n') ? String(row * i) : `w${row}-${i}`)).join(','),
    );
    const table = parseTable(`${names.join(',')}\n${rows.join('\n')}\n`);
    if ('error' in table) throw new Error(table.error);
    const packed = packTable(table);
    expect(transferablesOf(packed)).toHaveLength(5);
    const back = unpackTable(structuredClone(packed));
    expect(back.columns).toEqual(table.columns);
    expect(back.numericColumns).toEqual(table.numericColumns);
    expect([...back.lines]).toEqual([...table.lines]);
    for (const column of ['n0', 'n9998']) expect([...back.values.get(column)!]).toEqual([...table.values.get(column)!]);
    expect([...back.texts.keys()]).toEqual([...table.texts.keys()]);
    for (const column of ['t1', 't9999']) {
      const cells = (t: typeof table) => Array.from({ length: 5 }, (_, row) => textAt(t.texts.get(column)!, row));
      expect(cells(back)).toEqual(cells(table));
    }
  });
});
