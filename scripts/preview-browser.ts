/**
 * For the screenshot scripts: serves the built app (dist/, from `npm run build`) with Vite's preview
 * server and launches the system's headless Chromium with WebGPU.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview } from 'vite';

export interface PreviewBrowser {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openPreviewBrowser(): Promise<PreviewBrowser> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server gave no URL.');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--no-sandbox'],
  });
  return {
    url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Brings every chart and the loss landscape into view once (they are drawn when they come near the
 * window), waits until each is drawn, and scrolls back to the top: a full-page screenshot then shows
 * them all.
 */
export async function drawEverything(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()!.height / 2;
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await chartsDrawn(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Waits until the fonts are in, the page has painted twice, and every chart near the window is drawn (they build in tasks of their own). */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page
    .locator('scatter-plot, residuals-plot, loss-chart, loss-landscape, predicted-actual-plot')
    .evaluateAll((charts) =>
      Promise.all(charts.map((chart) => (chart as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete)),
    );
}
