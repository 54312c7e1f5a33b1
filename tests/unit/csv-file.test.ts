import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { streamTable, type ParseProgress } from '../../src/core/csv/csv-stream.ts';
import { parseTable, selectColumns, type Table } from '../../src/core/data/dataset.ts';
import { checkCsvFile } from '../../src/core/csv/file-check.ts';
import { startsLikeJsonObject } from '../../src/core/text.ts';
import { bundledCsv } from './bundled-data.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const file = (name: string, type = '', size = 100) => ({ name, type, size });

describe('checkCsvFile', () => {
  it('lets CSV text through, with or without a BOM, whatever the name', () => {
    expect(checkCsvFile(file('data.csv', 'text/csv'), text('a,b\n1,2\n'))).toBeUndefined();
    expect(checkCsvFile(file('export.txt'), text('\uFEFFa;b\n1;2\n'))).toBeUndefined();
  });

  it.each([
    ['a PNG', file('photo.png', 'image/png'), bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), /PNG image/],
    ['a PNG renamed .csv', file('photo.csv', 'text/csv'), bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), /PNG image/],
    ['a PDF', file('paper.pdf'), text('%PDF-1.7'), /PDF/],
    ['an Excel workbook', file('book.xlsx'), bytes(0x50, 0x4b, 0x03, 0x04), /ZIP archive.*save it as CSV/],
    ['binary data', file('blob.bin'), bytes(0x01, 0x00, 0x02), /binary/],
    ['an image type', file('x.webp', 'image/webp'), text('RIFF'), /image data/],
    ['JSON by name', file('data.json'), text('[1, 2]'), /JSON/],
    ['JSON by content', file('data.csv'), text('  {"Bmi": 20}'), /JSON/],
  ])('refuses %s', (_, facts, head, message) => {
    expect(checkCsvFile(facts, head)).toMatch(message);
  });

  it('refuses an empty file', () => {
    expect(checkCsvFile(file('empty.csv', 'text/csv', 0), new Uint8Array())).toBe('The file is empty.');
  });
});

describe('startsLikeJsonObject', () => {
  it('sees an object past a BOM and blanks, and nothing else', () => {
    expect(startsLikeJsonObject('\uFEFF \n {"bmi": 1}')).toBe(true);
    expect(startsLikeJsonObject('{')).toBe(true);
    expect(startsLikeJsonObject('bmi=28.45')).toBe(false);
    expect(startsLikeJsonObject('[1]')).toBe(false);
    expect(startsLikeJsonObject('Country,Bmi\n')).toBe(false);
  });
});

describe('streamTable', () => {
  // The CSV worker streams a File the same way; a text is what Node can give papaparse here.
  const parseTableStream = (text: string, onProgress?: (progress: ParseProgress) => void, chunkSize?: number) =>
    streamTable((config) => Papa.parse(text, config), text.length, onProgress, chunkSize);

  const expectSameTable = (a: Table, b: Table) => {
    expect(a.columns).toEqual(b.columns);
    expect(a.numericColumns).toEqual(b.numericColumns);
    expect([...a.lines]).toEqual([...b.lines]);
    for (const column of a.columns) expect([...a.values.get(column)!]).toEqual([...b.values.get(column)!]);
  };

  it('gives the same table as parsing the whole text, with progress up to 1', async () => {
    const progress: number[] = [];
    const outcome = await parseTableStream(bundledCsv, (p) => progress.push(p.fraction));
    if (!outcome.ok) throw new Error(outcome.error);
    expectSameTable(outcome.table, parseTable(bundledCsv) as Table);
    expect(progress.at(-1)).toBe(1);
  });

  it('keeps line numbers right across chunks of a large file', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i % 7 === 0 ? '' : 20 + (i % 10)},${50 + (i % 30)}`);
    const csv = `Bmi,LifeExpectancy\r\n${rows.join('\r\n')}\r\n`;
    const chunks: number[] = [];
    const outcome = await parseTableStream(csv, (p) => chunks.push(p.rows), 64 * 1024);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(chunks.length).toBeGreaterThan(1);
    expect(outcome.table.lines.length).toBe(120_000);
    expect(outcome.table.lines[119_999]).toBe(120_001);
    const selected = selectColumns(outcome.table);
    if (!selected.ok) throw new Error(selected.error);
    expect(selected.skipped.count).toBe(Math.ceil(120_000 / 7));
    expect(selected.skipped.lines.slice(0, 2)).toEqual([2, 9]);
  });

  it('says a file with no text at all is empty', async () => {
    expect(await parseTableStream('')).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('refuses a header without rows when columns are chosen', async () => {
    const outcome = await parseTableStream('Bmi,LifeExpectancy\n');
    if (!outcome.ok) throw new Error(outcome.error);
    expect(selectColumns(outcome.table)).toMatchObject({ ok: false, error: 'The file has a header but no data rows.' });
  });
});
