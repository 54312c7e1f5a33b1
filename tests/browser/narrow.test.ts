/**
 * Nothing is clipped on a narrow phone: at 320 and 390 px, after training, with a prediction typed and
 * More settings open, no element reaches outside the window unless it is inside a box that scrolls
 * sideways; and the fit summary's table, which does scroll on a phone, says so.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { openMoreSettings, trainAndWait, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

/** Elements (through the shadow roots) that reach outside the window and are not inside a sideways scroller. */
function stickingOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    const parentOf = (element: Element): Element | null => element.parentElement ?? (element.getRootNode() as ShadowRoot).host ?? null;
    const inScroller = (element: Element): boolean => {
      for (let at = parentOf(element); at; at = parentOf(at)) if (/auto|scroll/.test(getComputedStyle(at).overflowX)) return true;
      return false;
    };
    const walk = (root: Document | ShadowRoot, path: string): void => {
      for (const element of root.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && !inScroller(element)) {
          found.push(`${path} ${element.localName}.${element.className} (${Math.round(box.left)} to ${Math.round(box.right)})`);
        }
        if (element.shadowRoot) walk(element.shadowRoot, `${path} > ${element.localName}`);
      }
    };
    walk(document, '');
    return found;
  });
}

describe('on a narrow phone', () => {
  test('nothing reaches outside the window at 320 and 390 px, and the fit table says that it scrolls', async ({ open }) => {
    const { page, errors } = await open('?epochs=20', { width: 320 });
    await waitUntilReady(page);
    await trainAndWait(page);
    await page.locator('bmi-predictor').getByLabel('BMI', { exact: true }).fill('28.45');
    await openMoreSettings(page);
    await page.locator('fit-summary-table [data-fit-summary]').waitFor();
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await stickingOut(page), `at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => page.locator('fit-summary-table [data-scroll-hint]').count()).toBe(1);
    await expect(page.locator('fit-summary-table [data-scroll-hint]').textContent()).resolves.toMatch(/scrolls sideways/);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => page.locator('fit-summary-table [data-scroll-hint]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
