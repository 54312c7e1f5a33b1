/**
 * `npm run bench`: measures what the project promises on this machine, in one run, and prints one
 * markdown table (also written to bench/results.json). Times are medians of several runs with their
 * spread. Only ratios between rows carry over to other machines.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, preview } from 'vite';
import type { BackendName } from '../src/core/backends.ts';
import { BACKENDS } from '../src/core/backends.ts';
import type { BenchApi } from './bench-page.ts';
import { summarize, type Summary } from './summary.ts';
import { measureServerLoad } from './server-load.ts';
import type { ConvergenceResult, RecipeResult, ScaleResult } from './tasks.ts';

export interface Row {
  section: string;
  measure: string;
  backend: string;
  rows: string;
  unit: string;
  summary: Summary | null;
  /** A value that is not a timing (a count, an MSE), or why a row has no value. */
  note?: string;
}

const rows: Row[] = [];
const log = (message: string): void => console.error(`[bench] ${message}`);

function add(row: Row): void {
  rows.push(row);
  const value = row.summary ? `${row.summary.median.toFixed(2)} ${row.unit}` : (row.note ?? '');
  log(`${row.section} · ${row.measure} · ${row.backend} · ${row.rows}: ${value}`);
}

function single(value: number): Summary {
  return summarize([value]);
}

const SCALE_SIZES: { rows: number; epochs: number; runs: number }[] = [
  { rows: 163, epochs: 50, runs: 5 },
  { rows: 100_000, epochs: 10, runs: 3 },
  { rows: 1_000_000, epochs: 4, runs: 3 },
];

async function benchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'bmiBench' in globalThis, null, { timeout: 120_000 });
  return page;
}

function call<K extends keyof BenchApi>(page: Page, name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    ([name, args]) => (globalThis as unknown as { bmiBench: Record<string, (...a: unknown[]) => unknown> }).bmiBench[name]!(...args),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

async function convergenceRows(page: Page): Promise<void> {
  for (const backend of BACKENDS) {
    const result = (await call(page, 'convergence', backend, 5)) as ConvergenceResult;
    const label = result.backend === backend ? backend : `${backend} (fell back to ${result.backend})`;
    add({ section: 'Convergence', measure: 'epochs to 0.1% of optimum (defaults, main thread)', backend: label, rows: '163', unit: 'epochs', summary: result.epochsToReach === null ? null : single(result.epochsToReach), note: result.epochsToReach === null ? 'not reached' : undefined });
    if (result.ms.length > 0) add({ section: 'Convergence', measure: 'time to 0.1% of optimum', backend: label, rows: '163', unit: 'ms', summary: summarize(result.ms) });
  }
  // One backend, the fastest at this size: 10,000 tiny epochs measure per-dispatch overhead, not the recipe.
  for (const backend of ['wasm'] as BackendName[]) {
    const recipe = (await call(page, 'originalRecipe', backend, 10_000)) as RecipeResult;
    const gap = ((recipe.mse - 43.0210311892) / 43.0210311892) * 100;
    add({ section: 'Convergence', measure: 'original recipe (raw BMI, SGD 1e-6, 10,000 epochs): time', backend: recipe.backend, rows: '163', unit: 'ms', summary: single(recipe.ms), note: `final MSE ${recipe.mse.toFixed(4)}, ${gap.toFixed(2)}% above optimum` });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

async function scaleRows(page: Page): Promise<void> {
  for (const size of SCALE_SIZES) {
    for (const backend of BACKENDS) {
      const result = (await call(page, 'inWorker', { kind: 'scale', backend, ...size })) as ScaleResult;
      const label = result.backend === backend ? backend : `${backend} (fell back to ${result.backend})`;
      add({ section: 'Scale (worker)', measure: 'ms per full-batch epoch', backend: label, rows: size.rows.toLocaleString('en'), unit: 'ms', summary: summarize(result.msPerEpoch), note: `peak tf.memory ${formatBytes(result.peakBytes)}` });
    }
  }
}

async function parseRows(page: Page): Promise<void> {
  const ms = (await call(page, 'inWorker', { kind: 'parse', rows: 1_000_000, runs: 3 })) as number[];
  add({ section: 'Data', measure: 'parse a CSV (papaparse + table) in a worker', backend: '-', rows: '1,000,000', unit: 'ms', summary: summarize(ms) });
}

/** First paint, ready-to-train, and the main thread's longest task while training 200 epochs. */
async function responsivenessRows(browser: Browser, appUrl: string): Promise<void> {
  const paint: number[] = [];
  const ready: number[] = [];
  const longest: number[] = [];
  const frameGap: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = globalThis as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(appUrl);
    const train = page.getByRole('button', { name: 'Train' });
    const readyAt = await page.waitForFunction(
      () => {
        const button = document.querySelector('bmi-app')?.shadowRoot?.querySelector('training-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]');
        return button && !button.disabled ? performance.now() : false;
      },
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    ready.push((await readyAt.jsonValue()) as number);
    paint.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
    await page.getByLabel('Epochs').fill('200');
    // A string, not a function: the TypeScript runner would wrap named functions in a helper the page lacks.
    await page.evaluate(`(() => {
      window.longTasks = [];
      window.gaps = [];
      let last = performance.now();
      const tick = (now) => { window.gaps.push(now - last); last = now; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    await train.click();
    await page.locator('training-panel [data-status]').filter({ hasText: /^Trained/ }).waitFor({ timeout: 120_000 });
    const seen = await page.evaluate(() => {
      const w = globalThis as unknown as { longTasks: number[]; gaps: number[] };
      return { longTasks: w.longTasks, gaps: w.gaps };
    });
    longest.push(Math.max(0, ...seen.longTasks));
    frameGap.push(Math.max(0, ...seen.gaps.slice(1)));
    await page.close();
  }
  add({ section: 'Responsiveness', measure: 'navigation → first contentful paint', backend: 'webgpu', rows: '163', unit: 'ms', summary: summarize(paint) });
  add({ section: 'Responsiveness', measure: 'navigation → ready to train (TF.js loaded, backend up)', backend: 'webgpu', rows: '163', unit: 'ms', summary: summarize(ready) });
  add({ section: 'Responsiveness', measure: 'longest main-thread task while training 200 epochs (0 = none over 50 ms)', backend: 'webgpu', rows: '163', unit: 'ms', summary: summarize(longest) });
  add({ section: 'Responsiveness', measure: 'longest gap between frames while training 200 epochs', backend: 'webgpu', rows: '163', unit: 'ms', summary: summarize(frameGap) });
}

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The app's initial JavaScript (the entry script) and the lazily loaded TF.js chunks, gzipped. */
function sizeRows(): void {
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = /<script type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('No entry script in dist/index.html');
  add({ section: 'Size', measure: "app's initial JavaScript (gzip)", backend: '-', rows: '-', unit: 'KB', summary: single(gzipBytes(`dist/${entry}`) / 1000) });
  const assets = readFileSync('dist/.vite/manifest.json', 'utf8');
  const manifest = JSON.parse(assets) as Record<string, { file: string; isDynamicEntry?: boolean }>;
  const lazy = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry || /worker/.test(chunk.file));
  const tfBytes = lazy.filter((chunk) => chunk.file.endsWith('.js')).reduce((sum, chunk) => sum + gzipBytes(`dist/${chunk.file}`), 0);
  add({ section: 'Size', measure: 'TF.js chunks, loaded after first paint (gzip)', backend: '-', rows: '-', unit: 'KB', summary: single(tfBytes / 1000) });
}

async function serverRows(): Promise<void> {
  const load = await measureServerLoad(5, 32);
  const note = `${load.requests} requests, ${load.errors} errors, ${load.non2xx} non-2xx`;
  add({ section: 'Server', measure: 'POST /predict, 32 connections, 5 s: requests per second', backend: '-', rows: '-', unit: 'req/s', summary: single(load.requestsPerSecond), note });
  add({ section: 'Server', measure: 'POST /predict latency p50', backend: '-', rows: '-', unit: 'ms', summary: single(load.p50) });
  add({ section: 'Server', measure: 'POST /predict latency p99', backend: '-', rows: '-', unit: 'ms', summary: single(load.p99) });
}

function formatRow(row: Row): string {
  const s = row.summary;
  const value = s ? (s.median >= 100 ? s.median.toFixed(0) : s.median.toFixed(2)) : '—';
  const spread = s && s.runs > 1 ? `${s.min.toFixed(s.min >= 100 ? 0 : 2)}–${s.max.toFixed(s.max >= 100 ? 0 : 2)}` : '';
  return `| ${row.section} | ${row.measure} | ${row.backend} | ${row.rows} | ${value} ${s ? row.unit : ''} | ${spread} | ${s?.runs ?? ''} | ${row.note ?? ''} |`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const dev = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  await dev.listen();
  const app = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const devUrl = dev.resolvedUrls?.local[0];
  const appUrl = app.resolvedUrls?.local[0];
  if (!devUrl || !appUrl) throw new Error('A server gave no URL.');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking'],
  });
  let adapter = 'none';
  try {
    const page = await benchPage(browser, new URL('bench/index.html', devUrl).href);
    adapter = await page.evaluate(async () => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: { vendor: string; architecture: string } } | null> } }).gpu;
      const found = await gpu?.requestAdapter();
      return found?.info ? `${found.info.vendor} ${found.info.architecture}`.trim() : 'none';
    });
    await convergenceRows(page);
    await scaleRows(page);
    await parseRows(page);
    await page.close();
    await responsivenessRows(browser, appUrl);
    sizeRows();
    await serverRows();
  } finally {
    await browser.close();
    await dev.close();
    await app.close();
  }

  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    gpu: 'none',
    webgpuAdapter: adapter,
    browser: browser.version(),
    node: process.version,
  };
  const date = new Date().toISOString().slice(0, 10);
  const table = [
    `Measured ${date} on ${machine.cores} cores (${machine.cpu}), no GPU; WebGPU through Chromium's software adapter (${adapter}). Only ratios between rows carry to other machines.`,
    '',
    '| Section | Measure | Backend | Rows | Median | Spread | Runs | Note |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(formatRow),
  ].join('\n');
  console.log(table);
  writeFileSync('bench/results.json', `${JSON.stringify({ date, machine, seconds: Math.round((Date.now() - started) / 1000), rows }, null, 2)}\n`);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s; wrote bench/results.json`);
}

await main();
