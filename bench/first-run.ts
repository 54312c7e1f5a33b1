/**
 * Times a click on Train to the end of that run on the page's own clock: the whole first run a user
 * waits for (shader compilation, the epochs, the read-backs, the page showing the result).
 */
import type { Page } from 'playwright-core';
import { control, untilRunEnds } from '../tests/browser/app-page.ts';

export async function measureFirstRun(page: Page): Promise<number> {
  await page.evaluate(() => {
    const times = { clicked: 0, done: 0 };
    (window as unknown as { firstRun: typeof times }).firstRun = times;
    document.addEventListener('click', () => (times.clicked ||= performance.now()), { capture: true });
    const panel = document.querySelector('bmi-app')!.shadowRoot!.querySelector('training-panel')!;
    new MutationObserver((_, observer) => {
      times.done = performance.now();
      observer.disconnect();
    }).observe(panel, { attributes: true, attributeFilter: ['data-runs-finished'] });
  });
  await untilRunEnds(page, () => control(page, 'Train').click());
  const times = await page.evaluate(() => (window as unknown as { firstRun: { clicked: number; done: number } }).firstRun);
  return times.done - times.clicked;
}
