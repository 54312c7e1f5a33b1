/** `<metrics-panel>` alone: the fit on training and validation rows, the gap to the optimum, the line. */
import { describe, expect, it } from 'vitest';
import '../../src/ui/metrics-panel.ts';
import { REFERENCE_LINE, referenceModel } from './fixtures.ts';
import { mount, part, shadowOf, textOf, update } from './mount.ts';

/** The reference fit of all 163 rows (shared/data/README.md). */
const REFERENCE = { mse: 43.0210311892, rmse: Math.sqrt(43.0210311892), r2: 0.4634456 };

describe('<metrics-panel>', () => {
  it('asks for training before there are metrics, inside a live region', async () => {
    const panel = await mount('metrics-panel');
    const live = part(panel, '[aria-live=polite]');
    expect(textOf(live)).toBe('Train a model to see how well the line fits.');
    expect(shadowOf(panel).querySelector('dl')).toBeNull();
  });

  it('shows MSE, RMSE and R² of the training rows with units, and says the fit is at the optimum', async () => {
    const panel = await mount('metrics-panel', {
      metrics: { train: REFERENCE, validation: null, optimum: REFERENCE },
      model: referenceModel(),
      unit: 'years',
    });
    const train = part(panel, '#train');
    expect(textOf(train.querySelector('[data-metric=mse]')?.previousElementSibling)).toBe('MSE (years²)');
    expect(textOf(train.querySelector('[data-metric=mse]'))).toBe('43.0210');
    expect(textOf(train.querySelector('[data-metric=rmse]'))).toBe('6.5590');
    expect(textOf(train.querySelector('[data-metric=r2]'))).toBe('0.4634');
    expect(shadowOf(panel).querySelector('#validation')).toBeNull();
    expect(textOf(part(panel, '[data-gap]'))).toBe(
      'Training MSE at the best possible line: no line has a lower MSE on the same rows (the closed-form optimum).',
    );
    const line = part(panel, '[data-line]');
    expect(textOf(line)).toBe('Life expectancy = 2.5185 × BMI + 7.2278');
    expect(Number(line.dataset.slope)).toBe(REFERENCE_LINE.slope);
  });

  it('shows the validation rows apart, and how far above the optimum the training MSE is', async () => {
    const panel = await mount('metrics-panel', {
      metrics: {
        train: { mse: 43.064, rmse: 6.5623, r2: 0.46 },
        validation: { mse: 50.5, rmse: 7.1063, r2: -0.00001 },
        optimum: REFERENCE,
      },
    });
    expect(textOf(part(panel, '#validation [data-metric=mse]'))).toBe('50.5000');
    // A value that rounds to zero is shown without a minus sign.
    expect(textOf(part(panel, '#validation [data-metric=r2]'))).toBe('0.0000');
    expect(textOf(part(panel, '#train [data-metric=mse]').previousElementSibling)).toBe('MSE');
    expect(textOf(part(panel, '[data-gap]'))).toContain('0.100% above the best possible line');
    // No model given: no line.
    expect(shadowOf(panel).querySelector('[data-line]')).toBeNull();
  });

  it('goes back to the prompt when the metrics are cleared (a reset)', async () => {
    const panel = await mount('metrics-panel', {
      metrics: { train: REFERENCE, validation: null, optimum: REFERENCE },
      model: referenceModel(),
    });
    await update(panel, { metrics: null, model: null });
    expect(textOf(part(panel, '[aria-live=polite]'))).toBe('Train a model to see how well the line fits.');
  });

  it("during a run: the run's line and its metrics, named as such, not announced at every refresh, and no prompt to train", async () => {
    const panel = await mount('metrics-panel', { provisional: 'The run has no line yet: its fit shows after its first epoch.' });
    expect(textOf(shadowOf(panel))).not.toMatch(/Train a model/);
    await update(panel, {
      metrics: { train: { mse: 50, rmse: Math.sqrt(50), r2: 0.38 }, validation: null, optimum: REFERENCE },
      model: { slope: 2, intercept: 20, feature: { name: 'Bmi' }, target: { name: 'LifeExpectancy' } },
      provisional: "The run's line as it stands (training is paused); every number of this card is of this line.",
    });
    expect(textOf(part(panel, '[data-provisional]'))).toMatch(/^The run's line as it stands \(training is paused\)/);
    expect(textOf(part(panel, '[data-line]'))).toBe('Life expectancy = 2.0000 × BMI + 20.0000');
    expect(textOf(part(panel, '#train [data-metric=mse]'))).toBe('50.0000');
    expect(shadowOf(panel).querySelector('[aria-live=polite]')).toBeNull();
  });
});
