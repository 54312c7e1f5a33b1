/**
 * Makes the README's screenshots: serves the built app, trains once in headless Chromium with WebGPU,
 * predicts, and saves light and dark PNGs under docs/. Run `npm run build` first.
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server gave no URL.');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', '--no-sandbox'],
});
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.goto(url);
    const train = page.getByRole('button', { name: 'Train' });
    await train.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    await train.click();
    await page.locator('training-panel [data-status]').filter({ hasText: /^Trained/ }).waitFor({ timeout: 60_000 });
    await page.getByLabel('BMI', { exact: true }).fill('28.45');
    await page.getByLabel('BMI', { exact: true }).press('Enter');
    await page.waitForTimeout(300);
    const path = `docs/screenshot-${scheme}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`wrote ${path}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
