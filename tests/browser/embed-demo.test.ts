/** The embed demo page (embed.html of the build): its code blocks copy with one button and say so. */
import { describe, expect } from 'vitest';
import { test } from './browser.ts';

describe('the embed demo page', () => {
  test('copies the snippet with its Copy button and announces it', async ({ open }) => {
    const { page, errors } = await open('embed.html', { webgpu: false });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const snippet = (await page.locator('pre[aria-label=snippet] code').textContent()) ?? '';
    expect(snippet).toContain('<bmi-predictor weights-src=');
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied snippet to the clipboard.' }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await expect(page.getByRole('button', { name: 'Copy snippet' }).textContent()).resolves.toBe('Copied');
    expect(errors).toEqual([]);
  });

  test('the styled example, labelled "Your BMI", says "95% of countries with this BMI"', async ({ open }) => {
    const { page, errors } = await open('embed.html', { webgpu: false });
    const interval = page.locator('#styled [part=interval]');
    await interval.filter({ hasText: /95%/ }).waitFor();
    await expect(interval.textContent()).resolves.toBe('; 95% of countries with this BMI: 65.71 to 92.04');
    expect(errors).toEqual([]);
  });
});
