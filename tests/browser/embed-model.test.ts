/**
 * "Embed this model" in the app's Model card: the snippet it copies, pasted into a plain page of
 * another server (which has no copy of bmi-predictor.js: the snippet loads it from the app's own
 * address), predicts exactly what the app predicts, with the data's word for its rows.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, inject } from 'vitest';
import { modelLine, predictValue, trainAndWait, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';
import { serveStatic } from './static-server.ts';

/** A folder with no bmi-predictor.js in it: the pasted page's server has only the page. */
const elsewhere = fileURLToPath(new URL('./pages/', import.meta.url));

describe('Embed this model', () => {
  test('copies a snippet that predicts on a plain page the same number as the app, and says so', async ({ open }) => {
    const app = await open('?split=0&epochs=20');
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await waitUntilReady(app.page);
    const embed = app.page.getByRole('button', { name: 'Embed this model' });
    await expect(embed.isDisabled()).resolves.toBe(true);
    await trainAndWait(app.page);
    await embed.click();
    await app.page
      .locator('[data-embed-status]')
      .filter({ hasText: /^Copied the snippet/ })
      .waitFor();
    await expect(app.page.locator('[data-embed-status]').getAttribute('role')).resolves.toBe('status');
    const snippet = await app.page.evaluate(() => navigator.clipboard.readText());
    const scriptUrl = new URL('bmi-predictor.js', inject('appUrl')).href;
    expect(snippet.startsWith(`<script type="module" src="${scriptUrl}"></script>\n<bmi-predictor population="countries" weights='`)).toBe(
      true,
    );
    // It says where the script comes from.
    await expect(app.page.locator('[data-embed-status]').textContent()).resolves.toContain(`from this app (${scriptUrl})`);
    const inApp = await predictValue(app.page, '28.45');
    const line = await modelLine(app.page);
    expect(inApp).toBe(line.slope * 28.45 + line.intercept);

    const server = await serveStatic(elsewhere, {
      '/pasted.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My page</title></head><body>\n${snippet}</body></html>`,
      '/favicon.ico': '',
    });
    try {
      const plain = await open(`${server.url}/pasted.html`);
      expect(await predictValue(plain.page, '28.45')).toBe(inApp);
      await expect(plain.page.locator('bmi-predictor [part=interval]').textContent()).resolves.toMatch(
        /^; 95% of countries with this BMI: /,
      );
      expect(plain.errors).toEqual([]);
    } finally {
      await server.close();
    }
    expect(app.errors).toEqual([]);
  });
});
