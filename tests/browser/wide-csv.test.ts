/**
 * Issue 10, item 9: a CSV of 10,000 columns loads with no main-thread task over 200 ms (measured with a
 * PerformanceObserver for long tasks, not wall time), the column pickers list only its numeric columns
 * (the first 200, with a filter to find the others), and choosing another column works.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { dataError, dataSummary, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

const COLUMNS = 10_000;
const ROWS = 60;

/** Bmi, LifeExpectancy, then 9,998 more: every other one numeric (n2, n4, …), the rest text (t3, t5, …). */
function columnNames(): string[] {
  const names = ['Bmi', 'LifeExpectancy'];
  for (let i = 2; i < COLUMNS; i++) names.push(i % 2 === 0 ? `n${i}` : `t${i}`);
  return names;
}

/** The CSV text: a header of `columnNames()` and `ROWS` rows. */
function wideCsv(): string {
  const names = columnNames();
  const lines = [names.join(',')];
  for (let row = 0; row < ROWS; row++) {
    lines.push(
      names
        .map((name, i) =>
          i === 0 ? String(20 + row * 0.2) : i === 1 ? String(50 + row * 0.5) : name.startsWith('n') ? String((row * i) % 97) : `w${row}`,
        )
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Puts the CSV in the page as a File before anything is measured, fetched as a Blob so it never
 * exists as page JavaScript: handing 3.5 MB over with Playwright's setInputFiles decodes it on the
 * page's thread, and building it there leaves megabytes of garbage, both long tasks of the test's own.
 */
async function makeWideFileInPage(page: Page): Promise<void> {
  const body = wideCsv();
  await page.route('**/test-fixtures/wide.csv', (route) => route.fulfill({ body, contentType: 'text/csv' }));
  await page.evaluate(async () => {
    const blob = await (await fetch('/test-fixtures/wide.csv')).blob();
    (window as unknown as { wideFile: File }).wideFile = new File([blob], 'wide.csv', { type: 'text/csv' });
  });
}

/**
 * Waits inside the page for `condition` on the data panel's shadow root, checked on a timer. Not a
 * Playwright locator: its polling walks every shadow root and, with thousands of options on the page,
 * would itself make the long tasks measured here.
 */
async function waitInPage(page: Page, condition: string, arg: string | number): Promise<void> {
  await page.evaluate(
    ({ condition, arg }) =>
      new Promise<void>((resolve) => {
        // The condition is the test's own source text, run inside the page.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const test = new Function('panel', 'arg', `return ${condition};`) as (panel: Element, arg: unknown) => boolean;
        const check = (): void => {
          const panel = document.querySelector('bmi-app')?.shadowRoot?.querySelector('data-panel');
          if (panel && test(panel, arg)) resolve();
          else setTimeout(check, 50);
        };
        check();
      }),
    { condition, arg },
  );
}

/** Picks the in-page file with the data panel's file input, as a user's choice does, and waits until it is read. */
async function chooseWideFile(page: Page): Promise<void> {
  const before = Number(await page.locator('data-panel').getAttribute('data-files-read'));
  await page.getByLabel(/Load another CSV/).evaluate((input: HTMLInputElement) => {
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as { wideFile: File }).wideFile);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitInPage(page, `panel.getAttribute('data-files-read') === String(arg)`, before + 1);
}

/** Starts recording the duration of every main-thread long task (over 50 ms) from now on. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
  });
}

/** The long tasks so far, after giving the observer a frame to deliver the last ones. */
async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return (window as unknown as { longTasks: number[] }).longTasks;
  });
}

describe('a CSV with 10,000 columns', () => {
  // Long-task durations stretch with the machine's load (measured: on 2 cores shared by many jobs, even
  // the bundled 3-column CSV's render takes 100–480 ms). Each attempt is a real measurement; main
  // failed every one (650 ms unloaded, 1.8–3.6 s loaded), so a retry cannot hide a regression.
  test(
    'loads with no main-thread task over 200 ms; the pickers list only numeric columns and switch columns',
    { retry: 2 },
    async ({ open }) => {
      const { page, errors } = await open('?split=0', { webgpu: false });
      await waitUntilReady(page);
      const numeric = columnNames().filter((name) => !name.startsWith('t'));
      await makeWideFileInPage(page);
      await recordLongTasks(page);

      await chooseWideFile(page);
      // The picker lists as many numeric columns as it shows (200), the chosen one among them.
      await waitInPage(page, `panel.shadowRoot.querySelector('#feature-column').options.length === arg`, 200);
      const loading = await longTasks(page);
      expect(Math.max(0, ...loading), `long tasks while loading: ${loading.join(', ')} ms`).toBeLessThanOrEqual(200);

      expect(await dataError(page)).toBe('');
      expect(await dataSummary(page)).toBe(`${ROWS} rows from wide.csv`);
      const feature = page.locator('data-panel #feature-column');
      const listed = () => feature.evaluate((select: HTMLSelectElement) => [...select.options].map((option) => option.value));
      expect(await listed()).toEqual(numeric.slice(0, 200));
      expect(await feature.inputValue()).toBe('Bmi');

      // Usable: the filter finds a column far down the table, and choosing it takes it, still without a long task over 200 ms.
      await recordLongTasks(page);
      await page.locator('data-panel [data-column-filter]').fill('n9998');
      await waitInPage(
        page,
        `[...panel.shadowRoot.querySelector('#feature-column').options].some((option) => option.value === arg)`,
        'n9998',
      );
      expect((await listed()).every((name) => numeric.includes(name))).toBe(true);
      expect(await listed()).toContain('Bmi'); // the chosen column stays listed
      await feature.selectOption('n9998');
      // The scatter plot draws the newly chosen column.
      await waitInPage(
        page,
        `panel.shadowRoot.querySelector('point-views')?.shadowRoot?.querySelector('scatter-plot')?.data?.featureName === arg`,
        'n9998',
      );
      const choosing = await longTasks(page);
      expect(Math.max(0, ...choosing), `long tasks while choosing: ${choosing.join(', ')} ms`).toBeLessThanOrEqual(200);
      expect(await feature.inputValue()).toBe('n9998');
      expect(errors).toEqual([]);
    },
  );
});
