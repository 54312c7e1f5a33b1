/**
 * Without `--enable-unsafe-webgpu` headless Chromium gives no WebGPU adapter: the app must say so,
 * fall back, and still train and predict correctly. `?backend=` forces a backend.
 */
import { describe, expect } from 'vitest';
import { OPTIMUM_MSE, backendBadge, metricValue, predictText, trainAndWait, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

describe('without a WebGPU adapter', () => {
  test('shows why WebGPU was passed over, then trains and predicts on the fallback', async ({ open }) => {
    const { page, errors } = await open('?split=0', { webgpu: false });
    await waitUntilReady(page);
    const badge = await backendBadge(page).getAttribute('data-backend');
    expect(['webgl', 'wasm', 'cpu']).toContain(badge);
    await expect(page.locator('backend-status [part=reason]').textContent()).resolves.toMatch(
      /WebGPU unavailable: no adapter.*; using (WebGL|WASM|CPU)/,
    );
    await trainAndWait(page);
    expect(Math.abs((await metricValue(page, 'mse')) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
    expect((await predictText(page, '21.07931')).output).toBe('60.3 years');
    expect(errors).toEqual([]);
  });

  test.for(['wasm', 'cpu'] as const)('runs on %s when ?backend= asks for it', async (backend, { open }) => {
    const { page, errors } = await open(`?backend=${backend}&split=0`, { webgpu: false });
    await waitUntilReady(page);
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe(backend);
    await trainAndWait(page);
    expect((await predictText(page, '21.07931')).output).toBe('60.3 years');
    expect(errors).toEqual([]);
  });
});

describe('first paint', () => {
  test('happens before TensorFlow.js is even requested', async ({ open }) => {
    const { page } = await open();
    await waitUntilReady(page);
    const timing = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      // The engine module comes first, then the worker that loads TF.js.
      const tf = performance.getEntriesByType('resource').find((entry) => /(engine|worker).*\.js$/.test(entry.name))?.startTime;
      return { paint, tf };
    });
    expect(timing.paint).toBeGreaterThan(0);
    expect(timing.tf).toBeGreaterThan(timing.paint);
  });
});
