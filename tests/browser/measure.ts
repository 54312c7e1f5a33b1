/**
 * Measurements on the running app, for the bench and for one-off checks (tests never assert times):
 * training speed, long tasks on the page's thread, and how long a CSV file takes from being picked to
 * being shown. Plus a generator of large CSV files shaped like the bundled data.
 */
import type { Page } from 'playwright-core';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { seededRandom } from '../../src/core/data/split.ts';
import { bundledCsv } from '../unit/bundled-data.ts';
import { loadCsv, trainAndWait } from './app-page.ts';

/**
 * `rows` rows drawn from the bundled data's rows with a little noise (columns in another order, CRLF
 * line ends); every `badEvery`-th row (offset 7) has no target.
 */
export function bundledLikeCsv(rows: number, seed = 11, badEvery = 50_000): string {
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  const { x, y } = parsed.dataset;
  const random = seededRandom(seed);
  const lines = ['LifeExpectancy,Country,Bmi'];
  for (let i = 0; i < rows; i++) {
    const row = Math.floor(random() * x.length);
    const bmi = (x[row] + (random() - 0.5)).toFixed(5);
    const life = (y[row] + (random() - 0.5) * 4).toFixed(2);
    lines.push(i % badEvery === 7 ? `,C${i},${bmi}` : `${life},C${i},${bmi}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface LongTask {
  /** When it started, on the page's clock (ms). */
  start: number;
  duration: number;
}

/** Starts recording long tasks (over 50 ms) on the page; the returned function stops and lists them. */
export async function recordLongTasks(page: Page): Promise<() => Promise<LongTask[]>> {
  await page.evaluate(() => {
    // No named functions in here: tsx (the bench's runner) would wrap them in a helper the page lacks.
    const entries: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => void entries.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    (window as unknown as { stopLongTasks: () => { start: number; duration: number }[] }).stopLongTasks = () => {
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return entries.map((entry) => ({ start: entry.startTime, duration: entry.duration }));
    };
  });
  return () => page.evaluate(() => (window as unknown as { stopLongTasks: () => LongTask[] }).stopLongTasks());
}

export interface TrainingMeasurement {
  epochs: number;
  /** Training time as the trainer counts it (pauses excluded), in ms. */
  trainingMs: number;
  epochsPerSecond: number;
  /** Durations of the page's long tasks during the run, in ms. */
  longTasks: number[];
}

/** Trains once with the page's current settings and reports speed and long tasks. */
export async function measureTraining(page: Page): Promise<TrainingMeasurement> {
  const stop = await recordLongTasks(page);
  await trainAndWait(page);
  const longTasks = (await stop()).map((task) => task.duration);
  const { epoch, elapsedMs } = await page.locator('training-panel').evaluate((panel) => ({
    epoch: (panel as HTMLElement & { epoch: number }).epoch,
    elapsedMs: (panel as HTMLElement & { elapsedMs: number }).elapsedMs,
  }));
  return { epochs: epoch, trainingMs: elapsedMs, epochsPerSecond: (epoch * 1000) / elapsedMs, longTasks };
}

export interface CsvMeasurement {
  /** From the file being picked to its rows being shown, in ms (page clock). */
  loadMs: number;
  summary: string;
  longTasks: number[];
}

/** Loads a CSV through the file input and times it on the page's clock. */
export async function measureCsvLoad(page: Page, name: string, csv: string): Promise<CsvMeasurement> {
  await page.evaluate(() => {
    const app = document.querySelector('bmi-app')!;
    const times = { picked: 0, shown: 0 };
    (window as unknown as { csvTimes: typeof times }).csvTimes = times;
    app.addEventListener('files-chosen', () => (times.picked = performance.now()), { capture: true, once: true });
    const panel = app.shadowRoot!.querySelector('data-panel')!;
    new MutationObserver((_, observer) => {
      times.shown = performance.now();
      observer.disconnect();
    }).observe(panel, { attributes: true, attributeFilter: ['data-files-read'] });
  });
  const stop = await recordLongTasks(page);
  await loadCsv(page, name, csv);
  // Views drawn a frame or two after the rows are shown (the landscape's heat map) count too.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))),
  );
  const tasks = await stop();
  const times = await page.evaluate(() => (window as unknown as { csvTimes: { picked: number; shown: number } }).csvTimes);
  // Only the app's own work: copying the file into the page (the test driver's doing) comes before.
  const longTasks = tasks.filter((task) => task.start >= times.picked).map((task) => task.duration);
  const summary = ((await page.locator('data-panel [data-summary]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  return { loadMs: times.shown - times.picked, summary, longTasks };
}
