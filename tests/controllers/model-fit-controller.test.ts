/**
 * The fit alone: the current model (given by a function, as the history owns it) measured on the
 * training and validation rows the settings split the data into; none for a model of other columns.
 */
import { describe, expect, it } from 'vitest';
import { splitDataset, splitMetrics, type SplitMetrics } from '../../src/core/data/split.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';
import type { Model } from '../../src/core/model/model.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { ModelFitController } from '../../src/ui/controllers/model-fit-controller.ts';
import { fiveRows, referenceModel } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

function setUp(model: Model | null, data: Dataset | null = fiveRows()) {
  const state = { model, data, training: { ...DEFAULT_SETTINGS } };
  const host = new StubHost();
  const fit = new ModelFitController(host, { model: () => state.model, data: () => state.data, training: () => state.training });
  return { state, host, fit };
}

const model = referenceModel();

describe('ModelFitController', () => {
  it('measures the current model on all rows without a validation split', () => {
    const { fit, state } = setUp(model);
    fit.refit();
    const data = state.data!;
    expect(fit.fitting).toBe(model);
    expect(fit.metrics).toEqual(splitMetrics(model, data, splitDataset(data, 0, DEFAULT_SETTINGS.seed).validation));
    expect(fit.metrics?.validation).toBeNull();
  });

  it('measures on the training and validation rows the settings split the data into', () => {
    const { fit, state } = setUp(model);
    state.training = { ...state.training, validationSplit: 0.4, seed: 7 };
    fit.refit();
    const { train, validation } = splitDataset(state.data!, 0.4, 7);
    expect(fit.metrics).toEqual(splitMetrics(model, train, validation));
    expect(fit.metrics?.validation).not.toBeNull();
  });

  it('has no fit for no model, no data, or a model of other columns (which still predicts elsewhere)', () => {
    const none = setUp(null);
    none.fit.refit();
    expect(none.fit.metrics).toBeNull();
    const noData = setUp(model, null);
    noData.fit.refit();
    expect(noData.fit.fitting).toBeNull();
    expect(noData.fit.metrics).toBeNull();
    const other = setUp({ ...model, feature: { ...model.feature, name: 'Height' } });
    other.fit.refit();
    expect(other.fit.fitting).toBeNull();
    expect(other.fit.metrics).toBeNull();
  });

  it("takes a run's own metrics, hides them while a run goes, and follows the model the history holds", () => {
    const { fit, state, host } = setUp(null);
    const measured = { train: { mse: 1 } } as unknown as SplitMetrics;
    state.model = model;
    fit.measured(measured);
    expect(fit.metrics).toBe(measured);
    fit.hide();
    expect(fit.metrics).toBeNull();
    fit.refit();
    expect(fit.metrics?.train.mse).toBeGreaterThan(0);
    state.model = null;
    fit.refit();
    expect(fit.metrics).toBeNull();
    expect(fit.fitting).toBeNull();
    return host.updateComplete;
  });

  it('asks the host to render each change', async () => {
    const { fit, host } = setUp(model);
    fit.refit();
    await host.updateComplete;
    expect(host.updates).toBe(1);
  });
});
