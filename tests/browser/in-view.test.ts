/**
 * What the user works with is where they look: the prediction typed is drawn on the scatter plot (its
 * point and 95% prediction interval) and moves as they type; at 1280×900 the form and the plot are in
 * view together; skip links reach each section in a few Tab presses; and every Undo appears in the
 * window, whichever action offered it.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { control, deepFocus, deleteSaved, trainAndWait, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

const field = (page: Page) => page.locator('bmi-predictor').getByLabel('BMI', { exact: true });

/** What the scatter plot marks, and the colour of the canvas pixel at the marked point. */
function markOnPlot(page: Page): Promise<{ x: number; y: number; low?: number; high?: number; pixel: number[] } | null> {
  return page.locator('scatter-plot').evaluate((element) => {
    const chart = element as HTMLElement & {
      prediction: { x: number; y: number; interval?: { low: number; high: number } } | null;
      plot: { valToPos(value: number, scale: string, canvasPixels?: boolean): number; ctx: CanvasRenderingContext2D };
    };
    const mark = chart.prediction;
    if (!mark) return null;
    const { ctx } = chart.plot;
    const at = ctx.getImageData(
      Math.round(chart.plot.valToPos(mark.x, 'x', true)),
      Math.round(chart.plot.valToPos(mark.y, 'y', true)),
      1,
      1,
    );
    return { x: mark.x, y: mark.y, low: mark.interval?.low, high: mark.interval?.high, pixel: Array.from(at.data.slice(0, 3)) };
  });
}

/** Whether the element's box lies wholly inside the window. */
function inWindow(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  });
}

describe('in view', () => {
  test('the prediction typed is drawn on the scatter plot with its interval, moves as one types, and is in view with the form', async ({
    open,
  }) => {
    const { page, errors } = await open('?epochs=50');
    await waitUntilReady(page);
    await trainAndWait(page);
    // Typed, not yet submitted: the plot follows the field.
    await field(page).fill('28.45');
    await expect.poll(() => markOnPlot(page)).not.toBeNull();
    const mark = (await markOnPlot(page))!;
    expect(mark.x).toBe(28.45);
    expect(mark.y.toFixed(1)).toBe('78.9');
    expect(mark.low!.toFixed(1)).toBe('65.7');
    expect(mark.high!.toFixed(1)).toBe('92.0');
    // The point is drawn in the accent colour (#2457c5) over the data.
    expect(mark.pixel).toEqual([0x24, 0x57, 0xc5]);
    await field(page).pressSequentially('5');
    await expect.poll(async () => (await markOnPlot(page))?.x).toBe(28.455);
    // Text the form would refuse marks nothing.
    await field(page).fill('abc');
    await expect.poll(() => markOnPlot(page)).toBeNull();
    await field(page).fill('24');
    await expect.poll(async () => (await markOnPlot(page))?.x).toBe(24);
    await expect(page.locator('scatter-plot .chart').getAttribute('aria-label')).resolves.toMatch(/Prediction marked at 24: /);
    // 1280×900: typing in the form, the whole plot is in view too.
    await field(page).focus();
    expect(await inWindow(page, 'bmi-predictor input')).toBe(true);
    expect(await inWindow(page, 'scatter-plot canvas')).toBe(true);
    expect(errors).toEqual([]);
  });

  test('links to the sections reach Training in a few Tab presses, and the next Tabs reach Train', async ({ open }) => {
    const { page, errors } = await open();
    await waitUntilReady(page);
    let presses = 0;
    const focusedText = () =>
      page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.textContent.trim() ?? '';
      });
    do {
      await page.keyboard.press('Tab');
      presses++;
    } while ((await focusedText()) !== 'Training' && presses < 5);
    expect(await focusedText()).toBe('Training');
    await page.keyboard.press('Enter');
    do {
      await page.keyboard.press('Tab');
      presses++;
    } while ((await deepFocus(page)).action !== 'train' && presses < 12);
    expect(await deepFocus(page)).toMatchObject({ tag: 'BUTTON', action: 'train' });
    expect(presses).toBeLessThanOrEqual(12);
    expect(errors).toEqual([]);
  });

  test('Undo appears in the window after Reset and after deleting a saved model', async ({ open }) => {
    const { page, errors } = await open('?epochs=5');
    await waitUntilReady(page);
    await trainAndWait(page);
    await control(page, 'Reset').click();
    const undo = page.locator('undo-bar').getByRole('button', { name: 'Undo', exact: true });
    await undo.waitFor();
    expect(await inWindow(page, 'undo-bar [data-undo] button')).toBe(true);
    await undo.click();
    // Saved, then deleted from the list at the page's foot.
    const name = page.locator('model-library').getByLabel('Model name', { exact: true });
    await name.fill('first');
    await page.locator('model-library').getByRole('button', { name: 'Save', exact: true }).click();
    await deleteSaved(page, 'first');
    await page.locator('undo-bar [data-undo]').filter({ hasText: /first/ }).waitFor();
    expect(await inWindow(page, 'undo-bar [data-undo] button')).toBe(true);
    // Dismissed, it goes until the next action offers an Undo.
    await page.locator('undo-bar').getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.locator('undo-bar [data-undo]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
