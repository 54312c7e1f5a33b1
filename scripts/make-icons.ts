/**
 * Renders the app icon (public/icons/icon.svg) to the PNG sizes the web app manifest and iOS ask for,
 * with the system's headless Chromium, so no image library is needed. `npm run icons` after changing
 * the SVG; the PNGs are committed.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const SIZES = [
  { size: 192, file: 'public/icons/icon-192.png' },
  { size: 512, file: 'public/icons/icon-512.png' },
  { size: 180, file: 'public/icons/apple-touch-icon.png' },
  { size: 32, file: 'public/icons/favicon-32.png' },
];

const svg = await readFile('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const { size, file } of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: file, omitBackground: true });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
