/**
 * `<bmi-predictor>` (the standalone dist/bmi-predictor.js) with version 2 weights: the 95% prediction
 * interval beside the prediction, `no-interval`, `population`, the interval in the event detail; and a
 * version 1 file, which still predicts, without an interval and with a note saying why.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { R_INTERVALS, relativeError } from '../unit/statistics-reference.ts';
import { predictText } from './app-page.ts';
import { test, type AppPage, type Open } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/sample-weights.json', import.meta.url)), 'utf8')) as Record<
  string,
  unknown
>;
const { intervals: _dropped, ...withoutIntervals } = sample;
const version1 = { ...withoutIntervals, version: 1 };

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/bmi-predictor.js"></script></head><body>${body}</body></html>`;

const ROUTES: Record<string, string> = {
  '/pages/v2.html': page('<bmi-predictor weights-src="/sample-weights.json"></bmi-predictor>'),
  '/pages/countries.html': page('<bmi-predictor weights-src="/sample-weights.json" population="countries"></bmi-predictor>'),
  '/pages/no-interval.html': page('<bmi-predictor weights-src="/sample-weights.json" no-interval></bmi-predictor>'),
  '/pages/v1.html': page('<bmi-predictor weights-src="/fixtures/v1.json"></bmi-predictor>'),
  '/pages/v1-no-interval.html': page('<bmi-predictor weights-src="/fixtures/v1.json" no-interval></bmi-predictor>'),
  '/fixtures/v1.json': JSON.stringify(version1),
};

interface Detail {
  input: number;
  prediction: number;
  predictionInterval?: { level: number; low: number; high: number };
  confidenceInterval?: { level: number; low: number; high: number };
}

describe('<bmi-predictor> and 95% intervals', () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(dist, ROUTES);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Opens a page, waits for its model, predicts BMI 28.45 and returns what is shown and heard. */
  async function predictOn(
    open: Open,
    path: string,
  ): Promise<{ opened: AppPage; output: string; interval: string; note: string; detail: Detail }> {
    const opened = await open(`${server.url}${path}`, { webgpu: false });
    const { page: p } = opened;
    await p.locator('bmi-predictor [part=input][placeholder^="e.g."]').waitFor({ timeout: 10_000 });
    const heard = p.evaluate(
      () =>
        new Promise<unknown>((resolve) =>
          document.addEventListener('bmi-prediction', (event) => resolve((event as CustomEvent).detail), { once: true }),
        ),
    );
    const { output } = await predictText(p, '28.45');
    const text = async (part: string, on: Page = p) => {
      const located = on.locator(`bmi-predictor [part=${part}]`);
      return (await located.count()) === 0 ? '' : ((await located.textContent()) ?? '').trim();
    };
    return { opened, output, interval: await text('interval'), note: await text('interval-note'), detail: (await heard) as Detail };
  }

  test('shows the 95% prediction interval of a version 2 file beside the prediction, and puts both intervals in the event', async ({
    open,
  }) => {
    const { opened, output, interval, note, detail } = await predictOn(open, '/pages/v2.html');
    expect(output).toBe('78.9 years');
    expect(interval).toBe('; 95% of cases with this BMI: 65.7 to 92.0');
    expect(note).toBe('');
    await expect(opened.page.locator('bmi-predictor [part=interval]').getAttribute('aria-live')).resolves.toBe('polite');
    const reference = R_INTERVALS[1];
    expect(detail.predictionInterval!.level).toBe(0.95);
    expect(relativeError(detail.predictionInterval!.low, reference.prediction[0])).toBeLessThan(1e-6);
    expect(relativeError(detail.predictionInterval!.high, reference.prediction[1])).toBeLessThan(1e-6);
    expect(relativeError(detail.confidenceInterval!.low, reference.confidence[0])).toBeLessThan(1e-6);
    expect(relativeError(detail.confidenceInterval!.high, reference.confidence[1])).toBeLessThan(1e-6);
    expect(opened.errors).toEqual([]);
  });

  test('names the rows as `population` says', async ({ open }) => {
    const { opened, interval } = await predictOn(open, '/pages/countries.html');
    expect(interval).toBe('; 95% of countries with this BMI: 65.7 to 92.0');
    expect(opened.errors).toEqual([]);
  });

  test('hides the interval with no-interval; the event still carries it', async ({ open }) => {
    const { opened, output, interval, detail } = await predictOn(open, '/pages/no-interval.html');
    expect(output).toBe('78.9 years');
    expect(interval).toBe('');
    expect(detail.predictionInterval).toBeDefined();
    expect(opened.errors).toEqual([]);
  });

  test('still predicts from a version 1 file, without an interval and with a note saying why', async ({ open }) => {
    const { opened, output, interval, note, detail } = await predictOn(open, '/pages/v1.html');
    expect(output).toBe('78.9 years');
    expect(interval).toBe('');
    expect(note).toMatch(/^No 95% interval: its weights file is version 1, which carries no interval statistics/);
    expect(detail.prediction).toBeCloseTo(R_INTERVALS[1].fitted, 8);
    expect(detail.predictionInterval).toBeUndefined();
    expect(opened.errors).toEqual([]);
  });

  test('shows no note with no-interval', async ({ open }) => {
    const { opened, note } = await predictOn(open, '/pages/v1-no-interval.html');
    expect(note).toBe('');
    expect(opened.errors).toEqual([]);
  });
});
