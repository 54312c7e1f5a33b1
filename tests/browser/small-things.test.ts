/**
 * Smaller things on the page: ignored URL values leave the address and their notice can be closed;
 * the dashed refitted line stands out (3:1 on the card, wider than the fitted line) in both schemes;
 * the scatter plot's legend does not repeat the bands box's text.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { contrastRatio, trainAndWait, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

/** The refitted line's series as uPlot draws it: its colour, width and label, and the card's colour. */
function refitSeries(page: Page): Promise<{ stroke: string; width: number; surface: string } | undefined> {
  return page.locator('scatter-plot').evaluate((element) => {
    const plot = (element as unknown as { plot: { series: { label?: string; width?: number; _stroke?: string }[] } }).plot;
    const series = plot.series.find((s) => s.label?.startsWith('Refitted without'));
    if (!series) return undefined;
    return { stroke: series._stroke ?? '', width: series.width ?? 0, surface: getComputedStyle(element).getPropertyValue('--bp-surface') };
  });
}

describe('smaller things', () => {
  test('ignored URL values leave the address, and their notice closes', async ({ open }) => {
    const { page, errors } = await open('?lr=abc&epochs=20&optimizer=magic');
    await waitUntilReady(page);
    await expect(page.locator('[data-notices] li').count()).resolves.toBe(2);
    const query = new URL(page.url()).searchParams;
    expect(query.get('lr')).not.toBe('abc');
    expect(query.get('optimizer')).not.toBe('magic');
    expect(query.get('epochs')).toBe('20');
    await page.getByRole('button', { name: 'Dismiss the notices' }).click();
    await expect(page.locator('[data-notices]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test('the refitted line is drawn wider than the fitted line, at 3:1 or more on the card, light and dark', async ({ open }) => {
    const { page, errors } = await open('?epochs=20');
    await waitUntilReady(page);
    await trainAndWait(page);
    await page.locator('furthest-points button').first().click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect.poll(async () => (await refitSeries(page))?.surface.trim()).toBe(colorScheme === 'light' ? '#ffffff' : '#1a1f26');
      const refit = (await refitSeries(page))!;
      expect(refit.width).toBeGreaterThanOrEqual(3);
      const toRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.trim().slice(i, i + 2), 16)).join(', ')})`;
      expect(contrastRatio(toRgb(refit.stroke), toRgb(refit.surface))).toBeGreaterThanOrEqual(3);
    }
    expect(errors).toEqual([]);
  });

  test("the scatter plot's legend does not repeat the bands box's words, and fits one row at 1280 px", async ({ open }) => {
    const { page, errors } = await open('?epochs=20');
    await waitUntilReady(page);
    await trainAndWait(page);
    await page.locator('scatter-plot .u-legend').waitFor();
    const box = ((await page.getByLabel(/Show the 95% bands/).evaluate((input) => input.parentElement?.textContent)) ?? '').trim();
    const legend = await page.locator('scatter-plot .u-legend .u-label').allTextContents();
    for (const label of legend.filter((text) => text.startsWith('95%'))) expect(box).not.toContain(label.replace(/^95% /, ''));
    // Data points, the fitted line and both bands, in one row of the Data card at 1280 px.
    const entries = page.locator('scatter-plot .u-legend .u-series').filter({ visible: true });
    await expect(entries.count()).resolves.toBe(4);
    const tops = await entries.evaluateAll((rows) => rows.map((row) => Math.round(row.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(errors).toEqual([]);
  });
});
