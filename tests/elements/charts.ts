/** Reading what uPlot drew inside a chart element: its legend, its canvas size, its text alternative. */
import { expect } from 'vitest';
import { part, shadowOf, textOf } from './mount.ts';

/** The legend rows of the y series: a live legend also lists the x series, whose marker uPlot leaves unstyled. */
function seriesRows(chart: HTMLElement): HTMLElement[] {
  return [...shadowOf(chart).querySelectorAll<HTMLElement>('.u-legend .u-series')].filter(
    (row) => row.querySelector<HTMLElement>('.u-marker')?.style.borderColor,
  );
}

/** The series labels in the legend (the x series is not listed). */
export function legendLabels(chart: HTMLElement): string[] {
  return seriesRows(chart).map((series) => textOf(series.querySelector('.u-label')));
}

/** The colour of each series' legend marker, which uPlot sets from the series' stroke. */
export function legendColours(chart: HTMLElement): string[] {
  return seriesRows(chart).map((row) => row.querySelector<HTMLElement>('.u-marker')!.style.borderColor);
}

/** The chart's text alternative for screen readers. */
export function description(chart: HTMLElement): string {
  const image = part(chart, '.chart[role=img]');
  return image.getAttribute('aria-label') ?? '';
}

/** Waits until uPlot has drawn into the element (it does after the first resize observation). */
export async function drawn(chart: HTMLElement): Promise<HTMLCanvasElement> {
  await expect.poll(() => shadowOf(chart).querySelector('canvas')).not.toBeNull();
  return shadowOf(chart).querySelector('canvas')!;
}

/** The width uPlot drew at, e.g. "500px". */
export function plotWidth(chart: HTMLElement): string | undefined {
  return shadowOf(chart).querySelector<HTMLElement>('.u-wrap')?.style.width;
}
