import { describe, expect, it } from 'vitest';
import { datasetWithFeatures, featureColumns, featureNamesOf, parseCsv } from '../../src/core/data/dataset.ts';
import { datasetCrossProducts, datasetHash } from '../../src/core/data/dataset-facts.ts';
import { splitDataset } from '../../src/core/data/split.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { fitsColumns } from '../../src/core/model/model.ts';
import { hyperplaneOf, modelFeatureNames, modelFeatures } from '../../src/core/model/model-features.ts';
import { isJointIntervalBasis, jointIntervalsAt } from '../../src/core/stats/intervals.ts';
import { predictHyperplane } from '../../src/core/model/predict.ts';
import { bundledCsv, bundledDataset } from './bundled-data.ts';
import { rFixture } from './r-lm-fixtures.ts';
import { relativeError } from './statistics-reference.ts';

const csv = 'y,a,b,name\n1,1,2,p\n2,2,,q\n3,3,1,r\n5,4,5,s\nx,5,3,t\n6,6,4,u\n';

describe('a data set of several features', () => {
  it('keeps the chosen features in order and skips rows missing any of them, by line', () => {
    const parsed = parseCsv(csv, { features: ['b', 'a'], target: 'y' });
    if (!parsed.ok) throw new Error(parsed.error);
    const { dataset } = parsed;
    expect(featureNamesOf(dataset)).toEqual(['b', 'a']);
    expect([...dataset.x]).toEqual([2, 1, 5, 4]);
    expect(featureColumns(dataset).map((c) => [...c.values])).toEqual([
      [2, 1, 5, 4],
      [1, 3, 4, 6],
    ]);
    expect(parsed.skipped).toEqual({ count: 2, lines: [3, 6] });
    expect(dataset.labelName).toBe('name');
  });

  it('with one feature chosen is the one-feature data set of today', () => {
    const parsed = parseCsv(bundledCsv, { features: ['Bmi'] });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.dataset.moreFeatures).toBeUndefined();
    expect(parsed.dataset.x).toEqual(bundledDataset.x);
    expect(datasetHash(parsed.dataset)).toBe(datasetHash(bundledDataset));
  });

  it.each([
    [{ features: ['a', 'a'], target: 'y' }, 'Feature "a" is chosen twice; choose each column once.'],
    [{ features: ['a', 'y'], target: 'y' }, 'Feature and target must be different columns.'],
    [{ features: ['a', 'zz'], target: 'y' }, 'Column "zz" not found in the header.'],
    [{ features: ['a', 'name'], target: 'y' }, 'Column "name" holds text, not numbers; choose a numeric column.'],
  ])('refuses %j with a message', (choice, error) => {
    const parsed = parseCsv(csv, choice);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBe(error);
  });

  it('refuses a feature whose statistics overflow, naming its line', () => {
    const parsed = parseCsv('y,a,b\n1,1,2\n2,2,1e300\n3,3,4\n', { features: ['a', 'b'], target: 'y' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/line 3 \(b 1e\+300\)/);
  });

  it('splits every feature column with the same rows', () => {
    const parsed = parseCsv(rFixture('swiss').csv, { features: ['Agriculture', 'Education'], target: 'Fertility' });
    if (!parsed.ok) throw new Error(parsed.error);
    const { train, validation } = splitDataset(parsed.dataset, 0.25, 7);
    expect(featureNamesOf(train)).toEqual(['Agriculture', 'Education']);
    expect(train.moreFeatures![0].values.length + validation.moreFeatures![0].values.length).toBe(47);
    // The pairs stay together: each training row's (Agriculture, Education) is a row of the whole data set.
    const pairs = new Set(Array.from(parsed.dataset.x, (a, i) => `${a}:${parsed.dataset.moreFeatures![0].values[i]}`));
    for (let i = 0; i < train.x.length; i++) expect(pairs.has(`${train.x[i]}:${train.moreFeatures![0].values[i]}`)).toBe(true);
  });

  it('computes the cross-products once per data set and set of columns', () => {
    const parsed = parseCsv(csv, { features: ['a', 'b'], target: 'y' });
    if (!parsed.ok) throw new Error(parsed.error);
    const { dataset } = parsed;
    expect(datasetCrossProducts({ ...dataset })).toBe(datasetCrossProducts(dataset));
    expect(datasetCrossProducts(datasetWithFeatures(dataset, [0]))).not.toBe(datasetCrossProducts(dataset));
  });
});

describe('the exact model of several features', () => {
  const { fixture, csv: collinearCsv } = rFixture('stackloss-collinear');
  const parsed = parseCsv(collinearCsv, { features: fixture.features, target: fixture.target });
  if (!parsed.ok) throw new Error(parsed.error);
  const model = closedFormModel(parsed.dataset, new Date('2026-12-05T00:00:00Z'));

  it('leaves out and names the aliased features, as R does', () => {
    expect(model.aliasedFeatures).toEqual(['Air.Plus.Water', 'Plant']);
    expect(modelFeatureNames(model)).toEqual(['Air.Flow', 'Water.Temp', 'Acid.Conc.']);
  });

  it('has R’s coefficients, training range and scaling of every feature, and predicts R’s intervals', () => {
    const wanted = fixture.coefficients.filter((term) => !term.aliased);
    const plane = hyperplaneOf(model);
    expect(relativeError(plane.intercept, wanted[0].estimate!)).toBeLessThan(1e-9);
    plane.coefficients.forEach((c, j) => expect(relativeError(c, wanted[j + 1].estimate!)).toBeLessThan(1e-9));
    const [, water] = modelFeatures(model);
    expect(water.feature).toEqual({ name: 'Water.Temp', unit: '', min: 17, max: 27 });
    expect(water.scaling.mean).toBeCloseTo(21.095238095, 8);
    expect(isJointIntervalBasis(model.intervals)).toBe(true);
    if (!isJointIntervalBasis(model.intervals)) return;
    const point = fixture.predictions[0];
    const inputs = modelFeatureNames(model).map((name) => point.inputs[name]);
    expect(relativeError(predictHyperplane(plane, inputs), point.fitted)).toBeLessThan(1e-9);
    const intervals = jointIntervalsAt(plane, model.intervals, inputs)!;
    expect(relativeError(intervals.predictionInterval.low, point.prediction[0])).toBeLessThan(1e-6);
    expect(relativeError(intervals.confidenceInterval.high, point.confidence[1])).toBeLessThan(1e-6);
  });

  it('knows which data sets it reads: the same features in the same order and the target', () => {
    const fitted = datasetWithFeatures(parsed.dataset, [0, 1, 4]);
    expect(fitsColumns(model, fitted)).toBe(true);
    expect(fitsColumns(model, datasetWithFeatures(parsed.dataset, [1, 0, 4]))).toBe(false);
    expect(fitsColumns(model, datasetWithFeatures(parsed.dataset, [0, 1]))).toBe(false);
  });

  it('with its training R² and MSE from the cross-products', () => {
    expect(relativeError(model.training.r2, fixture.r2)).toBeLessThan(1e-9);
    const rss = fixture.residualStandardError ** 2 * fixture.degreesOfFreedom;
    expect(relativeError(model.training.trainMse, rss / fixture.rows)).toBeLessThan(1e-9);
  });
});
