/**
 * Makes the README's screenshots: serves the built app, trains once per width in headless Chromium
 * with WebGPU, predicts, and saves the page in light and dark at 360, 768 and 1280 px as
 * docs/screenshot-<width>-<scheme>.png. Run `npm run build` first. Waits for states, never for time,
 * so it gives the same pictures on a slow or busy machine.
 */
import { chartsDrawn, drawEverything, openPreviewBrowser } from './preview-browser.ts';

const WIDTHS = [360, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

const { url, browser, close } = await openPreviewBrowser();
try {
  for (const width of WIDTHS) {
    // No service worker: it would only fetch the whole build in the background.
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    const train = page.getByRole('button', { name: 'Train' });
    await train.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
    const runsBefore = Number(await page.locator('training-panel').getAttribute('data-runs-finished'));
    await train.click();
    await page.locator(`training-panel[data-runs-finished="${runsBefore + 1}"]`).waitFor({ timeout: 120_000 });
    const field = page.locator('bmi-predictor').getByLabel('BMI', { exact: true });
    await field.fill('28.45');
    await field.press('Enter');
    await page.locator('bmi-predictor output').filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
    // Leave no focus ring or hover on the pictures.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    // Charts below the fold are drawn when they come near the window: bring each in once.
    await drawEverything(page);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await chartsDrawn(page);
      const path = `docs/screenshot-${width}-${scheme}.png`;
      await page.screenshot({ path, fullPage: true });
      console.log(`wrote ${path}`);
    }
    await context.close();
  }
} finally {
  await close();
}
