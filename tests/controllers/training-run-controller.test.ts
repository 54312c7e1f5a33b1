/**
 * The run alone, on a fake engine whose runs the test ends: Train asks the engine with the settings,
 * the data and (to continue) the current model; progress shows; a run's end hands its model to the
 * page, or keeps the model, or says why it failed, with the tensors left. It takes functions, never
 * another controller.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/data/dataset.ts';
import type { SplitMetrics } from '../../src/core/data/split.ts';
import type { Model } from '../../src/core/model/model.ts';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../../src/core/settings/training-settings.ts';
import type { TrainingProgress, TrainingResult } from '../../src/core/train/trainer.ts';
import type { TrainingEngine, TrainingRun } from '../../src/app/training-engine.ts';
import { TrainingRunController, type TrainingRunHost } from '../../src/ui/controllers/training-run-controller.ts';
import { RunControlEvent, TrainRequestEvent } from '../../src/ui/events.ts';
import { fiveRows, referenceModel } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

interface FakeRun extends TrainingRun {
  initial: Model | null;
  settings: TrainingSettings;
  progress: (progress: TrainingProgress) => void;
  finish: (result: TrainingResult) => void;
  fail: (error: Error) => void;
  controls: string[];
}

function fakeEngine() {
  const runs: FakeRun[] = [];
  const engine: TrainingEngine = {
    name: 'worker',
    backend: { name: 'cpu', label: 'CPU', fallbackReason: undefined } as unknown as TrainingEngine['backend'],
    memory: async () => ({ numTensors: 3, numBytes: 12 }),
    train(_data, settings, initial, onProgress) {
      let finish!: (result: TrainingResult) => void;
      let fail!: (error: Error) => void;
      const result = new Promise<TrainingResult>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      const controls: string[] = [];
      const run: FakeRun = {
        result,
        initial,
        settings,
        progress: onProgress,
        finish,
        fail,
        controls,
        pause: () => controls.push('pause'),
        resume: () => controls.push('resume'),
        step: () => controls.push('step'),
        stop: () => controls.push('stop'),
      };
      runs.push(run);
      return run;
    },
    dispose() {},
  };
  return { engine, runs };
}

const METRICS = { train: { mse: 43 }, validation: null } as unknown as SplitMetrics;
const model = referenceModel();

function result(overrides: Partial<TrainingResult> = {}): TrainingResult {
  return { model, metrics: METRICS, epochsRun: 50, stopped: false, end: { reason: 'completed' }, elapsedMs: 120, ...overrides };
}

function setUp(options: { data?: Dataset | null; current?: Model | null; tensors?: number | undefined } = {}) {
  const { engine, runs } = fakeEngine();
  const calls: string[] = [];
  const page: TrainingRunHost = {
    engine: () => engine,
    countTensors: async () => ('tensors' in options ? options.tensors : 2),
    tensorsLeft: (count) => calls.push(`tensors ${count}`),
    data: () => (options.data === undefined ? fiveRows() : options.data),
    model: () => options.current ?? null,
    started: (settings) => calls.push(`started ${settings.epochs}`),
    hideFit: () => calls.push('hideFit'),
    refit: () => calls.push('refit'),
    trained: (trainedModel, metrics) => calls.push(trainedModel === model && metrics === METRICS ? 'trained' : 'trained other'),
    kept: (why, lastGood) => calls.push(`kept ${lastGood ? 'with' : 'without'} a line: ${why}`),
    reset: () => calls.push('reset'),
    runEnded: () => calls.push('runEnded'),
  };
  const host = new StubHost();
  const run = new TrainingRunController(host, page);
  host.connect();
  const train = (resume = false, settings: TrainingSettings = { ...DEFAULT_SETTINGS, epochs: 50 }) =>
    host.dispatchEvent(new TrainRequestEvent(settings, resume));
  const control = (action: RunControlEvent['action']) => host.dispatchEvent(new RunControlEvent(action));
  /** Waits until the run has been followed to its end. */
  const ended = async (count = 1) => expect.poll(() => run.runsFinished).toBe(count);
  return { host, run, runs, calls, train, control, ended };
}

const progress = (overrides: Partial<TrainingProgress> = {}): TrainingProgress => ({
  state: 'running',
  epoch: 3,
  epochs: 50,
  points: [{ epoch: 3, trainLoss: 50, validationLoss: null }],
  line: { slope: 1, intercept: 2 },
  elapsedMs: 30,
  ...overrides,
});

describe('TrainingRunController', () => {
  it("trains: the settings are kept, the fit hidden, progress shown, and the run's model handed to the page with the tensors left", async () => {
    const { run, runs, calls, train, ended } = setUp();
    train();
    expect(run.active).toBe(true);
    expect(run.view.state).toBe('running');
    expect(run.view.epochs).toBe(50);
    expect(runs[0].initial).toBeNull();
    expect(calls).toEqual(['started 50', 'hideFit']);
    runs[0].progress(progress());
    expect(run.view.epoch).toBe(3);
    expect(run.view.liveLine).toEqual({ slope: 1, intercept: 2 });
    expect(run.view.points).toHaveLength(1);
    runs[0].finish(result());
    await ended();
    expect(calls.slice(2)).toEqual(['trained', 'tensors 2', 'runEnded']);
    expect(run.active).toBe(false);
    expect(run.view.state).toBe('idle');
    expect(run.view.end).toEqual({ message: 'Trained 50 epochs. The Fit card shows how well the new line fits.', warning: false });
  });

  it('continues from the current model when asked to', () => {
    const current = referenceModel();
    const { runs, train } = setUp({ current });
    train(true);
    expect(runs[0].initial).toBe(current);
  });

  it('does not start without data, nor a second run while one goes', () => {
    const noData = setUp({ data: null });
    noData.train();
    expect(noData.runs).toHaveLength(0);
    const { runs, train } = setUp();
    train();
    train();
    expect(runs).toHaveLength(1);
  });

  it('a diverged run keeps the model, measures its fit again and offers its last good line', async () => {
    const { run, runs, calls, train, ended } = setUp();
    train();
    const why = 'the training loss became Infinity';
    runs[0].finish(result({ end: { reason: 'diverged', why, atEpoch: 9, kept: { epoch: 4, loss: 40 } }, epochsRun: 9, stopped: true }));
    await ended();
    expect(calls.slice(2, 4)).toEqual([
      'refit',
      `kept with a line: Training diverged at epoch 9 (${why}); the model you had is kept. Its last good line, from epoch 4, is offered. Try a smaller learning rate.`,
    ]);
    expect(run.view.end?.warning).toBe(true);
  });

  it('a failed run (the engine died) keeps the model and says why; no tensor count when the engine does not answer', async () => {
    const { run, runs, calls, train, ended } = setUp({ tensors: undefined });
    train();
    runs[0].fail(new Error('The training worker stopped.'));
    await ended();
    expect(calls.slice(2)).toEqual(['refit', 'runEnded']);
    expect(run.view.error).toBe('Training failed: The training worker stopped.');
  });

  it('passes Pause, Resume, Step and Stop to the run', () => {
    const { runs, train, control } = setUp();
    train();
    for (const action of ['pause', 'resume', 'step', 'stop'] as const) control(action);
    expect(runs[0].controls).toEqual(['pause', 'resume', 'step', 'stop']);
  });

  it('Reset: back to untrained; while running it is refused, while paused it stops the run and drops its result', async () => {
    const { run, runs, calls, train, control, ended } = setUp();
    control('reset');
    expect(calls).toEqual(['reset']);
    train();
    control('reset');
    expect(calls).toEqual(['reset', 'started 50', 'hideFit']);
    runs[0].progress(progress({ state: 'paused' }));
    expect(run.view.state).toBe('paused');
    control('reset');
    expect(runs[0].controls).toEqual(['stop']);
    expect(calls.at(-1)).toBe('reset');
    runs[0].finish(result({ end: { reason: 'stopped' }, stopped: true }));
    await ended();
    expect(calls).not.toContain('trained');
    expect(run.view.points).toEqual([]);
  });

  it('clears what a run showed only when no run goes', async () => {
    const { run, runs, train, ended } = setUp();
    train();
    runs[0].progress(progress());
    run.clear();
    expect(run.view.points).toHaveLength(1);
    runs[0].finish(result());
    await ended();
    run.clear();
    expect(run.view.points).toEqual([]);
    expect(run.view.end).toBeUndefined();
  });

  it("while paused, predicts with the run's line as a model, made once per line", () => {
    const { run, runs, train } = setUp();
    const data = fiveRows();
    expect(run.pausedModel(data)).toBeNull();
    train();
    runs[0].progress(progress({ state: 'paused' }));
    const paused = run.pausedModel(data);
    expect(paused?.slope).toBe(1);
    expect(run.pausedModel(data)).toBe(paused);
    expect(run.pausedModel(null)).toBeNull();
  });
});
