/**
 * Issue 22, class 8: any header name is a column like any other. Rows were plain objects keyed by the
 * header, so a column named `__proto__` lost every cell (read back as Object.prototype: "[object
 * Object]" as a label, "holds text" as a number) and `constructor` a missing cell's place. Rows are
 * now arrays read by column index, in the whole-text path (the page's bundled data, `train`) and the
 * streamed one (the CSV worker).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { streamTable } from '../../src/core/csv/csv-stream.ts';
import { textAt } from '../../src/core/csv/text-column.ts';
import { columnLabel, columnUnit } from '../../src/core/data/columns.ts';
import { parseCsv, parseTable, selectColumns, type Table } from '../../src/core/data/dataset.ts';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__parsed_extra', '__defineGetter__'];

/** A CSV whose numeric columns and label column carry the names objects inherit. */
function hostileCsv(feature: string, target: string, label: string): string {
  const rows = [`${label},${feature},${target}`];
  for (let i = 0; i < 6; i++) rows.push(`Name ${i},${20 + i},${50 + 3 * i + (i % 2)}`);
  return `${rows.join('\n')}\n`;
}

async function streamed(text: string): Promise<Table> {
  const outcome = await streamTable((config) => Papa.parse(text, config), text.length, undefined, 16);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.table;
}

describe('header names objects inherit', () => {
  it.each(PROTOTYPE_NAMES.flatMap((feature) => PROTOTYPE_NAMES.filter((name) => name !== feature).map((target) => [feature, target])))(
    'a numeric %s and %s train like any columns, whole text and streamed',
    async (feature, target) => {
      const label = feature === '__proto__' || target === '__proto__' ? 'constructor' : '__proto__';
      if (label === feature || label === target) return;
      const text = hostileCsv(feature, target, label);
      for (const table of [parseTable(text) as Table, await streamed(text)]) {
        expect(table.columns).toEqual([label, feature, target]);
        expect(table.numericColumns).toEqual([feature, target]);
        const outcome = selectColumns(table, { feature, target });
        if (!outcome.ok) throw new Error(outcome.error);
        const { dataset } = outcome;
        expect(Array.from(dataset.x)).toEqual([20, 21, 22, 23, 24, 25]);
        expect(Array.from(dataset.y)).toEqual([50, 54, 56, 60, 62, 66]);
        expect(dataset.labelName).toBe(label);
        expect(textAt(dataset.labels!, 2)).toBe('Name 2');
      }
    },
  );

  it('the column the issue saw refused as text: __proto__ is numbers, and its label is not "[object Object]"', () => {
    const outcome = parseCsv('Country,__proto__,LifeExpectancy\nA,20,50\nB,22,56\nC,25,61\n', { feature: '__proto__' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.numericColumns).toEqual(['__proto__', 'LifeExpectancy']);
    const labels = parseCsv('__proto__,Bmi,LifeExpectancy\nAlbania,20,50\nAngola,22,56\n');
    expect(labels.ok && textAt(labels.dataset.labels!, 1)).toBe('Angola');
  });

  it('a short row leaves its cells empty rather than inheriting something', () => {
    const outcome = parseCsv('Bmi,constructor,LifeExpectancy\n20,1,50\n21\n22,3,56\n23,4,57\n', {
      feature: 'Bmi',
      target: 'LifeExpectancy',
    });
    expect(outcome.ok && outcome.skipped).toEqual({ count: 1, lines: [3] });
    expect(outcome.numericColumns).toEqual(['Bmi', 'constructor', 'LifeExpectancy']);
  });

  it('repeated and empty header names are handled as before: numbered, and nameless columns left out', async () => {
    const text = 'a,a,,b,a\n1,2,3,4,5\n6,7,8,9,10\n';
    for (const table of [parseTable(text) as Table, await streamed(text)]) {
      expect(table.columns).toEqual(['a', 'a_1', 'b', 'a_2']);
      expect(Array.from(table.values.get('a_2')!)).toEqual([5, 10]);
      expect(Array.from(table.values.get('b')!)).toEqual([4, 9]);
    }
  });

  it('column names and units: no inherited property is taken for a known column', () => {
    for (const name of PROTOTYPE_NAMES) {
      expect(columnLabel(name)).toBe(name);
      expect(columnUnit(name)).toBe('');
    }
    expect(columnLabel('Bmi')).toBe('BMI');
  });
});
