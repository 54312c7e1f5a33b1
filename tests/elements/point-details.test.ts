/** `<furthest-points>` and `<point-influence>` alone: the list that selects, and what a selected point does to the fit. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { influenceOf } from '../../src/core/influence.ts';
import { momentsOf } from '../../src/core/moments.ts';
import { packTexts } from '../../src/core/text-column.ts';
import '../../src/ui/furthest-points.ts';
import '../../src/ui/point-influence.ts';
import type { PointSelectEvent } from '../../src/ui/point-events.ts';
import { fiveRows } from './fixtures.ts';
import { mount, part, recordEvents, shadowOf, textOf, update } from './mount.ts';

const data = { ...fiveRows(), labelName: 'Country', labels: packTexts(['Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola']) };

describe('<furthest-points>', () => {
  it('shows nothing without points, then lists them with signed residuals, each a button that selects its row', async () => {
    const list = await mount('furthest-points', { data });
    expect(shadowOf(list).querySelector('ol')).toBeNull();
    await update(list, { points: [{ index: 3, residual: 7.785 }, { index: 4, residual: -6.57 }], selected: 4 });
    expect([...shadowOf(list).querySelectorAll('li')].map((item) => textOf(item))).toEqual(['Andorra +7.79', 'Angola −6.57']);
    await expect.element(page.getByRole('button', { name: 'Angola −6.57' })).toHaveAttribute('aria-pressed', 'true');
    const selections = recordEvents<PointSelectEvent>(list, 'point-select');
    await userEvent.click(page.getByRole('button', { name: 'Andorra +7.79' }));
    expect(selections.map((event) => event.row)).toEqual([3]);
  });
});

describe('<point-influence>', () => {
  it('shows the selected point\'s leverage, Cook\'s distance and refit, and clears the selection', async () => {
    const moments = momentsOf(data.x, data.y);
    const influence = influenceOf(moments, data.x[0]!, data.y[0]!)!;
    const panel = await mount('point-influence', { data, selected: 0, influence });
    const summary = textOf(part(panel, '[data-summary]'));
    const change = ((influence.refit.slope - influence.fit.slope) / influence.fit.slope) * 100;
    expect(summary).toBe(`Without Afghanistan: slope ${influence.refit.slope.toFixed(2)}, ${change < 0 ? '−' : '+'}${Math.abs(change).toFixed(1)}%`);
    expect(textOf(part(panel, '[data-leverage]'))).toBe(influence.leverage.toFixed(4));
    expect(textOf(part(panel, '[data-cooks]'))).toBe(influence.cooksDistance.toFixed(4));
    const selections = recordEvents<PointSelectEvent>(panel, 'point-select');
    await userEvent.click(page.getByRole('button', { name: 'Clear selection' }));
    expect(selections.map((event) => event.row)).toEqual([null]);
    await update(panel, { selected: null, influence: undefined });
    expect(shadowOf(panel).querySelector('[data-summary]')).toBeNull();
  });
});
