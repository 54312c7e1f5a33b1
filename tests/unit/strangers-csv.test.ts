/**
 * A stranger's CSV as people write them (issue 21): the columns a person would pick by default,
 * decimal commas and thousands separators, why a column is text, a plain text file refused as not a
 * table, and R's write.csv row names as the label.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { streamTable } from '../../src/core/csv/csv-stream.ts';
import { textAt } from '../../src/core/csv/text-column.ts';
import { columnNotes } from '../../src/core/view/column-notes.ts';
import { packTable, unpackTable } from '../../src/worker/csv-protocol.ts';
import { parseCsv, parseTable, selectColumns, type Table } from '../../src/core/data/dataset.ts';
import { bundledCsv } from './bundled-data.ts';

/** The file: `id;Region;Year;Country name;Population;Mean BMI;Life exp.`, 20 countries in 2014. */
function europeanCsv(decimal: ',' | '.'): { csv: string; bmi: number[]; life: number[] } {
  const bmi: number[] = [];
  const life: number[] = [];
  const lines = ['id;Region;Year;Country name;Population;Mean BMI;Life exp.'];
  for (let i = 0; i < 20; i++) {
    const b = 20 + ((i * 7) % 11) + i / 100;
    const l = 50 + 2 * b + ((i * 5) % 3);
    bmi.push(b);
    life.push(l);
    const write = (value: number) => value.toFixed(2).replace('.', decimal);
    lines.push([i + 1, ['Europe', 'Asia', 'Africa'][i % 3], 2014, `Country ${i}`, 1_000_000 + i * 37_919, write(b), write(l)].join(';'));
  }
  return { csv: `${lines.join('\n')}\n`, bmi, life };
}

function table(text: string): Table {
  const parsed = parseTable(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

function chosen(text: string, choice = {}) {
  const outcome = parseCsv(text, choice);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.dataset;
}

describe('the columns a person would pick', () => {
  it('passes over row numbers, a constant year and identifiers; labels with the all-different names', () => {
    const { csv, bmi, life } = europeanCsv('.');
    const data = chosen(csv);
    expect([data.featureName, data.targetName, data.labelName]).toEqual(['Mean BMI', 'Life exp.', 'Country name']);
    expect([...data.x]).toEqual(bmi.map((b) => Number(b.toFixed(2))));
    expect([...data.y]).toEqual(life.map((l) => Number(l.toFixed(2))));
    const facts = table(csv).facts;
    expect(facts.get('id')?.role).toBe('row-number');
    expect(facts.get('Year')).toEqual({ role: 'constant', min: 2014, max: 2014 });
    expect(facts.get('Population')?.role).toBe('identifier');
    expect(facts.get('Mean BMI')).toBeUndefined();
  });

  it('keeps the bundled data as it was: Bmi → LifeExpectancy, labelled by Country', () => {
    const data = chosen(bundledCsv);
    expect([data.featureName, data.targetName, data.labelName]).toEqual(['Bmi', 'LifeExpectancy', 'Country']);
  });

  it('refuses a constant column chosen by hand, saying it cannot be fitted', () => {
    const { csv } = europeanCsv('.');
    const asTarget = parseCsv(csv, { feature: 'Mean BMI', target: 'Year' });
    expect(asTarget.ok ? '' : asTarget.error).toBe(
      'Column "Year" has the same value (2014) in every row: a line cannot be fitted to a constant target; choose another column.',
    );
    const asFeature = parseCsv(csv, { feature: 'Year', target: 'Life exp.' });
    expect(asFeature.ok ? '' : asFeature.error).toMatch(/^Column "Year" has the same value \(2014\) in every row: .* constant feature/);
  });

  it('takes row numbers chosen by hand (the page warns), and never calls a handful of rows identifiers', () => {
    const { csv } = europeanCsv('.');
    expect(chosen(csv, { feature: 'id', target: 'Life exp.' }).featureName).toBe('id');
    expect(table('a,b\n1,2\n2,5\n3,4\n').facts.size).toBe(0);
  });

  it('leaves the label to the user when two text columns both name every row', () => {
    expect(chosen('Name,Code,Bmi,LifeExpectancy\nA,X,20,60\nB,Y,22,65\n').labelName).toBeUndefined();
  });
});

describe('numbers as people write them', () => {
  it('reads the same streamed in chunks as in one piece, and the facts cross to the page with the table', async () => {
    const { csv } = europeanCsv(',');
    const streamed = await streamTable(
      (config) => Papa.parse(csv, config),
      csv.length,
      () => {},
      64,
    );
    if (!streamed.ok) throw new Error(streamed.error);
    const whole = table(csv);
    expect([...streamed.table.values.get('Mean BMI')!]).toEqual([...whole.values.get('Mean BMI')!]);
    expect(streamed.table.facts).toEqual(whole.facts);
    expect(unpackTable(structuredClone(packTable(whole))).facts).toEqual(whole.facts);
  });

  it('reads decimal commas in a semicolon-separated file', () => {
    const { csv, bmi, life } = europeanCsv(',');
    const data = chosen(csv);
    expect([data.featureName, data.targetName]).toEqual(['Mean BMI', 'Life exp.']);
    expect(data.x[0]).toBe(Number(bmi[0].toFixed(2)));
    expect([...data.y]).toEqual(life.map((l) => Number(l.toFixed(2))));
  });

  it('reads dots as thousands separators in a decimal-comma column, and plain dots elsewhere in the same file', () => {
    const data = chosen('Bmi;LifeExpectancy;Income\n20,5;60;1.234,5\n22;65,25;12.000\n24,125;70;1.000.000\n');
    expect([...data.x]).toEqual([20.5, 22, 24.125]);
    expect([...table('a;b;c\n1.234;2;x\n2.5;3;y\n').values.get('a')!]).toEqual([1.234, 2.5]);
    const mixed = table('Income;LifeExpectancy;Country\n1.234,5;60;A\n12.000;65;B\n1.000.000;70;C\n');
    expect([...mixed.values.get('Income')!]).toEqual([1234.5, 12000, 1000000]);
  });

  it('reads thousands separators in a comma-separated file where they cannot be decimal commas', () => {
    const population = table('Country,Population,Bmi\nA,"12,345,678",20\nB,"1,234",21\nC,"987,654.5",22\n');
    expect(population.numericColumns).toContain('Population');
    expect([...population.values.get('Population')!]).toEqual([12345678, 1234, 987654.5]);
  });

  it('says why a column is text: decimal commas in a comma-separated file, a unit in every cell', () => {
    const commas = parseCsv('Country,Bmi,LifeExpectancy\nA,"20,62",60\nB,"21,5",61\nC,"22,75",62\n');
    expect(commas.ok ? '' : commas.error).toBe(
      'Column "Bmi" holds text, not numbers (numbers written with decimal commas: 20,62); choose a numeric column.',
    );
    const units = parseCsv('Country,Bmi,LifeExpectancy\nA,21.3 kg/m²,60\nB,22 kg/m²,61\nC,23.5 kg/m²,62\n');
    expect(units.ok ? '' : units.error).toMatch(/holds text, not numbers \(a unit in every cell: 21\.3 kg\/m²\)/);
    const ambiguous = table('Country,Population,Bmi\nA,"1,234",20\nB,"5,678",21\n').facts.get('Population');
    expect(ambiguous?.textCause).toBe('numbers with a comma that may be a decimal mark or a thousands separator: 1,234');
    expect(table('Name,Bmi\nAnna,20\nBob,21\n').facts.get('Name')?.textCause).toBeUndefined();
  });
});

describe('files that are not tables', () => {
  it('refuses a plain text file as not a table, saying what was expected', () => {
    const notes = parseCsv('Notes from the meeting\nWe talked about the data.\nNext time bring the spreadsheet.\n');
    expect(notes.ok ? '' : notes.error).toMatch(
      /^This is not a table: its lines have no commas, semicolons or tabs between values\. Expected a CSV file: a header line naming the columns/,
    );
    const prose = parseCsv('Dear John, how are you?\nI am fine, thanks, and you?\nAll good.\n');
    expect(prose.ok ? '' : prose.error).toMatch(/^This is not a table of data: none of its 2 columns holds numbers\. Expected a CSV file/);
  });

  it('says when the only numbers are written so they read as text', () => {
    const outcome = parseCsv('Country,Bmi,LifeExpectancy\nA,"20,62","60,5"\nB,"21,5","61,25"\n');
    expect(outcome.ok ? '' : outcome.error).toMatch(
      /^No column reads as numbers \("Bmi": numbers written with decimal commas: 20,62; "LifeExpectancy": numbers written with decimal commas: 60,5\)\./,
    );
  });

  it('says a single numeric column is one column short', () => {
    const outcome = parseCsv('Bmi\n20\n21\n22\n');
    expect(outcome.ok ? '' : outcome.error).toBe(
      'The file has one column ("Bmi"): a line needs two numeric columns, a feature and a target.',
    );
  });
});

describe("R's write.csv", () => {
  it('labels the points with the row names under the empty header', () => {
    const csv = '"","Bmi","LifeExpectancy"\n"Afghanistan",20.62058,52.8\n"Albania",26.44657,76.8\n"Algeria",24.5962,75.5\n';
    const data = chosen(csv);
    expect(data.labelName).toBe('Row names');
    expect(data.labels && [0, 1, 2].map((row) => textAt(data.labels!, row))).toEqual(['Afghanistan', 'Albania', 'Algeria']);
  });

  it('prefers the row names to another all-different text column, and leaves numbered row names out', () => {
    const named = table('"","Code","Bmi","LifeExpectancy"\n"Afghanistan","AF",20,52\n"Albania","AL",26,76\n"Algeria","DZ",24,75\n');
    expect(selectColumns(named).ok && (selectColumns(named) as { dataset: { labelName?: string } }).dataset.labelName).toBe('Row names');
    const numbered = table('"","Bmi","LifeExpectancy"\n"1",20,52\n"2",26,76\n"3",24,75\n');
    expect(numbered.columns).toEqual(['Bmi', 'LifeExpectancy']);
  });
});

describe('what the page says about the columns', () => {
  it('says in one sentence which columns it chose and why, and nothing when the user chose', () => {
    const { csv } = europeanCsv(',');
    const data = chosen(csv);
    expect(columnNotes(table(csv), data, true)).toEqual({
      choice:
        'Feature Mean BMI and target Life exp.: the first two numeric columns that measure something, passing over id (row numbers 1 to 20), ' +
        'Year (2014 in every row), Population (a different whole number in every row, like an identifier); Country name names the points, its values all different.',
      warnings: [],
      asText: [],
    });
    expect(columnNotes(table(csv), data, false).choice).toBe('');
    expect(columnNotes(table(bundledCsv), chosen(bundledCsv), true).choice).toBe(
      'Feature BMI and target Life expectancy: the columns this app is built around; Country names the points, the only text column.',
    );
  });

  it('warns about row numbers or identifiers chosen by hand', () => {
    const { csv } = europeanCsv('.');
    const notes = columnNotes(table(csv), chosen(csv, { feature: 'id', target: 'Population' }), false);
    expect(notes.warnings).toEqual([
      'id looks like row numbers (1 to 20, each once): a line through them says nothing about the data.',
      'Population holds a different whole number in every row, as identifiers do: if it names the rows rather than measures them, a line through it means nothing.',
    ]);
  });

  it('names the text columns written as numbers, and why', () => {
    const csv = 'Country,Weight,Bmi,LifeExpectancy\nA,71.5 kg,20,60\nB,80 kg,21,61\nC,66 kg,22,65\n';
    expect(columnNotes(table(csv), chosen(csv), true).asText).toEqual(['Weight: a unit in every cell: 71.5 kg']);
  });
});
