/** The embed demo page (embed.html of the build): its code blocks copy with one button and say so. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser.ts';

describe('the embed demo page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser({ webgpu: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('copies the snippet with its Copy button and announces it', async () => {
    const { page, errors } = await openApp(browser, 'embed.html');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const snippet = (await page.locator('pre[aria-label=snippet] code').textContent()) ?? '';
    expect(snippet).toContain('<bmi-predictor weights-src=');
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied snippet to the clipboard.' }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await expect(page.getByRole('button', { name: 'Copy snippet' }).textContent()).resolves.toBe('Copied');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
