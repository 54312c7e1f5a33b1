/**
 * The one browser fixture of the whole-app tests: Debian's Chromium through playwright-core, launched
 * once per test file (with or without software WebGPU, each only when a test asks for it), and a fresh
 * browser context per page, closed when its test ends, so no test sees another's page, storage or
 * downloads. Every uncaught error and console error of a page is collected for the test to assert on.
 *
 *     import { test } from './browser.ts';
 *     test('…', async ({ open }) => { const { page, errors } = await open('?split=0'); … });
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject, test as base } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Chromium of the kind asked for. Tests get theirs from the `test` fixture below. */
export function launchBrowser({ webgpu = true }: { webgpu?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      // Without this flag headless Chromium has no WebGPU adapter, which is how the fallback is tested.
      ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AppPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far. */
  errors: string[];
}

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  width?: number;
  /** Runs in the page before the app, e.g. to break an API. */
  initScript?: () => void;
  /** False: a browser without a WebGPU adapter (the fallback). Default true. */
  webgpu?: boolean;
  /**
   * Off unless asked: a service worker would serve reloads from its cache and fetch the whole build in
   * the background of every test. The offline and update tests turn it on.
   */
  serviceWorkers?: boolean;
}

/** Opens a page of the app (a path relative to the served dist/, or a full URL) in its own context. */
export type Open = (path?: string, options?: OpenOptions) => Promise<AppPage>;

/**
 * Opens a page in a new context of `browser` and records its errors. Tests use the `open` fixture,
 * which also closes the context when the test ends; this is its one implementation.
 */
export async function openApp(browser: Browser, path = '', options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
    serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(new URL(path, inject('appUrl')).href);
  return { page, errors };
}

interface Browsers {
  get(webgpu: boolean): Promise<Browser>;
}

export const test = base
  // One launch per kind per test file, on first use; closed when the file is done.
  // (Vitest reads a fixture's dependencies from its first parameter's destructuring: here none.)
  // eslint-disable-next-line no-empty-pattern
  .extend('browsers', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browsers> => {
    const launched = new Map<boolean, Promise<Browser>>();
    onCleanup(async () => {
      await Promise.all([...launched.values()].map(async (browser) => (await browser).close()));
    });
    return {
      get(webgpu) {
        if (!launched.has(webgpu)) launched.set(webgpu, launchBrowser({ webgpu }));
        return launched.get(webgpu)!;
      },
    };
  })
  .extend('open', async ({ browsers }, { onCleanup }): Promise<Open> => {
    const pages: Page[] = [];
    onCleanup(async () => {
      await Promise.all(pages.map((page) => page.context().close()));
    });
    return async (path = '', options = {}) => {
      const app = await openApp(await browsers.get(options.webgpu ?? true), path, options);
      pages.push(app.page);
      return app;
    };
  });
