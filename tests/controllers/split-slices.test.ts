/**
 * Issue 20, item 9: with many rows and a validation split, the controllers that read the training and
 * validation rows (the fit, the fit summary, the run paths) never make the split in the task that
 * changes the data or the settings: they show nothing till it is made in slices, then what it gives.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom, splitDataset, splitMetrics } from '../../src/core/data/split.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';
import { datasetMoments } from '../../src/core/data/dataset-facts.ts';
import { ROWS_PER_SLICE } from '../../src/core/data/row-slices.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { FitSummaryController } from '../../src/ui/controllers/fit-summary-controller.ts';
import { ModelFitController } from '../../src/ui/controllers/model-fit-controller.ts';
import { RunPathsController, type RunPathsSource } from '../../src/ui/controllers/run-paths-controller.ts';
import { fiveRows, REFERENCE_LINE, referenceModel } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

/** More rows than a slice, of the columns the reference model reads. */
function manyRows(seed: number): Dataset {
  const random = seededRandom(seed);
  const x = Float64Array.from({ length: ROWS_PER_SLICE + 1000 }, () => 18 + random() * 14);
  const y = Float64Array.from(x, (bmi) => 7 + 2.5 * bmi + random() * 10);
  return { ...fiveRows(), x, y };
}

const HELD_OUT = { ...DEFAULT_SETTINGS, validationSplit: 0.2, seed: 11 };

describe('the split of many rows, as the controllers ask for it', () => {
  it('the fit: none in the task that changes the settings, then the metrics on the rows the split makes', async () => {
    const model = referenceModel();
    const state = { data: manyRows(1), training: { ...DEFAULT_SETTINGS } };
    const host = new StubHost();
    const fit = new ModelFitController(host, { model: () => model, data: () => state.data, training: () => state.training });
    fit.refit();
    expect(fit.metrics?.validation).toBeNull();
    state.training = HELD_OUT;
    fit.refit();
    expect(fit.metrics).toBeNull();
    await expect.poll(() => fit.metrics).not.toBeNull();
    const { train, validation } = splitDataset(state.data, 0.2, 11);
    expect(fit.metrics).toEqual(splitMetrics(model, train, validation));
  });

  it('the fit summary: none in the task that changes the data, then the summary of the training rows', async () => {
    const page = { data: fiveRows() };
    const host = new StubHost();
    const summary = new FitSummaryController(host, {
      line: () => REFERENCE_LINE,
      data: () => page.data,
      training: () => HELD_OUT,
      provisional: () => false,
      running: () => false,
    });
    host.connect();
    await expect.poll(() => summary.view.state).toBe('ready');
    page.data = manyRows(2);
    host.requestUpdate();
    await host.updateComplete;
    expect(summary.view.state).toBe('none');
    await expect.poll(() => summary.view.state).toBe('ready');
    const { view } = summary;
    if (view.state !== 'ready' || !view.result.ok) throw new Error('no summary');
    const { train, validation } = splitDataset(page.data, 0.2, 11);
    expect(view.result.summary.basis.rows).toBe(train.x.length);
    expect(view.metrics).toEqual(splitMetrics(REFERENCE_LINE, train, validation));
  });

  it('the run paths: no moments in the task that changes the settings, then those of the training rows', async () => {
    const source: RunPathsSource = { data: manyRows(3), validationSplit: 0, seed: 11, points: [] };
    const host = new StubHost();
    const paths = new RunPathsController(host, () => source);
    expect(paths.moments).toBe(datasetMoments(source.data!));
    source.validationSplit = 0.2;
    expect(paths.moments).toBeNull();
    const updates = host.updates;
    await expect.poll(() => paths.moments).not.toBeNull();
    expect(host.updates).toBeGreaterThan(updates);
    expect(paths.moments).toBe(datasetMoments(splitDataset(source.data!, 0.2, 11).train));
  });
});
