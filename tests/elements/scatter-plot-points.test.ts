/**
 * `<scatter-plot>` as a point chart: the tooltip of the point under the pointer or keyboard focus,
 * selection by click, Enter and Escape, the furthest points marked, the refit drawn while a point is
 * selected, and the table view.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PointSelectEvent } from '../../src/ui/point-events.ts';
import { description, drawn, legendLabels } from './charts.ts';
import { REFERENCE_LINE, fiveRows } from './fixtures.ts';
import { mount, part, recordEvents, settled, shadowOf, textOf, update } from './mount.ts';
import { labelled, pointAt, tooltip } from './point-charts.ts';

describe('<scatter-plot> points', () => {
  it('shows the name, values, prediction and residual of the point under the pointer', async () => {
    const chart = await mount('scatter-plot', { data: labelled(), line: REFERENCE_LINE });
    await drawn(chart);
    // Angola (row 4): 22.25 kg/m², 56.7 years, predicted 2.5185 × 22.25083 + 7.2278 = 63.27.
    await pointAt(chart, 4);
    expect(tooltip(chart)).toBe('Angola BMI22.25 kg/m²Life expectancy56.70 yearsPredicted63.27 yearsResidual−6.57');
  });

  it('keyboard: Home and arrows walk the points in x order, Enter selects, Escape clears', async () => {
    const chart = await mount('scatter-plot', { data: labelled(), line: REFERENCE_LINE });
    await drawn(chart);
    const selections = recordEvents<PointSelectEvent>(chart, 'point-select');
    part(chart, '.wrap').focus();
    await userEvent.keyboard('{Home}{ArrowRight}');
    await settled(chart);
    // Second lowest BMI: Angola (22.25).
    expect(textOf(part(chart, '[data-active]'))).toMatch(
      /^Angola: BMI 22\.25 kg\/m², Life expectancy 56\.70 years, Predicted 63\.27 years, Residual −6\.57\.$/,
    );
    await userEvent.keyboard('{Enter}');
    expect(selections.map((event) => event.row)).toEqual([4]);
    await update(chart, { selected: 4 });
    await userEvent.keyboard('{Escape}');
    expect(selections.map((event) => event.row)).toEqual([4, null]);
  });

  it('a click on a point selects it; with a selection and a refit, the refit is a series named for the point', async () => {
    const chart = await mount('scatter-plot', { data: labelled(), line: REFERENCE_LINE });
    await drawn(chart);
    const selections = recordEvents<PointSelectEvent>(chart, 'point-select');
    await pointAt(chart, 1);
    expect(tooltip(chart)).toMatch(/^Albania/);
    // A real click of the pointer, at the point.
    const at = chart.pointPosition(1)!;
    const box = part(chart, '.u-over').getBoundingClientRect();
    await userEvent.click(part(chart, '.u-over'), { position: { x: at.x - box.left, y: at.y - box.top } });
    expect(selections.map((event) => event.row)).toEqual([1]);
    expect(legendLabels(chart)).toEqual(['Data points', 'Fitted line']);
    await update(chart, { selected: 1, refit: { slope: 3, intercept: 0 } });
    expect(legendLabels(chart)).toEqual(['Data points', 'Fitted line', 'Refitted without Albania']);
    expect(description(chart)).toMatch(/Refitted without Albania: slope 3\.000, intercept 0\.000\.$/);
    await update(chart, { selected: null });
    expect(legendLabels(chart)).toEqual(['Data points', 'Fitted line']);
  });

  it('rows without a label are numbered, and the table view lists every row once opened', async () => {
    const chart = await mount('scatter-plot', { data: fiveRows(), line: REFERENCE_LINE });
    await drawn(chart);
    const table = part(chart, 'chart-table');
    expect(shadowOf(table).querySelectorAll('tbody tr')).toHaveLength(0);
    part(table, 'summary').click();
    // The disclosure's toggle event comes a task later.
    await expect.poll(() => shadowOf(table).querySelectorAll('tbody tr').length).toBe(5);
    const rows = [...shadowOf(table).querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => textOf(cell)).join(' | '));
    expect(rows[0]).toBe('Row 1 | 20.62 kg/m² | 52.80 years | 59.16 years | −6.36');
  });
});
