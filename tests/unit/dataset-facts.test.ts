import { describe, expect, it } from 'vitest';
import {
  datasetFeatureRange,
  datasetHash,
  datasetMoments,
  datasetScaling,
  datasetStandardized,
} from '../../src/core/data/dataset-facts.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';
import { fitSummary } from '../../src/core/stats/fit-summary.ts';
import { hashColumns } from '../../src/core/data/hash.ts';
import { describeData } from '../../src/core/model/model.ts';
import { metricsAt, momentsOf } from '../../src/core/stats/moments.ts';
import { splitDataset, splitMetrics } from '../../src/core/data/split.ts';
import { leastSquares, metricsOf, range, scalingOf, standardize } from '../../src/core/stats/stats.ts';
import { bundledDataset } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

const copyOf = (d: Dataset): Dataset => ({ ...d, x: d.x.slice(), y: d.y.slice() });

describe('facts remembered per data set', () => {
  it('are computed once per data set object and equal what a pass over the rows gives', () => {
    const data = copyOf(bundledDataset);
    const moments = datasetMoments(data);
    expect(datasetMoments(data)).toBe(moments);
    expect(moments).toEqual(momentsOf(data.x, data.y));
    expect(datasetHash(data)).toBe(hashColumns(data.x, data.y));
    expect(datasetFeatureRange(data)).toEqual(range(data.x));
    expect(datasetScaling(data)).toEqual({ feature: scalingOf(data.x), target: scalingOf(data.y) });
    const standardized = datasetStandardized(data);
    expect(datasetStandardized(data)).toBe(standardized);
    expect(standardized.x).toEqual(standardize(data.x, scalingOf(data.x)));
    expect(standardized.y).toEqual(standardize(data.y, scalingOf(data.y)));
  });

  it('belong to one data set: another one with other rows gets its own', () => {
    const data = copyOf(bundledDataset);
    const other = { ...copyOf(bundledDataset), y: bundledDataset.y.map((v) => v + 1) };
    expect(datasetMoments(other)).not.toBe(datasetMoments(data));
    expect(datasetMoments(other).meanY).toBeCloseTo(datasetMoments(data).meanY + 1, 12);
    expect(datasetHash(other)).not.toBe(datasetHash(data));
    // The same columns in another data set object: what they gave is kept.
    expect(datasetMoments({ ...data, featureName: 'Renamed' })).toBe(datasetMoments(data));
  });

  it('leave every model its own copy of the scaling', () => {
    const data = copyOf(bundledDataset);
    const a = describeData(data);
    const b = describeData(data);
    expect(a.normalization).toEqual(b.normalization);
    expect(a.normalization.feature).not.toBe(b.normalization.feature);
  });
});

describe('metrics from the moments', () => {
  it('agree with a pass over the rows to float64 rounding, for the optimum and any other line', () => {
    const { x, y } = bundledDataset;
    const moments = momentsOf(x, y);
    for (const line of [leastSquares(x, y), { slope: 0, intercept: 0 }, { slope: 2, intercept: 20 }]) {
      const direct = metricsOf(line, x, y);
      const fromMoments = metricsAt(moments, line);
      expect(Math.abs(fromMoments.mse - direct.mse) / direct.mse).toBeLessThan(1e-12);
      expect(Math.abs(fromMoments.r2 - direct.r2)).toBeLessThan(1e-12);
    }
    expect(Math.abs(metricsAt(moments, leastSquares(x, y)).mse - REFERENCE.mse) / REFERENCE.mse).toBeLessThan(1e-9);
  });

  it('give an exact fit an MSE at rounding level, never a negative one, and the fit summary calls it exact', () => {
    const x = new Float64Array([0.1, 0.7, 1.3, 2.9, 3.3]);
    const y = x.map((v) => 0.3 * v + 0.1);
    const line = { slope: 0.3, intercept: 0.1 };
    const metrics = metricsAt(momentsOf(x, y), line);
    expect(metrics.mse).toBeGreaterThanOrEqual(0);
    expect(metrics.mse).toBeLessThan(1e-15);
    expect(metrics.r2).toBeCloseTo(1, 12);
    const summary = fitSummary(line, momentsOf(x, y));
    expect(summary).toEqual({
      ok: false,
      error: 'No fit summary: the line passes through every row exactly, so there is no error to estimate.',
    });
  });
});

describe('splitDataset remembers its last split of each data set', () => {
  it('gives the same objects for the same fraction and seed, so their facts carry from run to run', () => {
    const data = copyOf(bundledDataset);
    const first = splitDataset(data, 0.2, 7);
    expect(splitDataset(data, 0.2, 7)).toBe(first);
    const otherSeed = splitDataset(data, 0.2, 8);
    expect(otherSeed).not.toBe(first);
    expect(otherSeed.train.x).not.toEqual(first.train.x);
    expect(splitDataset(data, 0.3, 8).validation.x.length).toBe(Math.round(163 * 0.3));
  });

  it('splitMetrics on it equals the metrics of a pass over each part', () => {
    const { train, validation } = splitDataset(copyOf(bundledDataset), 0.2, 42);
    const line = { slope: 2.4, intercept: 9 };
    const metrics = splitMetrics(line, train, validation);
    expect(Math.abs(metrics.train.mse - metricsOf(line, train.x, train.y).mse)).toBeLessThan(1e-10);
    expect(Math.abs(metrics.validation!.mse - metricsOf(line, validation.x, validation.y).mse)).toBeLessThan(1e-10);
    expect(Math.abs(metrics.optimum.mse - metricsOf(leastSquares(train.x, train.y), train.x, train.y).mse)).toBeLessThan(1e-10);
  });
});
