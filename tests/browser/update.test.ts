/**
 * A new version of the app never swaps code under the user: it installs in the background, the page
 * says "A new version is ready", a training run started before goes on, a plain browser reload still gets the old
 * version, and only the notice's Reload button starts the new one. Served from a copy of dist/ by a
 * plain static server, so the test can publish a "new version" by changing files.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { control, progressEpoch, runState, waitForEpochAbove, waitForRunState, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';
import { isControlled, waitForServiceWorker } from './service-worker.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Publishes a "new version": the page gets a marker, and the service worker lists its new revision. */
async function publishNewVersion(root: string): Promise<void> {
  const index = join(root, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace('<head>', '<head><meta name="app-version" content="2">'));
  const worker = join(root, 'sw.js');
  const script = await readFile(worker, 'utf8');
  const next = script.replace(/(url:"index\.html",revision:")[^"]*"/, '$1next-version"');
  if (next === script) throw new Error('sw.js no longer lists index.html the way this test expects');
  await writeFile(worker, next);
}

const version = (page: Page) => page.evaluate(() => document.querySelector('meta[name=app-version]')?.getAttribute('content') ?? '1');
const notice = (page: Page) => page.locator('update-notice');

/** Asks the browser to look for a new service worker now (it also does on each navigation). */
const checkForUpdate = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

describe('an update of the app', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bmi-update-'));
    await cp(dist, root, { recursive: true });
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  test('waits while training runs, survives a browser reload, and starts on the notice’s Reload', async ({ open }) => {
    const { page, errors } = await open(`${server.url}/index.html?split=0&epochs=100000&batch=32&lr=0.001`, { serviceWorkers: true });
    expect(await waitForServiceWorker(page)).toBe('activated');
    await page.reload();
    expect(await isControlled(page)).toBe(true);
    await waitUntilReady(page);
    await expect(notice(page).getAttribute('ready')).resolves.toBeNull();

    // A run in progress (paused, so that it is still there however fast the epochs go here).
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    await control(page, 'Pause').click();
    await waitForRunState(page, 'paused');
    await publishNewVersion(root);
    await checkForUpdate(page);
    await page.locator('update-notice[ready]').waitFor({ timeout: 60_000 });
    expect(((await notice(page).locator('[part=notice]').textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(
      'A new version is ready: Reload',
    );
    // The run goes on, on the code it started with; the new worker only waits.
    expect(await runState(page)).toBe('paused');
    const epoch = await progressEpoch(page);
    await control(page, 'Resume').click();
    await waitForEpochAbove(page, epoch);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true);
    expect(await version(page)).toBe('1');

    // A plain reload keeps the old version and says again that a new one waits.
    await page.reload();
    await waitUntilReady(page);
    expect(await version(page)).toBe('1');
    await page.locator('update-notice[ready]').waitFor({ timeout: 60_000 });

    // The notice's Reload starts the new version.
    const reloaded = page.waitForEvent('load');
    await notice(page).getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await waitUntilReady(page);
    expect(await version(page)).toBe('2');
    await expect(notice(page).getAttribute('ready')).resolves.toBeNull();
    expect(errors).toEqual([]);
    // Installing the new version shares two cores with a software-WebGPU run: allow it time.
  }, 150_000);
});
