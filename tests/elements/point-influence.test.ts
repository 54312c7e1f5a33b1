/** `<point-influence>` alone: the selected point's leverage, Cook's distance and refit. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { influenceOf } from '../../src/core/stats/influence.ts';
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
    const influence = influenceOf(moments, data.x[0], data.y[0])!;
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
