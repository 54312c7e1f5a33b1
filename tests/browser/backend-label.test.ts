/**
 * The page names what really trains: Chromium's software WebGPU adapter is "no GPU", the fused kernels
 * are shown, and after a fallback the tagline claims no GPU. The app then trains to the exact line.
 */
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { OPTIMUM_MSE, backendBadge, metricValue, trainAndWait, waitUntilReady } from './app-page.ts';
import { launchBrowser, openApp } from './browser.ts';

const browsers: Browser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

async function app(webgpu: boolean, path = '?split=0') {
  const browser = await launchBrowser({ webgpu });
  browsers.push(browser);
  const opened = await openApp(browser, path);
  await waitUntilReady(opened.page);
  return opened;
}

const text = async (locator: { textContent(): Promise<string | null> }): Promise<string> => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('an honest backend label', () => {
  it('on the software adapter: WebGPU, named as a software adapter with no GPU, its fused kernels, and training to the optimum', async () => {
    const { page, errors } = await app(true);
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('webgpu');
    const tagline = await text(page.locator('backend-tagline'));
    expect(tagline).toMatch(/WebGPU on a software adapter \(no GPU\)/);
    expect(tagline).not.toMatch(/on your GPU/);
    await expect(text(page.locator('backend-status [part=device]'))).resolves.toMatch(/^WebGPU on a software adapter \(.*swiftshader.*\): no GPU$/i);
    await expect(page.locator('backend-status [part=device]').getAttribute('data-software')).resolves.toBe('true');
    await expect(text(page.locator('backend-status [part=kernels]'))).resolves.toMatch(/fused kernels, workgroup 4/);
    await trainAndWait(page);
    expect(Math.abs((await metricValue(page, 'mse')) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
    expect(errors).toEqual([]);
  });

  it('after a fallback the tagline claims no GPU and names the backend in use', async () => {
    const { page, errors } = await app(false, '?split=0&backend=wasm');
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('wasm');
    const tagline = await text(page.locator('backend-tagline'));
    expect(tagline).toMatch(/with WASM on your CPU/);
    expect(tagline).not.toMatch(/GPU with/);
    await expect(page.locator('backend-status [part=kernels]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
