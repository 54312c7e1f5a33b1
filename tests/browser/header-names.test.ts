/**
 * Issue 22, classes 8 and 9 on the built app in Chromium: a CSV whose columns are named `__proto__`
 * and `constructor` loads through the page's CSV worker, both columns are offered and trained on, and
 * the `__proto__` label column names the points (never "[object Object]"); a 10,000-character name
 * among them never widens the page.
 */
import { describe, expect } from 'vitest';
import { dataSummary, loadCsv, trainAndWait, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

/** Countries under a header named like object properties; one of them with a 10,000-character name. */
function prototypeCsv(): string {
  const long = `Republic of ${'Xy'.repeat(5000)}`;
  const rows = ['__proto__,constructor,toString'];
  for (let i = 0; i < 40; i++) {
    const bmi = 20 + (i % 10) + i / 100;
    const years = 40 + 1.5 * bmi + ((i * 7) % 11) - 5 + (i === 13 ? 25 : 0);
    rows.push(`${i === 13 ? long : `Country ${i}`},${bmi.toFixed(2)},${years.toFixed(1)}`);
  }
  return `${rows.join('\n')}\n`;
}

describe('header names objects inherit, and a long label', () => {
  test('a __proto__ label names the points and constructor / toString train; the long name is cut, the page not widened', async ({
    open,
  }) => {
    const { page, errors } = await open('?split=0&epochs=30');
    await waitUntilReady(page);
    await loadCsv(page, 'prototype.csv', prototypeCsv());
    expect(await dataSummary(page)).toBe('40 rows from prototype.csv');
    const options = await page.getByLabel('Feature (x axis)').locator('option').allTextContents();
    expect(options).toEqual(['constructor', 'toString']);
    await trainAndWait(page);
    const listed = await page.locator('furthest-points button .name').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.join(' ')).not.toMatch(/object Object/);
    expect(listed[0]).toMatch(/^Republic of XyXy/);
    // Selecting it puts the long name in the influence heading: still no sideways scroll.
    await page.locator('furthest-points button').first().click();
    await expect.poll(() => page.locator('point-influence [data-summary]').textContent()).toMatch(/^Without Republic of/);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(errors).toEqual([]);
  });
});
