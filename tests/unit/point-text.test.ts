import { describe, expect, it } from 'vitest';
import { describePoint, formatSigned, planeOnData, pointFacts, pointName, rowOfLabel } from '../../src/core/view/point-text.ts';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { rFixture } from './r-lm-fixtures.ts';
import { bundledDataset as data } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

describe('point text', () => {
  it('names a row by its label, with its values, prediction and residual', () => {
    const row = rowOfLabel(data, 'South Africa');
    const { name, facts } = pointFacts(data, row, REFERENCE);
    expect(name).toBe('South Africa');
    expect(facts.map(([label]) => label)).toEqual(['BMI', 'Life expectancy', 'Predicted', 'Residual']);
    expect(facts[3][1]).toBe('−21.46');
    expect(describePoint(data, row, null)).toMatch(/^South Africa: BMI \d+\.\d\d kg\/m², Life expectancy \d+\.\d\d years\.$/);
  });

  it('numbers rows without a label column from 1, and writes signs as people do', () => {
    expect(pointName({}, 0)).toBe('Row 1');
    expect([formatSigned(16.0878), formatSigned(-0.001), formatSigned(0.041 * 100, 1)]).toEqual(['+16.09', '0.00', '+4.1']);
  });
});

describe('the line as a plane over the data, when the fit left features out because of singularities', () => {
  const { fixture, csv } = rFixture('stackloss-collinear');
  const parsed = parseCsv(csv, { features: fixture.features, target: fixture.target });
  if (!parsed.ok) throw new Error(parsed.error);
  const several = parsed.dataset;
  const model = closedFormModel(several, new Date('2026-12-06T00:00:00Z'));
  // R: Air.Plus.Water and Plant not defined; the others fitted.
  const expected = fixture.coefficients.slice(1).map((term) => (term.aliased ? 0 : term.estimate!));

  it("gives a model's coefficients to its features by name, and 0 to those left out, as R predicts", () => {
    expect(model.aliasedFeatures).toEqual(['Air.Plus.Water', 'Plant']);
    const plane = planeOnData(several, model)!;
    plane.coefficients.forEach((value, j) => expect(value).toBeCloseTo(expected[j], 8));
    expect(pointFacts(several, 0, model).facts.map(([label]) => label)).toEqual([
      ...fixture.features,
      'stack.loss',
      'Predicted',
      'Residual',
    ]);
  });

  it("gives a run's weights (which skip them) to the features the exact fit keeps", () => {
    const weights = { slope: model.slope, intercept: model.intercept, moreWeights: model.moreFeatures!.map((more) => more.coefficient) };
    expect(planeOnData(several, weights)).toEqual(planeOnData(several, model));
    // Weights of some other number of features read other columns: no plane.
    expect(planeOnData(several, { slope: 1, intercept: 0, moreWeights: [1] })).toBeNull();
  });
});
