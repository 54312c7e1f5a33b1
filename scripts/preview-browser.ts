/**
 * For the screenshot scripts: serves the built app (dist/, from `npm run build`) with Vite's preview
 * server and launches the system's headless Chromium with WebGPU.
 */
import { chromium, type Browser } from 'playwright-core';
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
