/** The label column: which row each point is, kept through parsing and column choice. */
import { describe, expect, it } from 'vitest';
import { parseCsv, parseTable, selectColumns, type Table } from '../../src/core/data/dataset.ts';
import { pointName, rowOfLabel } from '../../src/core/view/point-text.ts';
import { textAt, type TextColumn } from '../../src/core/csv/text-column.ts';
import { bundledDataset } from './bundled-data.ts';

const cells = (column: TextColumn | false | undefined) => (column ? Array.from(column.starts, (_, i) => textAt(column, i)) : column);

function table(text: string): Table {
  const parsed = parseTable(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

describe('label column', () => {
  it('the bundled data names each row by its Country, in row order', () => {
    expect(bundledDataset.labelName).toBe('Country');
    expect(cells(bundledDataset.labels)).toHaveLength(163);
    expect(pointName(bundledDataset, 0)).toBe('Afghanistan');
    const tonga = rowOfLabel(bundledDataset, 'Tonga');
    expect(bundledDataset.x[tonga]).toBeGreaterThan(30);
  });

  it('stays aligned with x and y when rows are skipped', () => {
    const parsed = parseCsv('Name,Bmi,LifeExpectancy\nA,20,60\nB,,61\nC,22,65\n');
    expect(cells(parsed.ok && parsed.dataset.labels)).toEqual(['A', 'C']);
    expect(parsed.ok && [...parsed.dataset.y]).toEqual([60, 65]);
  });

  it('is none when a CSV has two text columns, until the user chooses one', () => {
    const t = table('Name,Region,Bmi,LifeExpectancy\nA,X,20,60\nB,Y,22,65\n');
    const auto = selectColumns(t);
    expect(auto.ok && auto.dataset.labels).toBeUndefined();
    const chosen = selectColumns(t, { label: 'Region' });
    expect(cells(chosen.ok && chosen.dataset.labels)).toEqual(['X', 'Y']);
  });

  it('can be switched off, and a numeric column is never a label', () => {
    const t = table('Name,Bmi,LifeExpectancy\nA,20,60\nB,22,65\n');
    const none = selectColumns(t, { label: null });
    expect(none.ok && none.dataset.labels).toBeUndefined();
    const numeric = selectColumns(t, { label: 'Bmi' });
    expect(numeric.ok && numeric.dataset.labels).toBeUndefined();
    expect([...t.texts.keys()]).toEqual(['Name']);
  });

  it('keeps a text cell that comes after blank ones at its own row', () => {
    const parsed = parseCsv('Name,Bmi,LifeExpectancy\n,20,60\n,21,62\nC,22,65\n');
    expect(cells(parsed.ok && parsed.dataset.labels)).toEqual(['', '', 'C']);
  });
});
