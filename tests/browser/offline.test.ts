/**
 * Offline after one visit: the built app registers a service worker that precaches the whole build.
 * Each test visits the app once online, goes offline (Playwright's offline context), reloads, and
 * trains and predicts with no network, on WebGPU and on the WASM backend (its binaries precached too).
 */
import { describe, expect } from 'vitest';
import { REFERENCE } from '../unit/reference.ts';
import { OPTIMUM_MSE, backendBadge, dataSummary, metricValue, modelLine, predictValue, trainAndWait, waitUntilReady } from './app-page.ts';
import { test, type Open } from './browser.ts';
import { isControlled, waitForServiceWorker } from './service-worker.ts';

/** Visits the app once online, then reloads `path` with the network off; returns the page and its errors. */
async function reloadOffline(open: Open, path: string) {
  const app = await open('', { serviceWorkers: true });
  expect(await waitForServiceWorker(app.page)).toBe('activated');
  await app.page.context().setOffline(true);
  expect(await app.page.evaluate(() => navigator.onLine)).toBe(false);
  await app.page.goto(new URL(path, app.page.url()).href);
  // The page itself came from the service worker, not the network.
  expect(await isControlled(app.page)).toBe(true);
  // And the network really is off, for the service worker too: what it has not cached fails.
  const uncached = await app.page.evaluate(() =>
    fetch('not-precached.txt').then(
      (response) => `HTTP ${response.status}`,
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');
  // That probe's failure is the one console error expected here.
  expect(app.errors.splice(0)).toEqual(['console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED']);
  return app;
}

describe('the app offline after one visit', () => {
  test('loads the bundled data, trains on WebGPU and predicts with no network', async ({ open }) => {
    const { page, errors } = await reloadOffline(open, '?split=0&epochs=60');
    await waitUntilReady(page);
    expect(await dataSummary(page)).toMatch(/163 rows/);
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('webgpu');
    await trainAndWait(page);
    expect(Math.abs((await metricValue(page, 'mse')) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
    const line = await modelLine(page);
    expect(line.slope).toBeCloseTo(REFERENCE.slope, 2);
    const prediction = await predictValue(page, '28.45');
    expect(prediction).toBeCloseTo(line.slope * 28.45 + line.intercept, 9);
    expect(prediction).toBeCloseTo(REFERENCE.predictionAt28, 1);
    expect(errors).toEqual([]);
  });

  test('trains on the WASM backend with no network (its binaries come from the cache)', async ({ open }) => {
    const { page, errors } = await reloadOffline(open, '?split=0&epochs=60&backend=wasm');
    await waitUntilReady(page);
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('wasm');
    await trainAndWait(page);
    expect(Math.abs((await metricValue(page, 'mse')) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
    expect(await predictValue(page, '28.45')).toBeCloseTo(REFERENCE.predictionAt28, 1);
    expect(errors).toEqual([]);
  });
});
