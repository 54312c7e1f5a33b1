/** What the point-chart element tests share: five labelled rows, pointing at a drawn row, its tooltip. */
import { packTexts } from '../../src/core/csv/text-column.ts';
import '../../src/ui/residuals-plot.ts';
import '../../src/ui/scatter-plot.ts';
import { fiveRows } from './fixtures.ts';
import { part, settled, shadowOf, textOf } from './mount.ts';

export const COUNTRIES = ['Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola'];
export const labelled = () => ({ ...fiveRows(), labelName: 'Country', labels: packTexts(COUNTRIES) });

export type PointChartElement = HTMLElementTagNameMap['scatter-plot'] | HTMLElementTagNameMap['residuals-plot'];

/** Moves the pointer onto a row as drawn (uPlot listens on its overlay). */
export async function pointAt(chart: PointChartElement, row: number): Promise<void> {
  const at = chart.pointPosition(row)!;
  part(chart, '.u-over').dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: at.x, clientY: at.y }));
  await settled(chart);
}

export function tooltip(chart: HTMLElement): string {
  return textOf(shadowOf(chart).querySelector('[data-tooltip]'));
}
