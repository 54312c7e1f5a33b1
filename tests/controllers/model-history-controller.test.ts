/**
 * The history alone: the one owner of the current model. Each change tells the page what follows
 * from it (measure the fit again, clear the run shown) through the functions it was given.
 */
import { describe, expect, it } from 'vitest';
import type { SplitMetrics } from '../../src/core/data/split.ts';
import type { Model } from '../../src/core/model/model.ts';
import { ModelHistoryController, type ModelHistoryHost } from '../../src/ui/controllers/model-history-controller.ts';
import { ModelUndoEvent, UseLastGoodLineEvent } from '../../src/ui/events.ts';
import { referenceModel } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

const METRICS = { train: { mse: 1, rmse: 1, r2: 0.5 }, validation: null } as unknown as SplitMetrics;

function setUp() {
  const calls: string[] = [];
  const resaved: [string, Model][] = [];
  let canChange = true;
  const page: ModelHistoryHost = {
    refit: () => calls.push('refit'),
    measured: (metrics) => calls.push(metrics === METRICS ? 'measured' : 'measured other'),
    clearRun: () => calls.push('clearRun'),
    resave: async (name, model) => {
      resaved.push([name, model]);
    },
    canChange: () => canChange,
  };
  const host = new StubHost();
  const history = new ModelHistoryController(host, page);
  host.connect();
  return { host, history, calls, resaved, lock: (locked: boolean) => (canChange = !locked) };
}

const a = referenceModel();
const b = { ...referenceModel(), slope: 3 };

describe('ModelHistoryController', () => {
  it('a loaded model becomes current: its fit is measured and the run shown cleared; Undo brings the one before back', async () => {
    const { host, history, calls } = setUp();
    history.use(a, 'the weights file "a.json"');
    expect(history.model).toBe(a);
    expect(history.origin).toBe('the weights file "a.json"');
    expect(history.undoLabel).toBe('');
    history.use(b, 'the weights file "b.json"');
    expect(history.model).toBe(b);
    expect(history.undoLabel).toBe('Loaded the weights file "b.json"');
    expect(calls).toEqual(['refit', 'clearRun', 'refit', 'clearRun']);
    host.dispatchEvent(new ModelUndoEvent());
    await host.updateComplete;
    expect(history.model).toBe(a);
    expect(history.undoLabel).toBe('');
    expect(calls.slice(4)).toEqual(['refit', 'clearRun']);
  });

  it('refuses a loaded model, Undo and the offer while a run goes', () => {
    const { host, history, calls, lock } = setUp();
    history.use(a, 'x');
    history.kept('diverged', b);
    lock(true);
    history.use(b, 'y');
    host.dispatchEvent(new ModelUndoEvent());
    host.dispatchEvent(new UseLastGoodLineEvent());
    expect(history.model).toBe(a);
    expect(calls).toEqual(['refit', 'clearRun']);
  });

  it("a run's model becomes current with the metrics the run measured; nothing clears the run it came from", () => {
    const { history, calls } = setUp();
    history.trained(a, METRICS);
    expect(history.model).toBe(a);
    expect(history.origin).toBe('trained in this page');
    expect(calls).toEqual(['measured']);
  });

  it('a failed run keeps the model and offers its last good line, which the user may take (Undo goes back)', () => {
    const { host, history, calls } = setUp();
    history.trained(a, METRICS);
    history.kept('Training diverged at epoch 3.', b);
    expect(history.offerLabel).toBe('Training diverged at epoch 3.');
    expect(history.model).toBe(a);
    host.dispatchEvent(new UseLastGoodLineEvent());
    expect(history.model).toBe(b);
    expect(history.origin).toBe('the last good line of a run that diverged');
    expect(history.offerLabel).toBe('');
    expect(history.undoLabel).toBe("Used the run's last good line");
    expect(calls).toEqual(['measured', 'refit', 'clearRun']);
  });

  it('a failed run with no line worth offering offers none', () => {
    const { history } = setUp();
    history.kept('Stopped before the first epoch.', null);
    expect(history.offerLabel).toBe('');
  });

  it('Reset: no model, its fit measured (none), and Undo brings the model back', async () => {
    const { host, history, calls } = setUp();
    history.trained(a, METRICS);
    history.reset();
    expect(history.model).toBeNull();
    expect(history.undoLabel).toBe('Reset');
    expect(calls).toEqual(['measured', 'refit']);
    host.dispatchEvent(new ModelUndoEvent());
    await host.updateComplete;
    expect(history.model).toBe(a);
  });

  it('the model kept from the last visit is current with nothing to undo', () => {
    const { history, calls } = setUp();
    history.restore(a, 'restored from your last visit');
    expect(history.model).toBe(a);
    expect(history.undoLabel).toBe('');
    expect(calls).toEqual(['refit']);
  });

  it('Undo of a deleted saved model saves it again, leaving the current model', async () => {
    const { host, history, calls, resaved } = setUp();
    history.use(a, 'x');
    history.deletedSaved('mine', b);
    expect(history.undoLabel).toBe('Deleted the saved model "mine"');
    host.dispatchEvent(new ModelUndoEvent());
    await host.updateComplete;
    expect(resaved).toEqual([['mine', b]]);
    expect(history.model).toBe(a);
    expect(history.undoLabel).toBe('');
    expect(calls).toEqual(['refit', 'clearRun']);
  });

  it('handles its events only while the host is connected', () => {
    const { host, history } = setUp();
    history.trained(a, METRICS);
    history.reset();
    host.disconnect();
    host.dispatchEvent(new ModelUndoEvent());
    expect(history.model).toBeNull();
  });
});
