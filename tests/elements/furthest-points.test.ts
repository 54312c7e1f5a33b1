/** `<furthest-points>` alone: the list of the points furthest from the line, each selecting its row. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { packTexts } from '../../src/core/csv/text-column.ts';
import '../../src/ui/furthest-points.ts';
import type { PointSelectEvent } from '../../src/ui/point-events.ts';
import { fiveRows } from './fixtures.ts';
import { mount, recordEvents, shadowOf, textOf, update } from './mount.ts';

const data = { ...fiveRows(), labelName: 'Country', labels: packTexts(['Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola']) };

describe('<furthest-points>', () => {
  it('shows nothing without points, then lists them with signed residuals, each a button that selects its row', async () => {
    const list = await mount('furthest-points', { data });
    expect(shadowOf(list).querySelector('ol')).toBeNull();
    await update(list, {
      points: [
        { index: 3, residual: 7.785 },
        { index: 4, residual: -6.57 },
      ],
      selected: 4,
    });
    expect([...shadowOf(list).querySelectorAll('li')].map((item) => textOf(item))).toEqual(['Andorra +7.79', 'Angola −6.57']);
    await expect.element(page.getByRole('button', { name: 'Angola −6.57' })).toHaveAttribute('aria-pressed', 'true');
    const selections = recordEvents<PointSelectEvent>(list, 'point-select');
    await userEvent.click(page.getByRole('button', { name: 'Andorra +7.79' }));
    expect(selections.map((event) => event.row)).toEqual([3]);
    expect(textOf(shadowOf(list).querySelector('h3'))).toBe('Furthest from the line');
  });

  it('with several features says "fit", not "line": the rows furthest from a plane', async () => {
    const plane = { ...data, moreFeatures: [{ name: 'Height', values: Float64Array.from([1, 2, 3, 4, 5]) }] };
    const list = await mount('furthest-points', { data: plane, points: [{ index: 3, residual: 7.785 }] });
    expect(textOf(shadowOf(list).querySelector('h3'))).toBe('Furthest from the fit');
  });
});
