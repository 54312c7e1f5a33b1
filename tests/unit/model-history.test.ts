/**
 * Issue 10, items 2 and 3 (the rules, without a page): a failed run never replaces the model and
 * offers its last good line; every replacement and a deleted saved model leave one Undo.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { modelFromLine, type Model } from '../../src/core/model/model.ts';
import {
  EMPTY_HISTORY,
  acceptOffer,
  deletedSaved,
  judgeRun,
  replaceCurrent,
  restoreCurrent,
  undo,
  withOffer,
} from '../../src/core/model/model-history.ts';
import { bundledCsv } from './bundled-data.ts';

function model(slope: number): Model {
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  return modelFromLine(
    { slope, intercept: 7 },
    parsed.dataset,
    { epochs: 5, optimizer: 'sgd', learningRate: 0.1, backend: 'cpu' },
    new Date('2026-12-01T00:00:00Z'),
  );
}

const loaded = { model: model(2.5), origin: 'the weights file "w.json"' };
const other = { model: model(1), origin: 'trained in this page' };

describe('judgeRun: which runs replace the model', () => {
  it('a completed run, one stopped after an epoch and an early-stopped one replace it', () => {
    expect(judgeRun({ model: other.model, end: { reason: 'completed' }, epochsRun: 50 })).toEqual({ adopt: true });
    expect(judgeRun({ model: other.model, end: { reason: 'stopped' }, epochsRun: 1 })).toEqual({ adopt: true });
    const early = { reason: 'early-stopped', monitor: 'training', patience: 3, best: { epoch: 4, loss: 43 } } as const;
    expect(judgeRun({ model: other.model, end: early, epochsRun: 7 })).toEqual({ adopt: true });
  });

  it('a run stopped before its first epoch keeps the model and offers nothing', () => {
    const verdict = judgeRun({ model: other.model, end: { reason: 'stopped' }, epochsRun: 0 });
    expect(verdict).toMatchObject({ adopt: false, lastGood: null });
  });

  it('a diverged run keeps the model and offers its last good weights when it trained any', () => {
    const diverged = (epoch: number) =>
      ({ reason: 'diverged', why: 'the loss became NaN', atEpoch: 3, kept: { epoch, loss: 50 } }) as const;
    const withLine = judgeRun({ model: other.model, end: diverged(2), epochsRun: 3 });
    expect(withLine).toMatchObject({ adopt: false, lastGood: other.model });
    expect(!withLine.adopt && withLine.why).toMatch(/the model you had is kept.*last good line, from epoch 2, is offered/);
    // Its last good weights are its starting line (slope 0 from scratch): nothing worth offering.
    expect(judgeRun({ model: other.model, end: diverged(0), epochsRun: 1 })).toMatchObject({ adopt: false, lastGood: null });
  });
});

describe('the model history', () => {
  it('restoring from the last visit replaces nothing, so there is nothing to undo', () => {
    const history = restoreCurrent(EMPTY_HISTORY, loaded);
    expect(history).toEqual({ current: loaded, undo: null, offer: null });
  });

  it('a replacement can be undone, once, back to the model before it', () => {
    const replaced = replaceCurrent(restoreCurrent(EMPTY_HISTORY, loaded), other, 'Trained a new model');
    expect(replaced.current).toBe(other);
    expect(replaced.undo).toEqual({ kind: 'current', previous: loaded, what: 'Trained a new model' });
    const { history, step } = undo(replaced);
    expect(step?.kind).toBe('current');
    expect(history).toEqual({ current: loaded, undo: null, offer: null });
    expect(undo(history).step).toBeNull();
  });

  it('Reset leaves no model, and Undo brings it back', () => {
    const reset = replaceCurrent(restoreCurrent(EMPTY_HISTORY, loaded), null, 'Reset');
    expect(reset.current).toBeNull();
    expect(undo(reset).history.current).toBe(loaded);
  });

  it('replacing no model leaves nothing to undo', () => {
    expect(replaceCurrent(EMPTY_HISTORY, other, 'Trained a new model').undo).toBeNull();
  });

  it('a deleted saved model can be saved again by Undo; the current model stays', () => {
    const history = deletedSaved(restoreCurrent(EMPTY_HISTORY, loaded), 'mine', other.model);
    expect(history.current).toBe(loaded);
    const { history: after, step } = undo(history);
    expect(step).toEqual({ kind: 'saved', name: 'mine', model: other.model, what: 'Deleted the saved model "mine"' });
    expect(after.current).toBe(loaded);
  });

  it('an offered line becomes current only when accepted, with Undo back to the model kept', () => {
    const offered = withOffer(restoreCurrent(EMPTY_HISTORY, loaded), { model: other.model, why: 'diverged' });
    expect(offered.current).toBe(loaded);
    const accepted = acceptOffer(offered, 'the last good line of a run that diverged');
    expect(accepted.current?.model).toBe(other.model);
    expect(accepted.offer).toBeNull();
    expect(undo(accepted).history.current).toBe(loaded);
  });
});
