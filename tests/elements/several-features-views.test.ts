/**
 * The point views and the loss landscape with several features (R's mtcars: mpg ~ wt + hp + qsec):
 * the component-plus-residual plot of a chosen feature, predicted vs actual, tooltips with every
 * feature, a point's influence as R gives it, and the landscape's slice over two chosen parameters.
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import mtcarsCsv from '../fixtures/r-lm/mtcars.csv?raw';
import mtcars from '../fixtures/r-lm/mtcars.json';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { datasetCrossProducts } from '../../src/core/data/dataset-facts.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import type { LossPoint } from '../../src/core/train/trainer.ts';
import '../../src/ui/loss-landscape.ts';
import '../../src/ui/point-views.ts';
import { description, drawn, legendLabels } from './charts.ts';
import { fiveRows, REFERENCE_LINE } from './fixtures.ts';
import { mount, part, settled, shadowOf, textOf } from './mount.ts';
import { pointAt, tooltip } from './point-charts.ts';

function mtcarsData() {
  const parsed = parseCsv(mtcarsCsv, { features: mtcars.features, target: mtcars.target });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.dataset;
}

const data = mtcarsData();

/** The axis names uPlot was given (it draws them on its canvas). */
function axisLabels(chart: HTMLElement): (string | undefined)[] {
  return (chart as unknown as { plot: { axes: { label?: string }[] } }).plot.axes.map((axis) => axis.label);
}
const model = closedFormModel(data, new Date('2026-12-06T00:00:00Z'));
const [wt, hp, qsec] = [model.slope, ...model.moreFeatures!.map((more) => more.coefficient)];

describe('<point-views> with several features', () => {
  it('draws a component-plus-residual plot of the chosen feature, predicted vs actual, and tooltips with every feature', async () => {
    const views = await mount('point-views', { data, line: model });
    const scatter = shadowOf(views).querySelector('scatter-plot')!;
    const actual = shadowOf(views).querySelector('predicted-actual-plot')!;
    await drawn(scatter);
    await drawn(actual);
    expect(textOf(part(views, '[data-partial-title]'))).toBe('Component plus residual: mpg against wt');
    expect(legendLabels(scatter)).toEqual(['Component + residual', 'Partial fit (other features at their means)']);
    expect(axisLabels(scatter)).toEqual(['wt', 'Component + residual']);
    expect(description(scatter)).toMatch(
      new RegExp(
        `^Component-plus-residual plot of 32 rows: mpg with the parts of hp, qsec taken out \\(each at its mean\\), against wt\\. Partial fit: slope ${wt.toFixed(3)},`,
      ),
    );
    expect(description(actual)).toBe(
      'Predicted vs actual mpg of 32 rows for the fit of wt, hp, qsec: points on the diagonal are predicted exactly.',
    );
    // Row 1 (Mazda RX4: wt 2.62, hp 110, qsec 16.46, mpg 21): every feature, the target, R's fitted value.
    await pointAt(scatter, 0);
    const fitted = model.intercept + wt * 2.62 + hp * 110 + qsec * 16.46;
    const residual = 21 - fitted;
    expect(tooltip(scatter)).toBe(
      `Row 1 wt2.62hp110.00qsec16.46mpg21.00Predicted${fitted.toFixed(2)}Residual${residual < 0 ? '−' : '+'}${Math.abs(residual).toFixed(2)}`,
    );
    await pointAt(actual, 0);
    expect(tooltip(actual)).toBe(tooltip(scatter));
    // The component plus residual of a row is its target with the other features at their means: on the
    // partial line plus the row's residual.
    const means = datasetCrossProducts(data).means;
    const partialAt = model.intercept + hp * means[1] + qsec * means[2] + wt * 2.62;
    expect(description(scatter)).toContain(`intercept ${(partialAt - wt * 2.62).toFixed(3)}`);

    // Another feature, from the labelled list: the title, the axis and the text alternative follow.
    await userEvent.selectOptions(page.getByLabelText('Plot against'), 'hp');
    await expect.poll(() => textOf(part(views, '[data-partial-title]'))).toBe('Component plus residual: mpg against hp');
    await expect.poll(() => description(scatter)).toMatch(/against hp\. Partial fit: slope /);
    expect(description(scatter)).toContain(`slope ${hp.toFixed(3)}`);
    expect(axisLabels(scatter)).toEqual(['hp', 'Component + residual']);
  });

  it("shows a selected point's leverage, Cook's distance and refitted coefficients as R's hatvalues, cooks.distance and lm(…[-i, ])", async () => {
    const views = await mount('point-views', { data, line: model });
    const list = shadowOf(views).querySelector('furthest-points')!;
    await settled(list);
    const first = shadowOf(list).querySelector<HTMLButtonElement>('button')!;
    const row = Number(first.dataset.row);
    await userEvent.click(first);
    const panel = shadowOf(views).querySelector('point-influence')!;
    await expect.poll(() => shadowOf(panel).querySelector('[data-leverage]')).not.toBeNull();
    expect(textOf(part(panel, '[data-leverage]'))).toBe(mtcars.leverage[row].toFixed(4));
    expect(textOf(part(panel, '[data-cooks]'))).toBe(mtcars.cooksDistance[row].toFixed(4));
    const [intercept, ...refit] = mtcars.refits[row];
    expect(textOf(part(panel, '[data-refit-intercept]'))).toBe(intercept.toFixed(4));
    mtcars.features.forEach((name, j) =>
      expect(textOf(part(panel, `[data-refit="${name}"]`))).toMatch(new RegExp(`^${refit[j].toFixed(4).replace('-', '−')} \\(`)),
    );
    expect(textOf(part(panel, '[data-summary]'))).toMatch(new RegExp(`^Without Row ${row + 1}: (wt|hp|qsec) `));
    // The refit's partial line is drawn dashed on the component-plus-residual plot.
    const scatter = shadowOf(views).querySelector('scatter-plot')!;
    await expect.poll(() => legendLabels(scatter)).toContain(`Refitted without Row ${row + 1}`);
  });

  it('without a model: the target against the feature; with one feature: no feature list, no predicted vs actual, the plain scatter plot', async () => {
    const without = await mount('point-views', { data, line: null });
    // Several features but no model yet: the target itself against the feature, titled as such.
    expect(textOf(part(without, '[data-partial-title]'))).toBe('mpg against wt');
    const views = await mount('point-views', { data: fiveRows(), line: REFERENCE_LINE });
    expect(shadowOf(views).querySelector('select, predicted-actual-plot, [data-partial-title]')).toBeNull();
    const scatter = shadowOf(views).querySelector('scatter-plot')!;
    await drawn(scatter);
    expect(legendLabels(scatter)).toEqual(['Data points', 'Fitted line']);
  });
});

describe('<loss-landscape> with several features', () => {
  const moments = datasetCrossProducts(data);
  const names = mtcars.features;
  const d = 3;

  it('is a slice over two chosen parameters with the others held at the optimum before a run, and its exact optimum', async () => {
    const landscape = await mount('loss-landscape', { crossProducts: moments, featureNames: names, targetName: 'mpg' });
    await expect.poll(() => part<HTMLCanvasElement>(landscape, 'canvas').dataset.optimum).toBeDefined();
    const held = `hp's coefficient ${hp.toFixed(4).replace('-', '−')} and qsec's coefficient ${qsec.toFixed(4)} held at the least-squares optimum (no run yet)`;
    expect(textOf(part(landscape, '[data-slice-note]'))).toBe(`A slice through the loss over 4 parameters: ${held}.`);
    // Held at the optimum, the slice's optimum is the least-squares fit's wt and intercept.
    expect(textOf(part(landscape, '[data-optimum-text]'))).toMatch(
      new RegExp(`^wt's coefficient ${wt.toFixed(4).replace('-', '−')}, intercept ${model.intercept.toFixed(4)}$`),
    );
    expect(part(landscape, 'canvas').getAttribute('aria-label')).toMatch(
      /^Loss landscape, a slice: training MSE over wt's coefficient and intercept \(mpg on wt, hp, qsec\), with hp's/,
    );

    // The vertical axis: hp's coefficient instead of the intercept, from its labelled list.
    await userEvent.selectOptions(page.getByLabelText('Vertical axis'), `hp's coefficient`);
    await expect
      .poll(() => textOf(part(landscape, '[data-slice-note]')))
      .toContain(`qsec's coefficient ${qsec.toFixed(4)} and the intercept ${model.intercept.toFixed(4)} held`);
    expect(part(landscape, 'canvas').getAttribute('aria-label')).toMatch(/over wt's coefficient and hp's coefficient/);
    expect(textOf(part(landscape, '[data-optimum-text]'))).toMatch(
      new RegExp(`^wt's coefficient ${wt.toFixed(4).replace('-', '−')}, hp's coefficient ${hp.toFixed(4).replace('-', '−')}`),
    );
    expect(d).toBe(moments.d);
  });

  it('holds the others where the run is, and draws its path to its last epoch', async () => {
    const start = { slope: 0, intercept: moments.meanY, moreWeights: [0, 0] };
    const end = { slope: -3, intercept: 25, moreWeights: [-0.02, 0.7] };
    const points: LossPoint[] = [0, 1, 2].map((epoch) => {
      const t = epoch / 2;
      const line = {
        slope: start.slope + t * (end.slope - start.slope),
        intercept: start.intercept + t * (end.intercept - start.intercept),
        moreWeights: start.moreWeights.map((w, j) => w + t * (end.moreWeights[j] - w)),
      };
      return { epoch, trainLoss: 1, validationLoss: null, line };
    });
    const landscape = await mount('loss-landscape', { crossProducts: moments, featureNames: names, targetName: 'mpg', points });
    await expect.poll(() => part<HTMLCanvasElement>(landscape, 'canvas').dataset.pathEnd).toBeDefined();
    expect(textOf(part(landscape, '[data-slice-note]'))).toBe(
      `A slice through the loss over 4 parameters: hp's coefficient −0.0200 and qsec's coefficient 0.7000 held where the run is (epoch 2).`,
    );
  });
});
