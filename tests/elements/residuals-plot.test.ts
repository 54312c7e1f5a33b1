/** `<residuals-plot>` alone: residuals against fitted values, with the scatter plot's tooltips. */
import { describe, expect, it } from 'vitest';
import { description, drawn } from './charts.ts';
import { REFERENCE_LINE } from './fixtures.ts';
import { mount, part, textOf, update } from './mount.ts';
import { labelled, pointAt, tooltip } from './point-charts.ts';

describe('<residuals-plot>', () => {
  it('without a line: no points, and says so', async () => {
    const chart = await mount('residuals-plot', { data: labelled() });
    await drawn(chart);
    expect(description(chart)).toBe('Residuals vs fitted: no line yet. Train or load a model.');
  });

  it('plots residuals against fitted values, with the same tooltips', async () => {
    const chart = await mount('residuals-plot', { data: labelled(), line: REFERENCE_LINE });
    await drawn(chart);
    expect(description(chart)).toBe('Residuals vs fitted values of 5 rows for the line with slope 2.518 and intercept 7.228.');
    await pointAt(chart, 3);
    expect(tooltip(chart)).toMatch(/^Andorra BMI27\.63 kg\/m².*Residual\+7\.79$/);
  });
});

describe('<residuals-plot> before a line', () => {
  it('says what will appear on its empty axes, and not once there is a line', async () => {
    const chart = await mount('residuals-plot', { data: labelled() });
    await drawn(chart);
    expect(textOf(part(chart, '[data-empty]'))).toMatch(/residual .* appears here once there is a line: train or load a model\.$/);
    await update(chart, { line: REFERENCE_LINE });
    expect(chart.shadowRoot!.querySelector('[data-empty]')).toBeNull();
  });
});
