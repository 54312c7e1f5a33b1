/**
 * The page names what really trains: Chromium's software WebGPU adapter is "no GPU", the fused kernels
 * are shown, and after a fallback the tagline claims no GPU. The app then trains to the exact line.
 */
import { describe, expect } from 'vitest';
import { OPTIMUM_MSE, backendBadge, metricValue, trainAndWait, waitUntilReady } from './app-page.ts';
import { test, type Open } from './browser.ts';

async function app(open: Open, webgpu: boolean, path = '?split=0') {
  const opened = await open(path, { webgpu });
  await waitUntilReady(opened.page);
  return opened;
}

const text = async (locator: { textContent(): Promise<string | null> }): Promise<string> =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('an honest backend label', () => {
  test('on the software adapter: WebGPU, named as a software adapter with no GPU, its fused kernels, and training to the optimum', async ({
    open,
  }) => {
    const { page, errors } = await app(open, true);
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('webgpu');
    const tagline = await text(page.locator('backend-tagline'));
    expect(tagline).toMatch(/WebGPU on a software adapter \(no GPU\)/);
    expect(tagline).not.toMatch(/on your GPU/);
    await expect(text(page.locator('backend-status [part=device]'))).resolves.toMatch(
      /^WebGPU on a software adapter \(.*swiftshader.*\): no GPU$/i,
    );
    await expect(page.locator('backend-status [part=device]').getAttribute('data-software')).resolves.toBe('true');
    await expect(text(page.locator('backend-status [part=kernels]'))).resolves.toMatch(/fused kernels, workgroup 4/);
    await trainAndWait(page);
    expect(Math.abs((await metricValue(page, 'mse')) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
    expect(errors).toEqual([]);
  });

  test('after a fallback the tagline claims no GPU and names the backend in use', async ({ open }) => {
    const { page, errors } = await app(open, false, '?split=0&backend=wasm');
    await expect(backendBadge(page).getAttribute('data-backend')).resolves.toBe('wasm');
    const tagline = await text(page.locator('backend-tagline'));
    expect(tagline).toMatch(/with WASM on your CPU/);
    expect(tagline).not.toMatch(/GPU with/);
    await expect(page.locator('backend-status [part=kernels]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
