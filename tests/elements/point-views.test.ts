/** `<point-views>` alone: the scatter plot, residuals vs fitted, the furthest points and, once one is selected, what it does to the fit. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/point-views.ts';
import { drawn } from './charts.ts';
import { REFERENCE_LINE } from './fixtures.ts';
import { mount, settled, shadowOf, textOf } from './mount.ts';
import { labelled } from './point-charts.ts';

describe('<point-views>', () => {
  it('hands the data and line to both plots, lists the furthest points, and a selection there shows its influence', async () => {
    const views = await mount('point-views', { data: labelled(), line: REFERENCE_LINE });
    const scatter = shadowOf(views).querySelector('scatter-plot')!;
    const residuals = shadowOf(views).querySelector('residuals-plot')!;
    await drawn(scatter);
    await drawn(residuals);
    expect(scatter.data?.x.length).toBe(5);
    expect(scatter.line).toEqual(REFERENCE_LINE);
    expect(residuals.line).toEqual(REFERENCE_LINE);
    const list = shadowOf(views).querySelector('furthest-points')!;
    await settled(list);
    const items = [...shadowOf(list).querySelectorAll('li')];
    expect(items.length).toBeGreaterThan(0);
    // Every point is marked on the plot it is listed under.
    expect(scatter.marked.length).toBe(items.length);
    const first = items[0].querySelector('button')!;
    const name = textOf(first).split(' ')[0];
    await userEvent.click(first);
    const influence = shadowOf(views).querySelector('point-influence')!;
    await expect.poll(() => textOf(shadowOf(influence).querySelector('[data-summary]'))).toMatch(new RegExp(`^Without ${name}: slope `));
    expect(scatter.selected).toBe(residuals.selected);
    expect(scatter.refit).not.toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Clear selection' }));
    await expect.poll(() => scatter.selected).toBeNull();
  });
});

describe('<point-views> and Escape', () => {
  it('clears the selection with Escape from the list and from the influence panel, as in the plots', async () => {
    const views = await mount('point-views', { data: labelled(), line: REFERENCE_LINE });
    const scatter = shadowOf(views).querySelector('scatter-plot')!;
    await drawn(scatter);
    const list = shadowOf(views).querySelector('furthest-points')!;
    await settled(list);
    const first = shadowOf(list).querySelector('button')!;
    await userEvent.click(first);
    await expect.poll(() => scatter.selected).not.toBeNull();
    // Focus on the list's button: Escape there.
    first.focus();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => scatter.selected).toBeNull();
    // From the influence panel's Clear selection button: Escape, and the focus stays in the list.
    await userEvent.click(first);
    await expect.poll(() => scatter.selected).not.toBeNull();
    const influence = shadowOf(views).querySelector('point-influence')!;
    await settled(influence);
    shadowOf(influence).querySelector<HTMLButtonElement>('button')!.focus();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => scatter.selected).toBeNull();
    await expect.poll(() => views.matches(':focus-within')).toBe(true);
  });
});
