/**
 * A stranger's CSV in the built app (issue 21): a semicolon file with decimal commas, an id column,
 * a constant year and identifiers gets the columns a person would pick, says why, warns about a
 * row-number column chosen by hand and refuses a constant one; a plain text file is refused as not a
 * table; R's write.csv row names label the points.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { dataError, dataSummary, loadCsv, trainAndWait, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

/** The file: `id;Region;Year;Country name;Population;Mean BMI;Life exp.`, decimal commas, 20 countries. */
function europeanCsv(): string {
  const lines = ['id;Region;Year;Country name;Population;Mean BMI;Life exp.'];
  for (let i = 0; i < 20; i++) {
    const bmi = 20 + ((i * 7) % 11) + i / 100;
    const life = 50 + 2 * bmi + ((i * 5) % 3);
    const comma = (value: number) => value.toFixed(2).replace('.', ',');
    lines.push(
      [i + 1, ['Europe', 'Asia', 'Africa'][i % 3], 2014, `Country ${i}`, 1_000_000 + i * 37_919, comma(bmi), comma(life)].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const selected = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');

const text = (page: Page, selector: string) =>
  page
    .locator(`data-panel ${selector}`)
    .textContent()
    .then((content) => (content ?? '').replace(/\s+/g, ' ').trim());

describe("a stranger's CSV", () => {
  test('decimal commas read as numbers, the columns a person would pick, and why', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await loadCsv(page, 'countries.csv', europeanCsv());
    expect(await dataError(page)).toBe('');
    expect(await dataSummary(page)).toBe('20 rows from countries.csv');
    expect(await selected(page, 'Feature (x axis)')).toBe('Mean BMI');
    expect(await selected(page, 'Target (y axis)')).toBe('Life exp.');
    expect(await selected(page, 'Label (names the points)')).toBe('Country name');
    expect(await text(page, '[data-column-choice]')).toBe(
      'Feature Mean BMI and target Life exp.: the first two numeric columns that measure something, passing over id (row numbers 1 to 20), ' +
        'Year (2014 in every row), Population (a different whole number in every row, like an identifier); Country name names the points, its values all different.',
    );
    await expect(page.locator('data-panel [data-column-warning]').count()).resolves.toBe(0);

    // Row numbers chosen by hand: taken, with a visible warning, and the sentence about defaults gone.
    await page.getByLabel('Feature (x axis)', { exact: true }).selectOption('id');
    await page.locator('data-panel [data-column-warning]').waitFor();
    expect(await text(page, '[data-column-warning]')).toBe(
      '⚠ id looks like row numbers (1 to 20, each once): a line through them says nothing about the data.',
    );
    await expect(page.locator('data-panel [data-column-choice]').count()).resolves.toBe(0);

    // A constant column cannot be fitted: refused with the reason, never trained to "MSE 0.0000".
    await page.getByLabel('Target (y axis)', { exact: true }).selectOption('Year');
    expect(await dataError(page)).toBe(
      'countries.csv: Column "Year" has the same value (2014) in every row: a line cannot be fitted to a constant target; choose another column. The current data is kept.',
    );
    expect(await selected(page, 'Target (y axis)')).toBe('Life exp.');

    // The data's own word for its rows reaches the form.
    await page.getByLabel('Feature (x axis)', { exact: true }).selectOption('Mean BMI');
    await trainAndWait(page);
    const field = page.locator('bmi-predictor').getByLabel('Mean BMI', { exact: true });
    await field.fill('25');
    await field.press('Enter');
    await expect(page.locator('bmi-predictor [part=interval]').textContent()).resolves.toMatch(/^; 95% of countries with this Mean BMI: /);
    expect(errors).toEqual([]);
  });

  test('a column with a unit in every cell is named, and why it is text', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    const rows = Array.from({ length: 12 }, (_, i) => `C${i},${(60 + i * 1.5).toFixed(1)} kg,${(20 + i * 0.7).toFixed(2)},${60 + i}`);
    await loadCsv(page, 'units.csv', `Country,Weight,Bmi,LifeExpectancy\n${rows.join('\n')}\n`);
    expect(await dataError(page)).toBe('');
    expect(await text(page, '[data-text-columns]')).toBe('Read as text, not numbers: Weight: a unit in every cell: 60.0 kg.');
    expect(errors).toEqual([]);
  });

  test('a plain text file is refused as not a table, saying what was expected; the data stays', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await loadCsv(page, 'notes.txt', 'Notes from the meeting\nWe looked at the data.\nNext time: the spreadsheet.\n', 'text/plain');
    expect(await dataError(page)).toMatch(
      /^notes\.txt: This is not a table: its lines have no commas, semicolons or tabs between values\. Expected a CSV file: a header line naming the columns, .* The current data is kept\.$/,
    );
    expect(await dataSummary(page)).toBe('163 rows from bmi_and_life_expectancy.csv');
    expect(errors).toEqual([]);
  });

  test("R's write.csv row names label the points", async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    const csv =
      '"","Bmi","LifeExpectancy"\n"Afghanistan",20.62058,52.8\n"Albania",26.44657,76.8\n"Algeria",24.5962,75.5\n"Angola",22.25083,56.7\n';
    await loadCsv(page, 'from-r.csv', csv);
    expect(await dataError(page)).toBe('');
    expect(await selected(page, 'Label (names the points)')).toBe('Row names');
    const names = await page
      .locator('scatter-plot')
      .evaluate((plot) => (plot as HTMLElement & { rowNamed(label: string): number }).rowNamed('Albania'));
    expect(names).toBe(1);
    expect(errors).toEqual([]);
  });
});
