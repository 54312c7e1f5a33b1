/** Service worker readings for the offline and update tests. */
import type { Page } from 'playwright-core';

/** Waits until the page's service worker is installed (every file precached) and activated. */
export function waitForServiceWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    // `ready` resolves once the worker is activating; its precache is complete when it is activated.
    if (worker.state === 'activating') await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
    return worker.state;
  });
}

/** Whether a service worker serves this page. */
export function isControlled(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}
