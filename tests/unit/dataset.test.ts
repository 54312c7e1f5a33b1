import { describe, expect, it } from 'vitest';
import { chooseColumns, parseCsv } from '../../src/core/data/dataset.ts';
import { bundledCsv } from './bundled-data.ts';

function parsedOk(text: string, choice = {}) {
  const outcome = parseCsv(text, choice);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

describe('parseCsv', () => {
  it('reads the bundled data: 163 rows, Bmi → LifeExpectancy by default', () => {
    const { dataset, columns, numericColumns, skipped } = parsedOk(bundledCsv);
    expect(dataset.x.length).toBe(163);
    expect(dataset.featureName).toBe('Bmi');
    expect(dataset.targetName).toBe('LifeExpectancy');
    expect(dataset.x[0]).toBeCloseTo(20.62058, 9); // Afghanistan
    expect(dataset.y[0]).toBe(52.8);
    expect(columns).toEqual(['Country', 'LifeExpectancy', 'Bmi']);
    expect(numericColumns).toEqual(['LifeExpectancy', 'Bmi']);
    expect(skipped).toEqual({ count: 0, lines: [] });
  });

  it('finds columns by header name, whatever their order', () => {
    const { dataset } = parsedOk('Bmi,LifeExpectancy,Country\n20,60,A\n30,80,B\n');
    expect([...dataset.x]).toEqual([20, 30]);
    expect([...dataset.y]).toEqual([60, 80]);
  });

  it('handles CRLF line ends, a BOM, blank lines and spaces around values', () => {
    const { dataset, skipped } = parsedOk('\uFEFFCountry,LifeExpectancy,Bmi\r\nA, 60 ,20\r\n\r\nB,80,30\r\n\r\n');
    expect([...dataset.x]).toEqual([20, 30]);
    expect([...dataset.y]).toEqual([60, 80]);
    expect(skipped.count).toBe(0);
  });

  it('handles quoted fields and semicolons', () => {
    const { dataset } = parsedOk('"Country";"LifeExpectancy";"Bmi"\n"Bosnia; and Herzegovina";"77";"26.1"\n"B";"80";"30"\n');
    expect([...dataset.x]).toEqual([26.1, 30]);
  });

  it('skips rows with missing or non-numeric values and reports their line numbers', () => {
    const csv = 'Country,LifeExpectancy,Bmi\nA,60,20\nB,,21\nC,70,abc\nD,75,25\nE,NaN,26\nF,80,Infinity\nG\n';
    const { dataset, skipped } = parsedOk(csv);
    expect(dataset.x.length).toBe(2);
    expect(skipped).toEqual({ count: 5, lines: [3, 4, 6, 7, 8] });
  });

  it('keeps the count exact but only the first 20 line numbers', () => {
    const bad = Array.from({ length: 30 }, (_, i) => `X${i},,1`).join('\n');
    const { skipped } = parsedOk(`Country,LifeExpectancy,Bmi\nA,60,20\nB,70,25\n${bad}\n`);
    expect(skipped.count).toBe(30);
    expect(skipped.lines).toHaveLength(20);
    expect(skipped.lines[0]).toBe(4);
  });

  it.each([
    ['', /empty/],
    ['\uFEFF  \n', /empty/],
    ['Country,LifeExpectancy,Bmi\n', /header but no data rows/],
    ['Country,LifeExpectancy,Bmi\nA,60,20\n', /Only 1 usable row:/],
    ['Name,Age\nA,3\nB,4\n', /Column "Name" holds text/],
    ['a,b\n1,2\n', /Only 1 usable row/],
  ])('refuses %j', (text, message) => {
    const outcome = parseCsv(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
  });

  it('uses chosen columns and refuses the same column twice', () => {
    const csv = 'height,weight,name\n1.6,60,a\n1.8,80,b\n1.7,65,c\n';
    const { dataset, numericColumns } = parsedOk(csv, { feature: 'height', target: 'weight' });
    expect([...dataset.y]).toEqual([60, 80, 65]);
    expect(numericColumns).toEqual(['height', 'weight']);
    const same = parseCsv(csv, { feature: 'height', target: 'height' });
    expect(same.ok).toBe(false);
  });

  it('defaults to the first two numeric columns when the usual names are absent', () => {
    expect(chooseColumns({ columns: ['name', 'a', 'b'], numericColumns: ['a', 'b'] })).toEqual({ feature: 'a', target: 'b' });
    expect(chooseColumns({ columns: ['LifeExpectancy', 'x', 'Bmi'], numericColumns: ['x'] })).toEqual({
      feature: 'Bmi',
      target: 'LifeExpectancy',
    });
  });
});
