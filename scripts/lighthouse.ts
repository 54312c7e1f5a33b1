/**
 * `npm run lighthouse`: Lighthouse (mobile, its default) on the built site served by `vite preview`,
 * with the system's headless Chromium, once per page given (default: the app). Prints each category's
 * score and the cumulative layout shift, and fails when one misses its target: performance ≥ 95,
 * accessibility, best practices and SEO 100, CLS ≤ 0.05. Run `npm run build` first. A full report
 * is written to lighthouse-report.json (ignored by git) for a closer look.
 *
 *     npm run build && npm run lighthouse             # the app
 *     npm run lighthouse -- --desktop                 # with Lighthouse's desktop preset
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { preview } from 'vite';

const TARGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 } as const;
const MAX_CLS = 0.05;
const REPORT = 'lighthouse-report.json';

interface Report {
  categories: Record<keyof typeof TARGETS, { score: number | null }>;
  audits: Record<string, { numericValue?: number; score: number | null; title: string }>;
}

const desktop = process.argv.includes('--desktop');
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server gave no URL.');
try {
  await promisify(execFile)(
    process.env.LIGHTHOUSE_BIN ?? 'node_modules/.bin/lighthouse',
    [
      url,
      '--quiet',
      '--output=json',
      `--output-path=${REPORT}`,
      `--only-categories=${Object.keys(TARGETS).join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox',
      ...(desktop ? ['--preset=desktop'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
} finally {
  await server.close();
}

const report = JSON.parse(await readFile(REPORT, 'utf8')) as Report;
const failures: string[] = [];
for (const [category, target] of Object.entries(TARGETS) as [keyof typeof TARGETS, number][]) {
  const score = report.categories[category].score ?? 0;
  console.log(`${category}: ${Math.round(score * 100)}`);
  if (score < target) failures.push(`${category} ${Math.round(score * 100)} < ${target * 100}`);
}
const cls = report.audits['cumulative-layout-shift'].numericValue ?? Infinity;
console.log(`cumulative layout shift: ${cls.toFixed(3)}`);
for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index']) {
  const audit = report.audits[id];
  console.log(`${audit.title}: ${Math.round(audit.numericValue ?? 0)} ms`);
}
if (cls > MAX_CLS) failures.push(`CLS ${cls.toFixed(3)} > ${MAX_CLS}`);
// What made a category miss: its failing audits.
for (const [id, audit] of Object.entries(report.audits)) {
  if (audit.score !== null && audit.score < 1 && failures.length > 0 && !('numericValue' in audit))
    console.log(`  failing: ${id} (${audit.title})`);
}
if (failures.length > 0) {
  console.error(`Lighthouse (${desktop ? 'desktop' : 'mobile'}) misses: ${failures.join('; ')}`);
  process.exitCode = 1;
}
