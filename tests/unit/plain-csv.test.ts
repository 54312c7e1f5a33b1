/**
 * Issue 20, item 9: the CSV worker reads plain files from their bytes (core/csv/plain-csv.ts), not
 * through papaparse. It must give exactly papaparse's table (numbers, text, lines, facts) however the
 * bytes are cut into chunks, and hand any file it cannot read so back to papaparse.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseTable, type Table } from '../../src/core/data/dataset.ts';
import { PlainCsvReader, plainNumber, readsPlainly } from '../../src/core/csv/plain-csv.ts';
import { textAt } from '../../src/core/csv/text-column.ts';
import { seededRandom } from '../../src/core/data/split.ts';
import { bundledCsv } from './bundled-data.ts';

/** The file read plainly, in chunks of `chunk` bytes; false when the reader hands it to papaparse. */
function readPlainly(text: string, chunk = 1 << 16): Table | { error: string } | false {
  const bytes = new TextEncoder().encode(text);
  const delimiter = Papa.parse<unknown[]>(text.slice(0, 65536), { preview: 10 }).meta.delimiter;
  const reader = new PlainCsvReader(delimiter);
  for (let at = 0; at < bytes.length; at += chunk) if (!reader.push(bytes.slice(at, at + chunk))) return false;
  const table = reader.finish();
  return PlainCsvReader.needsPapaparse(table) ? false : table;
}

/** Everything a table holds, as plain values (NaN and -0 kept apart). */
function contents(table: Table) {
  return {
    columns: table.columns,
    numericColumns: table.numericColumns,
    lines: [...table.lines],
    values: table.columns.map((column) => [...table.values.get(column)!].map((value) => (Object.is(value, -0) ? '-0' : String(value)))),
    texts: [...table.texts].map(([column, cells]) => [column, Array.from(cells.starts, (_, row) => textAt(cells, row))]),
    facts: [...table.facts],
  };
}

const FILES: [string, string][] = [
  [
    'the bundled data without its three quoted names',
    bundledCsv
      .split('\n')
      .filter((line) => !line.includes('"'))
      .join('\n'),
  ],
  ['CRLF line ends, a BOM and no final newline', '\uFEFFCountry,Bmi,Life\r\nA,20.5,70\r\nB,21,71.25\r\nC,22,72'],
  ['blank lines and spaces around cells', 'x,y\n\n 1 , 2\n   \n3,4\n,\n5,6\n'],
  [
    'numbers as people write them',
    'x,y\n+1.5,-0\n.5,5.\n1e3,1E-3\n-2.5e+2,0.000123\n123456789012345678,1.50000000000000000\nInfinity,0x10\n-,.\n1e,e5\n00012,-00.10\n',
  ],
  ['text that starts late, and a label column', 'name,v,w\nAlpha,1,2\nBeta,n/a,3\nGamma,2,x\nDelta,3,4\n'],
  ['accents and other scripts in labels', 'Country,Bmi\nCôte d’Ivoire,22.1\nÅland,23\n日本,21.5\nSão Tomé,24\n'],
  ['ragged rows, an empty header and a repeated one', ',a,a,b\nr1,1,2,3\nr2,4\nr3,5,6,7,8\n'],
  ['tab-separated thousands', 'x\ty\n12,345,678\t1\n1,234\t2\n3\t3\n'],
  ['a header only', 'a,b\n'],
];

describe('PlainCsvReader', () => {
  it.each(FILES)('gives papaparse’s table for %s, in any chunk size', (_, text) => {
    const expected = parseTable(text);
    if ('error' in expected) throw new Error(expected.error);
    for (const chunk of [1, 3, 7, 64, 1 << 16]) {
      const table = readPlainly(text, chunk);
      if (table === false || 'error' in table) throw new Error(`not read plainly in chunks of ${chunk}`);
      expect(contents(table)).toEqual(contents(expected));
    }
  });

  it('says a file is empty as papaparse’s path does', () => {
    expect(readPlainly('')).toEqual({ error: 'The file is empty.' });
  });

  it('hands quotes, lone CRs and decimal-comma files to papaparse', () => {
    expect(readPlainly(bundledCsv)).toBe(false);
    expect(readPlainly('a,b\n1,2\n"x,y",3\n')).toBe(false);
    expect(readPlainly('a,b\n1,2\n3,4\n"5",6\n', 4)).toBe(false);
    expect(readPlainly('a,b\n1,2\r3,4\n')).toBe(false);
    expect(readsPlainly(';', '\n')).toBe(false);
    expect(readsPlainly(',', '\r')).toBe(false);
    expect(readsPlainly(',', '\r\n')).toBe(true);
    expect(readsPlainly('\t', '\n')).toBe(true);
  });

  it('reads a plain decimal exactly as Number() does, and leaves the rest to it', () => {
    const random = seededRandom(7);
    const bytes = (text: string) => new TextEncoder().encode(text);
    for (let i = 0; i < 20_000; i++) {
      const digits = Math.floor(random() * 18) + 1;
      let text = (random() < 0.3 ? '-' : '') + Array.from({ length: digits }, () => Math.floor(random() * 10)).join('');
      if (random() < 0.7) {
        const dot = Math.floor(random() * (text.length + 1));
        text = `${text.slice(0, dot)}.${text.slice(dot)}`;
      }
      if (random() < 0.3) text += `e${Math.floor(random() * 60) - 30}`;
      const value = plainNumber(bytes(text), 0, bytes(text).length);
      if (!Number.isNaN(value)) expect(Object.is(value, Number(text)), text).toBe(true);
    }
    expect(plainNumber(bytes('21.08'), 0, 5)).toBe(21.08);
    expect(Number.isNaN(plainNumber(bytes('1,5'), 0, 3))).toBe(true);
  });
});
