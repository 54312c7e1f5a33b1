/**
 * Any CSV: choosing the feature and target among the numeric columns, training on a file with other
 * names and column order against its own closed form, refusing what cannot be used while keeping the
 * current data and model, and parsing a large file in a worker with progress.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { seededRandom, splitDataset } from '../../src/core/data/split.ts';
import { leastSquares, metricsOf } from '../../src/core/stats/stats.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import {
  dataError,
  dataSummary,
  loadCsv,
  metricValue,
  modelLine,
  optimumMse,
  predictText,
  trainAndWait,
  waitUntilReady,
} from './app-page.ts';
import { test } from './browser.ts';
import { bundledLikeCsv } from './measure.ts';

/** People's heights and weights with other column names, an id and a text column, in another order. */
function heightsCsv(): { csv: string; x: number[]; y: number[] } {
  const random = seededRandom(3);
  const x: number[] = [];
  const y: number[] = [];
  const lines = ['name,weight_kg,id,height_cm'];
  for (let i = 0; i < 200; i++) {
    const height = Math.round((150 + random() * 45) * 10) / 10;
    const weight = Math.round((0.9 * height - 90 + (random() - 0.5) * 20) * 10) / 10;
    x.push(height);
    y.push(weight);
    lines.push(`P${i},${weight},${i},${height}`);
  }
  return { csv: `${lines.join('\n')}\n`, x, y };
}

function axisLabels(page: Page): Promise<string[]> {
  return page.locator('scatter-plot').evaluate((plot) => {
    const uplot = (plot as HTMLElement & { plot?: { axes: { label?: string }[] } }).plot;
    return (uplot?.axes ?? []).map((axis) => String(axis.label));
  });
}

describe('a CSV with other columns', () => {
  test('trains on the chosen columns and predicts against their own closed form', async ({ open }) => {
    const { page, errors } = await open('?split=0&epochs=200');
    await waitUntilReady(page);
    const { csv, x, y } = heightsCsv();
    await loadCsv(page, 'people.csv', csv);
    expect(await dataSummary(page)).toBe('200 rows from people.csv');
    // Only the numeric columns are offered.
    const options = await page.getByLabel('Feature (x axis)').locator('option').allTextContents();
    expect(options).toEqual(['weight_kg', 'id', 'height_cm']);
    await page.getByLabel('Feature (x axis)').selectOption('height_cm');
    await page.getByLabel('Target (y axis)').selectOption('weight_kg');
    await expect.poll(() => axisLabels(page)).toEqual(['height_cm', 'weight_kg']);
    expect(new URL(page.url()).searchParams.get('feature')).toBe('height_cm');
    expect(new URL(page.url()).searchParams.get('target')).toBe('weight_kg');

    await trainAndWait(page);
    const best = leastSquares(x, y);
    const optimum = metricsOf(best, x, y).mse;
    expect(Math.abs((await optimumMse(page)) - optimum) / optimum).toBeLessThan(1e-9);
    expect(Math.abs((await metricValue(page, 'mse')) - optimum) / optimum).toBeLessThan(1e-3);
    const line = await modelLine(page);
    expect(Math.abs(line.slope - best.slope) / best.slope).toBeLessThan(1e-3);

    // The prediction field is labelled with the chosen feature.
    const result = await predictText(page, '172.5', 'height_cm');
    expect(result.message).toBe('');
    expect(result.output).toBe((best.slope * 172.5 + best.intercept).toFixed(1));
    expect(errors).toEqual([]);
  });
});

describe('files that cannot be used', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const refused = [
    ['chart.png', png, 'image/png', /^chart\.png: Not a CSV file: it looks like a PNG image\. The current data is kept\.$/],
    ['data.json', '{"Bmi": [20, 30], "LifeExpectancy": [60, 80]}', 'application/json', /Not a CSV file: it looks like JSON/],
    ['empty.csv', '', 'text/csv', /^empty\.csv: The file is empty\./],
    ['header.csv', 'Bmi,LifeExpectancy\r\n', 'text/csv', /The file has a header but no data rows\./],
    ['one.csv', 'Country,LifeExpectancy,Bmi\nA,70,25\nB,,26\n', 'text/csv', /Only 1 usable row: at least 2 are needed/],
    ['names.csv', 'Score,Name\n1,A\n2,B\n3,C\n', 'text/csv', /Column "Name" holds text, not numbers; choose a numeric column\./],
  ] as const;

  test(`are refused by name with a message, keeping the data and the model (${refused.map(([name]) => name).join(', ')})`, async ({
    open,
  }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    await trainAndWait(page);
    const before = await predictText(page, '25');
    expect(before.output).toMatch(/^\d+\.\d years$/);
    for (const [name, content, mime, message] of refused) {
      await loadCsv(page, name, content, mime);
      expect(await dataError(page), name).toMatch(message);
      expect(await dataSummary(page), name).toBe('163 rows from bmi_and_life_expectancy.csv');
      expect(await predictText(page, '25'), name).toEqual(before);
    }
    expect(errors).toEqual([]);
  });
});

describe('a large CSV', () => {
  test('is parsed in a worker with progress, then trains', async ({ open }) => {
    const { page, errors } = await open('?epochs=5');
    await waitUntilReady(page);
    // 150,000 rows drawn from the bundled data's rows with a little noise, three of them unusable.
    const csv = bundledLikeCsv(150_000);

    // Record whether the page showed the reading progress.
    await page.locator('data-panel').evaluate((panel) => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const summary = panel.shadowRoot?.querySelector('[data-summary]')?.textContent ?? '';
        if (summary.includes('Reading the file')) seen.push(summary.trim());
      }).observe(panel.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    await loadCsv(page, 'big.csv', csv);
    expect(await dataSummary(page)).toBe('149,997 rows from big.csv');
    await expect(page.locator('data-panel [data-skipped]').textContent()).resolves.toMatch(/Skipped 3 rows.*lines\s+9, 50009, 100009/s);
    expect((await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /csv-worker.*\.js$/.test(e.name)))).toBe(true);
    await expect(page.locator('scatter-plot [role=img]').getAttribute('aria-label')).resolves.toMatch(
      /^Scatter plot of 5,000 of 149,997 rows/,
    );

    await trainAndWait(page);
    const all = parseCsv(csv);
    if (!all.ok) throw new Error(all.error);
    const { train } = splitDataset(all.dataset, DEFAULT_SETTINGS.validationSplit, DEFAULT_SETTINGS.seed);
    const optimum = metricsOf(leastSquares(train.x, train.y), train.x, train.y).mse;
    expect(Math.abs((await optimumMse(page)) - optimum) / optimum).toBeLessThan(1e-9);
    expect(errors).toEqual([]);
  });
});
