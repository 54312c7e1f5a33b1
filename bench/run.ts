/**
 * `npm run bench`: measures what the project promises on this machine, in one run, and prints one
 * markdown table (also written to bench/results.json). Times are medians of several runs with their
 * spread. Only ratios between rows carry over to other machines.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, preview } from 'vite';
import type { BackendName } from '../src/core/settings/backends.ts';
import { BACKENDS } from '../src/core/settings/backends.ts';
import type { BenchApi } from './bench-page.ts';
import { summarize, type Summary } from './summary.ts';
import { EMBED_GZIP_BUDGET_BYTES, FORBIDDEN_MARKERS, gzipSize } from '../scripts/embed-check.ts';
import { reachableChunks, readManifest } from '../scripts/vite-manifest.ts';
import { READY_MARK } from '../src/app/user-timing.ts';
import { trainAndWait, waitUntilReady } from '../tests/browser/app-page.ts';
import { bundledLikeCsv, measureCsvLoad, measureTraining } from '../tests/browser/measure.ts';
import { measureFirstRun } from './first-run.ts';
import { measureBigCsv, measureColumnChange, writeBigCsv } from './big-csv.ts';
import { serverBenchRows } from './server-load.ts';
import { KERNEL_VARIANTS, type KernelCostResult, type KernelVariant } from './kernel-variants.ts';
import { BROWSER_MARK, gpuProcessCpuMs } from './gpu-process-cpu.ts';
import type { ConvergenceResult, ExactFitResult, RecipeResult, ScaleResult } from './tasks.ts';

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

/** The values of `--name=a,b`, or undefined when the flag is absent. */
function listFlag(name: string): string[] | undefined {
  return process.argv
    .find((arg) => arg.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',');
}

/**
 * `npm run bench -- --only=scale,first-run` runs some sections; `--rows=1000000`, `--features=16` and
 * `--backends=webgpu,wasm` narrow the epoch-time rows (of the scale and features sections) to those
 * sizes and backends (`webgpu` the fused path, `webgpu-per-op` TF.js's loop). Any of them: no results file.
 */
const only = listFlag('only');
const onlyRows = listFlag('rows')?.map(Number);
const onlyFeatures = listFlag('features')?.map(Number);
const onlyBackends = listFlag('backends');
const filtered = only !== undefined || onlyRows !== undefined || onlyFeatures !== undefined || onlyBackends !== undefined;
const wanted = (section: string): boolean => !only || only.includes(section);
const wantedSize = (rows: number, features = 1): boolean =>
  (!onlyRows || onlyRows.includes(rows)) && (!onlyFeatures || onlyFeatures.includes(features));
const wantedPath = (path: { backend: BackendName; fused: boolean }): boolean =>
  !onlyBackends || onlyBackends.includes(path.fused ? path.backend : `${path.backend}-per-op`);

function single(value: number): Summary {
  return summarize([value]);
}

// Whole runs (setup and read-backs included) divided by their epochs: enough epochs that a run's setup
// does not hide the epochs' cost, few enough that the slow per-op rows keep the bench short.
const SCALE_SIZES: { rows: number; epochs: number; runs: number }[] = [
  { rows: 163, epochs: 200, runs: 5 },
  { rows: 100_000, epochs: 30, runs: 3 },
  { rows: 1_000_000, epochs: 12, runs: 3 },
];

/** The scale rows: every backend as the app runs it (WebGPU = fused programs), and WebGPU's per-op loop to compare. */
const SCALE_PATHS: { backend: BackendName; fused: boolean; label: string }[] = [
  ...BACKENDS.map((backend) => ({ backend, fused: true, label: backend })),
  { backend: 'webgpu', fused: false, label: 'webgpu (per-op)' },
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
    ([name, args]) => (globalThis as unknown as { bmiBench: Record<string, (...a: unknown[]) => unknown> }).bmiBench[name](...args),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

async function convergenceRows(page: Page): Promise<void> {
  for (const backend of BACKENDS) {
    const result: ConvergenceResult = await call(page, 'convergence', backend, 5);
    const label = result.backend === backend ? backend : `${backend} (fell back to ${result.backend})`;
    add({
      section: 'Convergence',
      measure: 'epochs to 0.1% of optimum (defaults, main thread)',
      backend: label,
      rows: '163',
      unit: 'epochs',
      summary: result.epochsToReach === null ? null : single(result.epochsToReach),
      note: result.epochsToReach === null ? 'not reached' : undefined,
    });
    if (result.ms.length > 0)
      add({
        section: 'Convergence',
        measure: 'time to 0.1% of optimum',
        backend: label,
        rows: '163',
        unit: 'ms',
        summary: summarize(result.ms),
      });
  }
  // One backend, the fastest at this size: 10,000 tiny epochs measure per-dispatch overhead, not the recipe.
  for (const backend of ['wasm'] as BackendName[]) {
    const recipe: RecipeResult = await call(page, 'originalRecipe', backend, 10_000);
    const gap = ((recipe.mse - 43.0210311892) / 43.0210311892) * 100;
    add({
      section: 'Convergence',
      measure: 'original recipe (raw BMI, SGD 1e-6, 10,000 epochs): time',
      backend: recipe.backend,
      rows: '163',
      unit: 'ms',
      summary: single(recipe.ms),
      note: `final MSE ${recipe.mse.toFixed(4)}, ${gap.toFixed(2)}% above optimum`,
    });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

function describeCalls(result: ScaleResult): string {
  const calls = result.perEpoch;
  if (!calls) return '';
  const f = (n: number): string => (n >= 10 ? n.toFixed(0) : n.toFixed(2));
  return `; per epoch ${f(calls.dispatches)} dispatches, ${f(calls.submits)} submits, ${f(calls.writes)} buffer writes`;
}

async function scaleRows(page: Page): Promise<void> {
  for (const size of SCALE_SIZES) {
    if (!wantedSize(size.rows)) continue;
    for (const path of SCALE_PATHS) {
      if (!wantedPath(path)) continue;
      const result = (await call(page, 'inWorker', { kind: 'scale', backend: path.backend, fused: path.fused, ...size })) as ScaleResult;
      const label = result.backend === path.backend ? path.label : `${path.label} (fell back to ${result.backend})`;
      const kernel = result.kernel === 'per-op' ? '' : `${result.kernel}; `;
      add({
        section: 'Scale (worker)',
        measure: 'ms per full-batch epoch',
        backend: label,
        rows: size.rows.toLocaleString('en'),
        unit: 'ms',
        summary: summarize(result.msPerEpoch),
        note: `${kernel}peak tf.memory ${formatBytes(result.peakBytes)}${describeCalls(result)}`,
      });
    }
  }
}

/**
 * Several features: rows × features as the probe measured them, whole runs divided by their
 * epochs. Fused WebGPU and WASM as the app runs them. TF.js's per-op WebGPU loop takes seconds per epoch
 * here (its Xᵀ·r is one 256-wide workgroup per feature over all rows): one epoch after a one-epoch
 * warm-up, at 100,000 rows only (a million rows would take minutes per epoch).
 */
const FEATURE_SIZES: { rows: number; epochs: number; runs: number }[] = [
  { rows: 100_000, epochs: 30, runs: 3 },
  { rows: 1_000_000, epochs: 12, runs: 2 },
];
const FEATURE_COUNTS = [4, 16, 64];
const FEATURE_PATHS: { backend: BackendName; fused: boolean; label: string; slow?: boolean }[] = [
  { backend: 'webgpu', fused: true, label: 'webgpu (fused)' },
  { backend: 'wasm', fused: true, label: 'wasm' },
  { backend: 'webgpu', fused: false, label: 'webgpu (per-op)', slow: true },
];
const SLOW_PATH_MAX_ROWS = 100_000;
/** The exact fit measured at this size. */
const EXACT_FIT = { rows: 1_000_000, features: 16 };

async function featureRows(page: Page): Promise<void> {
  for (const size of FEATURE_SIZES) {
    for (const features of FEATURE_COUNTS) {
      if (!wantedSize(size.rows, features)) continue;
      const where = `${size.rows.toLocaleString('en')} × ${features}`;
      const medians = new Map<string, number>();
      for (const path of FEATURE_PATHS) {
        if (!wantedPath(path)) continue;
        const row = { section: 'Several features (worker)', measure: 'ms per full-batch epoch', rows: where, unit: 'ms' };
        if (path.slow && size.rows > SLOW_PATH_MAX_ROWS) {
          add({
            ...row,
            backend: path.label,
            summary: null,
            note: `not run: seconds per epoch at ${SLOW_PATH_MAX_ROWS.toLocaleString('en')} rows already`,
          });
          continue;
        }
        const task = { kind: 'scale', backend: path.backend, fused: path.fused, features, ...size } as const;
        const result = (await call(page, 'inWorker', path.slow ? { ...task, epochs: 1, runs: 1, warmEpochs: 1 } : task)) as ScaleResult;
        const summary = summarize(result.msPerEpoch);
        medians.set(path.label, summary.median);
        const kernel = result.kernel === 'per-op' ? '' : `${result.kernel}; `;
        add({
          ...row,
          backend: result.backend === path.backend ? path.label : `${path.label} (fell back to ${result.backend})`,
          summary,
          note: `${kernel}peak tf.memory ${formatBytes(result.peakBytes)}${describeCalls(result)}`,
        });
      }
      const fused = medians.get('webgpu (fused)');
      const wasm = medians.get('wasm');
      if (fused !== undefined && wasm !== undefined) {
        add({
          section: 'Several features (worker)',
          measure: 'fused WebGPU ÷ WASM, ms per epoch',
          backend: 'webgpu (fused)',
          rows: where,
          unit: '×',
          summary: single(fused / wasm),
        });
      }
    }
  }
  if (!wantedSize(EXACT_FIT.rows, EXACT_FIT.features) || onlyBackends) return;
  const fit = (await call(page, 'inWorker', { kind: 'exact-fit', ...EXACT_FIT })) as ExactFitResult;
  const where = `${EXACT_FIT.rows.toLocaleString('en')} × ${EXACT_FIT.features}`;
  add({
    section: 'Several features (worker)',
    measure: 'cross-products of every column (float64, two passes), in a worker',
    backend: '-',
    rows: where,
    unit: 'ms',
    summary: single(fit.crossProductsMs),
  });
  add({
    section: 'Several features (worker)',
    measure: 'least-squares fit from them (aliasing, Cholesky)',
    backend: '-',
    rows: where,
    unit: 'ms',
    summary: single(fit.fitMs),
  });
}

/**
 * One pass over the rows on the device, apart from the rest of an epoch: the fused partial-sums pass,
 * the probe shape written plainly, and that shape reading only or computing only (see
 * kernel-costs.ts). Each twice, with few and with three times as many passes: the difference of the GPU
 * process's CPU time is what the passes cost, without the upload and compilation before them.
 */
const KERNEL_SIZES: { rows: number; features: number; passes: number }[] = [
  { rows: 1_000_000, features: 1, passes: 40 },
  { rows: 1_000_000, features: 16, passes: 6 },
  { rows: 1_000_000, features: 64, passes: 3 },
];
const VARIANT_WORDS: Record<KernelVariant, string> = {
  fused: 'the fused partial sums',
  probe: "the probe's shape (vec4 columns, sums in registers, no masks)",
  loads: "the probe's shape, loads only",
  arithmetic: "the probe's shape, arithmetic only (no loads)",
};

async function kernelRows(page: Page): Promise<void> {
  for (const size of KERNEL_SIZES) {
    if (!wantedSize(size.rows, size.features)) continue;
    for (const variant of KERNEL_VARIANTS) {
      const measure = async (passes: number): Promise<{ result: KernelCostResult; cpuMs: number | null }> => {
        const before = gpuProcessCpuMs();
        const result = (await call(page, 'inWorker', { kind: 'kernel-cost', variant, ...size, passes })) as KernelCostResult;
        const after = gpuProcessCpuMs();
        return { result, cpuMs: before === null || after === null ? null : after - before };
      };
      const few = await measure(size.passes);
      const many = await measure(3 * size.passes);
      const cpuPerPass = few.cpuMs === null || many.cpuMs === null ? null : (many.cpuMs - few.cpuMs) / (2 * size.passes);
      const perValue =
        cpuPerPass === null ? 'not readable here' : `${((cpuPerPass * 1e6) / (many.result.rows * size.features)).toFixed(2)} ns`;
      add({
        section: 'Kernels (worker)',
        measure: `one pass over the rows: ${VARIANT_WORDS[variant]}`,
        backend: 'webgpu',
        rows: `${size.rows.toLocaleString('en')} × ${size.features}`,
        unit: 'ms',
        summary: summarize([few.result.ms, many.result.ms]),
        note: `${many.result.shape}; GPU process CPU per row and feature ${perValue}`,
      });
    }
  }
}

/** The app's first run after load: 50 epochs with the defaults, from the click on Train to the run's end, per backend. */
async function firstRunRows(browser: Browser, appUrl: string): Promise<void> {
  for (const backend of BACKENDS) {
    const times: number[] = [];
    let actual = '';
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.goto(new URL(`?backend=${backend}`, appUrl).href);
      await waitUntilReady(page);
      actual = (await page.locator('backend-status [part=badge]').getAttribute('data-backend')) ?? '';
      times.push(await measureFirstRun(page));
      await page.close();
    }
    const label = actual === backend ? backend : `${backend} (fell back to ${actual})`;
    add({
      section: 'Responsiveness',
      measure: 'first 50-epoch run after load (defaults), click to done',
      backend: label,
      rows: '163',
      unit: 'ms',
      summary: summarize(times),
    });
  }
}

/** Navigation → first contentful paint and → "ready to train" (the Train button enabled). */
async function startupRows(browser: Browser, appUrl: string): Promise<void> {
  const paint: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    await page.goto(appUrl);
    const readyAt = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? false, READY_MARK, {
      timeout: 60_000,
    });
    ready.push(await readyAt.jsonValue());
    paint.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
    await page.close();
  }
  add({
    section: 'Responsiveness',
    measure: 'navigation → first contentful paint',
    backend: 'webgpu',
    rows: '163',
    unit: 'ms',
    summary: summarize(paint),
  });
  add({
    section: 'Responsiveness',
    measure: 'navigation → ready to train (TF.js loaded, backend up)',
    backend: 'webgpu',
    rows: '163',
    unit: 'ms',
    summary: summarize(ready),
  });
}

/** The app training 3,000 epochs on WebGPU in its worker and on the main thread: speed and long tasks. */
async function engineRows(browser: Browser, appUrl: string): Promise<void> {
  for (const engine of ['worker', 'main'] as const) {
    const page = await browser.newPage();
    await page.goto(new URL(`?split=0&epochs=3000&engine=${engine}`, appUrl).href);
    await waitUntilReady(page);
    const speed: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await measureTraining(page);
      speed.push(run.epochsPerSecond);
      longest.push(Math.max(0, ...run.longTasks));
    }
    const where = engine === 'worker' ? 'in the worker' : 'on the main thread';
    add({
      section: 'Responsiveness',
      measure: `epochs per second, training ${where}`,
      backend: 'webgpu',
      rows: '163',
      unit: 'epochs/s',
      summary: summarize(speed),
    });
    add({
      section: 'Responsiveness',
      measure: `longest main-thread task, training ${where} (0 = none over 50 ms)`,
      backend: 'webgpu',
      rows: '163',
      unit: 'ms',
      summary: summarize(longest),
    });
    await page.close();
  }
}

/**
 * A 1,000,000-row CSV through the app's own path: picked, parsed in its worker, shown; on a fresh page,
 * and after a run, when the new rows also get the model's metrics, fit summary and residuals drawn.
 */
async function csvRows(browser: Browser, appUrl: string): Promise<void> {
  const csv = bundledLikeCsv(1_000_000);
  const times: number[] = [];
  const longest: number[] = [];
  const longestTrained: number[] = [];
  for (let i = 0; i < 2; i++) {
    for (const trained of [false, true]) {
      const page = await browser.newPage();
      await page.goto(appUrl);
      await waitUntilReady(page);
      if (trained) await trainAndWait(page);
      const load = await measureCsvLoad(page, 'million.csv', csv);
      if (!load.summary.includes('million.csv')) throw new Error(`The large CSV was not taken: ${load.summary}`);
      if (!trained) times.push(load.loadMs);
      (trained ? longestTrained : longest).push(Math.max(0, ...load.longTasks));
      await page.close();
    }
  }
  const size = `${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB`;
  add({
    section: 'Data',
    measure: `CSV picked → parsed in the worker → shown (${size})`,
    backend: '-',
    rows: '1,000,000',
    unit: 'ms',
    summary: summarize(times),
  });
  add({
    section: 'Data',
    measure: 'longest main-thread task while it loads (0 = none over 50 ms)',
    backend: '-',
    rows: '1,000,000',
    unit: 'ms',
    summary: summarize(longest),
  });
  add({
    section: 'Data',
    measure: 'the same, with a trained model on the page',
    backend: '-',
    rows: '1,000,000',
    unit: 'ms',
    summary: summarize(longestTrained),
  });
}

/**
 * Issue 20, item 9: files far larger than the 1,000,000-row one above, picked in the file input (the
 * browser reads them from disk): 10,000,000 rows × 1 feature (249 MB) and 1,000,000 rows × 16
 * features; time from pick to shown, and the longest main-thread task while loading, training 5
 * epochs on them and after the run. One run each: the 10M file alone takes a minute to write and load.
 */
const BIG_FILES: { rows: number; features: number }[] = [
  { rows: 10_000_000, features: 1 },
  { rows: 1_000_000, features: 16 },
];

async function bigCsvRows(browser: Browser, appUrl: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bmi-bench-'));
  try {
    for (const { rows, features } of BIG_FILES) {
      const path = join(dir, `${rows}x${features}.csv`);
      await writeBigCsv(path, rows, features);
      const names = features === 1 ? ['Bmi'] : Array.from({ length: features }, (_, j) => `F${j + 1}`);
      const query = `?epochs=5&feature=${names.map(encodeURIComponent).join(',')}&target=LifeExpectancy`;
      const page = await browser.newPage();
      const measured = await measureBigCsv(page, new URL(query, appUrl).href, path);
      // Another target on the page (the last feature): its columns are taken on the page's thread.
      const changed = features > 1 ? await measureColumnChange(page, names[features - 1]) : undefined;
      await page.close();
      const where = `${rows.toLocaleString('en')} × ${features}`;
      const note = `${(statSync(path).size / 1e6).toFixed(0)} MB; shown: ${measured.summary.slice(0, 80)}`;
      const row = { section: 'Data (large files)', backend: '-', rows: where, unit: 'ms' };
      add({ ...row, measure: 'CSV picked → parsed in the worker → shown', summary: single(measured.loadMs), note });
      for (const phase of ['loading', 'training', 'after'] as const) {
        const longest = Math.max(0, ...measured[phase].map((task) => task.duration));
        const words = { loading: 'while it loads', training: 'training 5 epochs on it', after: 'after the run' }[phase];
        add({ ...row, measure: `longest main-thread task ${words} (0 = none over 50 ms)`, summary: single(longest) });
      }
      if (changed !== undefined)
        add({ ...row, measure: 'longest main-thread task choosing another target (0 = none over 50 ms)', summary: single(changed) });
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function gzipFile(path: string): number {
  return gzipSize(readFileSync(path, 'utf8'));
}

/**
 * Gzipped sizes: what the page needs before it shows anything (the entry and its static imports),
 * the training worker (TF.js and the trainer), TF.js chunks the page loads only on demand, and the
 * embeddable element.
 */
function sizeRows(): void {
  const manifest = readManifest();
  const initial = new Set(reachableChunks(manifest).keys());
  const initialBytes = [...initial].reduce((sum, file) => sum + gzipFile(`dist/${file}`), 0);
  add({
    section: 'Size',
    measure: "app's initial JavaScript, before first paint (gzip)",
    backend: '-',
    rows: '-',
    unit: 'KB',
    summary: single(initialBytes / 1000),
    note: `${initial.size} files, no TF.js`,
  });
  const scripts = readdirSync('dist/assets').filter((file) => file.endsWith('.js'));
  const worker = scripts.filter((file) => file.startsWith('training-worker-'));
  add({
    section: 'Size',
    measure: 'training worker: TF.js + trainer, loaded after first paint (gzip)',
    backend: '-',
    rows: '-',
    unit: 'KB',
    summary: single(worker.reduce((sum, file) => sum + gzipFile(`dist/assets/${file}`), 0) / 1000),
  });
  const tfMarker = FORBIDDEN_MARKERS.find((marker) => marker.library === 'TensorFlow.js')!.pattern;
  // The fused-training test page is built too; what only it loads is not the app's.
  const app = new Set(reachableChunks(manifest, 'index.html', { dynamic: true }).keys());
  const onDemand = scripts.filter(
    (file) =>
      !worker.includes(file) &&
      !initial.has(`assets/${file}`) &&
      app.has(`assets/${file}`) &&
      tfMarker.test(readFileSync(`dist/assets/${file}`, 'utf8')),
  );
  add({
    section: 'Size',
    measure: 'TF.js on the page, only for TF.js file export/import or ?engine=main (gzip)',
    backend: '-',
    rows: '-',
    unit: 'KB',
    summary: single(onDemand.reduce((sum, file) => sum + gzipFile(`dist/assets/${file}`), 0) / 1000),
  });
  add({
    section: 'Size',
    measure: '`<bmi-predictor>` module, Lit included (gzip)',
    backend: '-',
    rows: '-',
    unit: 'KB',
    summary: single(gzipFile('dist/bmi-predictor.js') / 1000),
    note: `budget ${EMBED_GZIP_BUDGET_BYTES / 1024} KiB`,
  });
}

async function serverRows(): Promise<void> {
  for (const row of await serverBenchRows()) add(row);
}

/** "Fastest full-batch epoch: 163 rows cpu, 100,000 rows wasm, …" from the scale rows. */
function winnersBySize(): string {
  const scale = rows.filter((row) => row.section === 'Scale (worker)' && row.summary);
  const sizes = [...new Set(scale.map((row) => row.rows))];
  const winners = sizes.map((size) => {
    const best = scale.filter((row) => row.rows === size).sort((a, b) => a.summary!.median - b.summary!.median)[0];
    return `${size} rows: ${best.backend}`;
  });
  return winners.length > 0 ? `Fastest full-batch epoch by size: ${winners.join('; ')}.` : '';
}

function formatRow(row: Row): string {
  const s = row.summary;
  const value = s ? (s.median >= 100 ? s.median.toFixed(0) : s.median.toFixed(2)) : '—';
  const spread = s && s.runs > 1 ? `${s.min.toFixed(s.min >= 100 ? 0 : 2)}–${s.max.toFixed(s.max >= 100 ? 0 : 2)}` : '';
  return `| ${row.section} | ${row.measure} | ${row.backend} | ${row.rows} | ${value} ${s ? row.unit : ''} | ${spread} | ${s?.runs ?? ''} | ${row.note ?? ''} |`;
}

async function main(): Promise<void> {
  const started = Date.now();
  // No file watching and no hot reload: an edit during a run must not reload the bench page under it.
  // The bench page's dependencies are found up front, so no late optimisation reloads it either.
  const dev = await createServer({
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    optimizeDeps: { entries: ['bench/index.html', 'bench/bench-worker.ts'] },
    logLevel: 'warn',
  });
  await dev.listen();
  const app = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const devUrl = dev.resolvedUrls?.local[0];
  const appUrl = app.resolvedUrls?.local[0];
  if (!devUrl || !appUrl) throw new Error('A server gave no URL.');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', BROWSER_MARK],
  });
  let adapter: string;
  try {
    const page = await benchPage(browser, new URL('bench/index.html', devUrl).href);
    adapter = await page.evaluate(async () => {
      interface AdapterInfo {
        vendor: string;
        architecture: string;
      }
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: AdapterInfo } | null> } }).gpu;
      // Runs in the page, where the DOM's types hold; the linter sees this file as Node code.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
      const info: AdapterInfo | undefined = (await gpu?.requestAdapter())?.info;
      return info ? `${info.vendor} ${info.architecture}`.trim() : 'none';
    });
    if (wanted('convergence')) await convergenceRows(page);
    if (wanted('scale')) await scaleRows(page);
    if (wanted('features')) await featureRows(page);
    if (wanted('kernels')) await kernelRows(page);
    await page.close();
    if (wanted('startup')) await startupRows(browser, appUrl);
    if (wanted('first-run')) await firstRunRows(browser, appUrl);
    if (wanted('engines')) await engineRows(browser, appUrl);
    if (wanted('csv')) await csvRows(browser, appUrl);
    if (wanted('big-csv')) await bigCsvRows(browser, appUrl);
    if (wanted('size')) sizeRows();
    if (wanted('server')) await serverRows();
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
    '',
    winnersBySize(),
  ].join('\n');
  console.log(table);
  if (filtered) {
    log(
      `done in ${Math.round((Date.now() - started) / 1000)} s (filtered: ${process.argv.slice(2).join(' ')}; bench/results.json left as it was)`,
    );
    return;
  }
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ date, machine, seconds: Math.round((Date.now() - started) / 1000), rows }, null, 2)}\n`,
  );
  log(`done in ${Math.round((Date.now() - started) / 1000)} s; wrote bench/results.json`);
}

await main();
