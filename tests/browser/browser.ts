/**
 * Launches Debian's Chromium through playwright-core and opens pages of the app, collecting every
 * uncaught error and console error so a test can assert there were none.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserOptions {
  /** Without this flag headless Chromium has no WebGPU adapter, which is how the fallback is tested. */
  webgpu?: boolean;
}

export function launchBrowser({ webgpu = true }: BrowserOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
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

/** Opens the app (or another page of the same server) and records errors. */
export async function openApp(
  browser: Browser,
  path = '',
  options: {
    colorScheme?: 'light' | 'dark';
    width?: number;
    /** Runs in the page before the app, e.g. to break an API. */
    initScript?: () => void;
    /**
     * Off unless asked: a service worker would serve reloads from its cache and fetch the whole build in
     * the background of every test. The offline and update tests turn it on.
     */
    serviceWorkers?: boolean;
  } = {},
): Promise<AppPage> {
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
