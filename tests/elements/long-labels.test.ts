/**
 * Issue 22, class 9: a 10,000-character label never widens the page. The furthest-points list, the
 * influence heading, the scatter plot's tooltip and its refit legend cut it with an ellipsis; the whole
 * name stays in the tooltip (`title`) and in the accessible name.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { packTexts } from '../../src/core/csv/text-column.ts';
import { influenceOf } from '../../src/core/stats/influence.ts';
import '../../src/ui/furthest-points.ts';
import '../../src/ui/point-influence.ts';
import '../../src/ui/scatter-plot.ts';
import { drawn } from './charts.ts';
import { fiveRows, REFERENCE_LINE } from './fixtures.ts';
import { mount, part, settled, shadowOf } from './mount.ts';
import { pointAt } from './point-charts.ts';

/** "Republic of …" and 10,000 characters more, without a space to break at. */
const LONG = `Republic of ${'Xy'.repeat(5000)}`;
const data = { ...fiveRows(), labelName: 'Country', labels: packTexts(['Afghanistan', LONG, 'Algeria', 'Andorra', 'Angola']) };

/** Whether anything on the test page sticks out sideways (the page would scroll horizontally). */
function pageIsWiderThanWindow(): boolean {
  return document.documentElement.scrollWidth > window.innerWidth;
}

/** The element is cut: its text is wider than its box, which ends with an ellipsis. */
function expectCut(element: HTMLElement): void {
  expect(element.scrollWidth).toBeGreaterThan(element.clientWidth);
  expect(element.clientWidth).toBeLessThanOrEqual(window.innerWidth);
  expect(getComputedStyle(element).textOverflow).toBe('ellipsis');
}

describe('a 10,000-character label', () => {
  it('is cut in the furthest-points list, whole in the tooltip and the button’s accessible name', async () => {
    const list = await mount('furthest-points', {
      data,
      points: [
        { index: 1, residual: -21.46 },
        { index: 3, residual: 7.79 },
      ],
    });
    expect(pageIsWiderThanWindow()).toBe(false);
    const button = part(list, 'button[data-row="1"]');
    expect(button.title).toBe(LONG);
    expectCut(part(list, 'button[data-row="1"] .name'));
    // The residual stays in view beside the cut name.
    expect(part(list, 'button[data-row="1"] .residual').getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
    await expect.element(page.getByRole('button', { name: `${LONG} −21.46` })).toBeInTheDocument();
  });

  it('is cut in the influence heading, whole in its title and text', async () => {
    const panel = await mount('point-influence', { data, selected: 1, influence: influenceOf(data, 1) });
    expect(pageIsWiderThanWindow()).toBe(false);
    const name = part(panel, '[data-summary] .truncate');
    expect(name.title).toBe(LONG);
    expect(name.textContent).toBe(LONG);
    expectCut(name);
  });

  it('is cut in the scatter plot’s tooltip and in its refit legend entry', async () => {
    const chart = await mount('scatter-plot', { data, line: REFERENCE_LINE, selected: 1, refit: { slope: 2, intercept: 10 } });
    await drawn(chart);
    await pointAt(chart, 1);
    await settled(chart);
    expect(pageIsWiderThanWindow()).toBe(false);
    expectCut(part(chart, '[data-tooltip] strong'));
    const legend = [...shadowOf(chart).querySelectorAll<HTMLElement>('.u-legend .u-label')].find((label) =>
      label.textContent?.startsWith('Refitted without'),
    );
    expect(legend).toBeDefined();
    expectCut(legend!);
    // The whole name is announced for the point under the pointer.
    expect(part(chart, '[data-active]').textContent).toContain(LONG);
  });
});
