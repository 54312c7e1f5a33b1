/**
 * Runs axe-core (the accessibility rules engine) inside a real Chromium page. axe.min.js is added as a
 * script to the page; axe walks open shadow roots by itself, so the Lit elements are checked too.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type ColorScheme = 'light' | 'dark';

/** The combinations the app is checked in: both colour schemes at a desktop's width and two phones'. */
export const LOOKS: readonly { colorScheme: ColorScheme; width: number }[] = [
  { colorScheme: 'light', width: 1280 },
  { colorScheme: 'dark', width: 1280 },
  { colorScheme: 'light', width: 390 },
  { colorScheme: 'dark', width: 390 },
  { colorScheme: 'light', width: 360 },
  { colorScheme: 'dark', width: 360 },
];

/**
 * The rules run: WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 brings the 24 × 24 px target size) and
 * axe's best practices.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One line per violation: rule, impact and the elements it found, so a failure says what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await axeSource });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
          }>;
        };
      }
    ).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: `${violation.id} (${violation.impact}): ${violation.help}`,
      nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
    }));
  }, AXE_TAGS);
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.rule} at ${node}`));
}

/** Checks the page as it is now in every look (colour scheme and width); returns the violations of each. */
export async function axeViolationsInEveryLook(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { colorScheme, width } of LOOKS) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    // Let styles and charts follow the new size and scheme before checking contrast.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const violations = await axeViolations(page);
    if (violations.length > 0) found[`${colorScheme} ${width}px`] = violations;
  }
  return found;
}
