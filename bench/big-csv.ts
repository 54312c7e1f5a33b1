/**
 * A large CSV file through the app's own path, as a user meets it: picked in the file input, parsed
 * in the CSV worker, shown; then a 5-epoch run on it, and what the page does after the run. Reports
 * the time from pick to shown and the longest main-thread task of each phase (long tasks: over 50 ms).
 */
import { createWriteStream } from 'node:fs';
import type { Page } from 'playwright-core';
import { seededRandom } from '../src/core/data/split.ts';
import { waitUntilReady } from '../tests/browser/app-page.ts';

/**
 * Writes a CSV of `rows` rows to `path`: with one feature the bundled data's columns (LifeExpectancy,
 * Country, Bmi; 10,000,000 rows make 249 MB), else `features` columns F1… before the target; every
 * 50,000th row (offset 7) has no target. CRLF line ends, as the bundled file has.
 */
export async function writeBigCsv(path: string, rows: number, features = 1, seed = 12345): Promise<void> {
  const random = seededRandom(seed);
  const names = features === 1 ? ['Bmi'] : Array.from({ length: features }, (_, j) => `F${j + 1}`);
  const out = createWriteStream(path);
  let text = features === 1 ? 'LifeExpectancy,Country,Bmi\r\n' : `Country,${names.join(',')},LifeExpectancy\r\n`;
  for (let i = 0; i < rows; i++) {
    const xs = names.map(() => 20 + random() * 10);
    const life = 60 + xs.reduce((sum, x, j) => sum + (j % 2 === 0 ? 0.5 : -0.3) * x, 0) + (random() - 0.5) * 8;
    const target = i % 50_000 === 7 ? '' : life.toFixed(2);
    const cells = xs.map((x) => x.toFixed(5)).join(',');
    text += features === 1 ? `${target},C${i},${cells}\r\n` : `C${i},${cells},${target}\r\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      text = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(text, () => resolve()).on('error', reject));
}

export interface BigCsvMeasurement {
  loadMs: number;
  summary: string;
  /** Long tasks (start on the page's clock, duration) while loading, training and after the run. */
  loading: { start: number; duration: number }[];
  training: { start: number; duration: number }[];
  after: { start: number; duration: number }[];
  /** When the phases began (page clock): picked, shown, train clicked, run ended. */
  times: { picked: number; shown: number; trainClicked: number; runEnded: number; settled: number };
}

/** Waits `ms` on the page's clock by its own timer (the page keeps working meanwhile). */
function pageWait(page: Page, ms: number): Promise<void> {
  return page.evaluate((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)), ms);
}

/**
 * Opens `url` (with `?epochs=5` or the like), picks the file at `path` (read by the browser from disk,
 * as a user's pick is), trains once, and waits `settleMs` after the run for what follows it.
 */
export async function measureBigCsv(page: Page, url: string, path: string, settleMs = 3000): Promise<BigCsvMeasurement> {
  await page.goto(url);
  await waitUntilReady(page);
  await page.evaluate(() => {
    const app = document.querySelector('bmi-app')!;
    const times = { picked: 0, shown: 0, trainClicked: 0, runEnded: 0, settled: 0 };
    const tasks: { start: number; duration: number }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    });
    observer.observe({ type: 'longtask' });
    // Long animation frames name the scripts that made them: what a long task was, for a reader.
    const frames: string[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        scripts: { invoker: string; sourceFunctionName: string; duration: number }[];
        renderStart: number;
        styleAndLayoutStart: number;
      })[]) {
        if (entry.duration < 100) continue;
        const scripts = entry.scripts
          .map((script) => `${script.invoker} ${script.sourceFunctionName} ${Math.round(script.duration)}`)
          .join('; ');
        frames.push(
          `${Math.round(entry.startTime)} +${Math.round(entry.duration)}: ${scripts}; render ${Math.round(entry.startTime + entry.duration - entry.renderStart)}`,
        );
      }
    }).observe({ type: 'long-animation-frame' });
    (window as unknown as { bigCsv: unknown }).bigCsv = { times, tasks, observer, frames };
    app.addEventListener('files-chosen', () => (times.picked = performance.now()), { capture: true, once: true });
    const panel = app.shadowRoot!.querySelector('data-panel')!;
    new MutationObserver((_, mutations) => {
      times.shown = performance.now();
      mutations.disconnect();
    }).observe(panel, { attributes: true, attributeFilter: ['data-files-read'] });
  });
  const panel = page.locator('data-panel');
  const before = Number(await panel.getAttribute('data-files-read'));
  await page.getByLabel(/Load another CSV/).setInputFiles(path);
  await page.locator(`data-panel[data-files-read="${before + 1}"]`).waitFor({ timeout: 600_000 });
  const summary = ((await page.locator('data-panel [data-summary]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  await pageWait(page, settleMs);
  const runs = Number(await page.locator('training-panel').getAttribute('data-runs-finished'));
  await page.evaluate(() => {
    const { times } = (window as unknown as { bigCsv: { times: Record<string, number> } }).bigCsv;
    const panel = document.querySelector('bmi-app')!.shadowRoot!.querySelector('training-panel')!;
    new MutationObserver((_, mutations) => {
      times.runEnded = performance.now();
      mutations.disconnect();
    }).observe(panel, { attributes: true, attributeFilter: ['data-runs-finished'] });
    times.trainClicked = performance.now();
  });
  await page.locator('training-panel').getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator(`training-panel[data-runs-finished="${runs + 1}"]`).waitFor({ timeout: 600_000 });
  await pageWait(page, settleMs);
  const { times, tasks } = await page.evaluate(() => {
    const state = (
      window as unknown as {
        bigCsv: { times: BigCsvMeasurement['times']; tasks: { start: number; duration: number }[]; observer: PerformanceObserver };
      }
    ).bigCsv;
    for (const entry of state.observer.takeRecords()) state.tasks.push({ start: entry.startTime, duration: entry.duration });
    state.observer.disconnect();
    state.times.settled = performance.now();
    return state;
  });
  const between = (from: number, to: number) => tasks.filter((task) => task.start >= from && task.start < to);
  return {
    loadMs: times.shown - times.picked,
    summary,
    loading: between(times.picked, times.trainClicked),
    training: between(times.trainClicked, times.runEnded),
    after: between(times.runEnded, Infinity),
    times,
  };
}

/**
 * Chooses `target` as the target of the data shown (a feature chosen as the target leaves the
 * features): the longest main-thread task in the `settleMs` after the change (0 = none over 50 ms),
 * while the page takes the new columns and computes their cross-products (well under a second).
 */
export async function measureColumnChange(page: Page, target: string, settleMs = 3000): Promise<number> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
    observer.observe({ type: 'longtask' });
    (window as unknown as { columnChange: unknown }).columnChange = { tasks, observer };
  });
  await page.getByLabel('Target (y axis)').selectOption(target);
  await pageWait(page, settleMs);
  const tasks = await page.evaluate(() => {
    const { tasks, observer } = (window as unknown as { columnChange: { tasks: number[]; observer: PerformanceObserver } }).columnChange;
    for (const entry of observer.takeRecords()) tasks.push(entry.duration);
    observer.disconnect();
    return tasks;
  });
  return Math.max(0, ...tasks);
}
