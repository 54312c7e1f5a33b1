/**
 * The fused WebGPU training path on Chromium's software adapter, against TF.js's per-op loop and a
 * float64 gradient descent: same weights, same losses, same run ends whatever number of epochs is
 * queued per read-back, no leaked tensors, and no shader compiled after the first epoch.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE } from '../unit/reference.ts';
import { launchBrowser, openApp } from './browser.ts';
import type { CheckRequest, CheckResult } from './pages/fused-training.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function checkPage(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(browser, 'tests/browser/pages/fused-training.html');
  await opened.page.waitForFunction(() => 'fusedCheck' in globalThis, null, { timeout: 60_000 });
  return opened;
}

async function train(page: Page, request: CheckRequest): Promise<CheckResult> {
  return page.evaluate((r) => (globalThis as unknown as { fusedCheck: { train(r: CheckRequest): Promise<CheckResult> } }).fusedCheck.train(r), request);
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('fused WebGPU training (software adapter)', () => {
  it('trains the bundled data to the exact least-squares line, cleans up, and compiles nothing after the first epoch', async () => {
    const { page, errors } = await checkPage();
    const result = await train(page, { fused: true, rows: 163, settings: { epochs: 200 }, reportIntervalMs: 0 });
    expect(result.backend).toBe('webgpu');
    expect(result.kernel).toMatch(/^WebGPU · fused/);
    expect(relative(result.slope, REFERENCE.slope)).toBeLessThan(1e-3);
    expect(relative(result.intercept, REFERENCE.intercept)).toBeLessThan(1e-3);
    expect(result.points.map((p) => p.epoch)).toEqual(Array.from({ length: 201 }, (_, i) => i));
    expect(relative(result.points.at(-1)!.trainLoss, REFERENCE.mse)).toBeLessThan(1e-3);
    expect(result.tensorsAfter).toBe(result.tensorsBefore);
    expect(result.pipelines.length).toBeGreaterThan(1);
    expect(new Set(result.pipelines.slice(1)).size).toBe(1);
    expect(result.pipelines.at(-1)).toBe(result.pipelines[0]);
    expect(errors).toEqual([]);
  });
});
