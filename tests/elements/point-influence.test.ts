/** `<point-influence>` alone: the selected point's leverage, Cook's distance and refit. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { influenceOf, type Influence } from '../../src/core/stats/influence.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';
import { packTexts } from '../../src/core/csv/text-column.ts';
import '../../src/ui/point-influence.ts';
import type { PointSelectEvent } from '../../src/ui/point-events.ts';
import { fiveRows } from './fixtures.ts';
import { mount, part, recordEvents, shadowOf, textOf, update } from './mount.ts';

const data = { ...fiveRows(), labelName: 'Country', labels: packTexts(['Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola']) };

describe('<point-influence>', () => {
  it("shows the selected point's leverage, Cook's distance and refit, and clears the selection", async () => {
    const moments = momentsOf(data.x, data.y);
    const influence = influenceOf(data, 0, moments) as Influence;
    const panel = await mount('point-influence', { data, selected: 0, influence });
    const summary = textOf(part(panel, '[data-summary]'));
    const change = ((influence.refit.slope - influence.fit.slope) / influence.fit.slope) * 100;
    expect(summary).toBe(
      `Without Afghanistan: slope ${influence.refit.slope.toFixed(2)}, ${change < 0 ? '−' : '+'}${Math.abs(change).toFixed(1)}%`,
    );
    expect(textOf(part(panel, '[data-leverage]'))).toBe(influence.leverage.toFixed(4));
    expect(textOf(part(panel, '[data-cooks]'))).toBe(influence.cooksDistance.toFixed(4));
    const selections = recordEvents<PointSelectEvent>(panel, 'point-select');
    await userEvent.click(page.getByRole('button', { name: 'Clear selection' }));
    expect(selections.map((event) => event.row)).toEqual([null]);
    await update(panel, { selected: null, influence: undefined });
    expect(shadowOf(panel).querySelector('[data-summary]')).toBeNull();
  });
});

describe('<point-influence> when the refit has no answer', () => {
  it('says the other rows all have the same BMI, with no made-up slope or NaN, and still clears the selection', async () => {
    const flat = {
      featureName: 'Bmi',
      targetName: 'LifeExpectancy',
      x: Float64Array.from([22.5, 22.5, 22.5, 30.1]),
      y: Float64Array.from([61.2, 70.4, 66, 52]),
      labelName: 'Country',
      labels: packTexts(['P1', 'P2', 'P3', 'P4']),
    };
    const panel = await mount('point-influence', { data: flat, selected: 3, influence: influenceOf(flat, 3) });
    const text = textOf(part(panel, '[data-influence]'));
    expect(text).toMatch(/^Without P4: no line\. The other rows all have the same BMI: no line without this point/);
    expect(text).not.toMatch(/NaN|Infinity|slope −?\d/);
    await expect.element(page.getByRole('button', { name: 'Clear selection' })).toBeVisible();
    const everyRowEqual = { ...flat, x: Float64Array.from([22.5, 22.5, 22.5, 22.5]) };
    await update(panel, { data: everyRowEqual, influence: influenceOf(everyRowEqual, 3) });
    expect(textOf(part(panel, '[data-influence]'))).toMatch(
      /^Without P4: no line\. Every row has the same BMI: there is no line to refit\./,
    );
  });
});
