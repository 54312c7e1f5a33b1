/**
 * The run paths alone: the previous run's loss points are kept when a new run starts, so two runs can
 * be compared; other data forgets them; the moments are those of the training rows.
 */
import { describe, expect, it } from 'vitest';
import { datasetMoments } from '../../src/core/data/dataset-facts.ts';
import { splitDataset } from '../../src/core/data/split.ts';
import type { LossPoint } from '../../src/core/train/trainer.ts';
import { RunPathsController, type RunPathsSource } from '../../src/ui/controllers/run-paths-controller.ts';
import { fiveRows } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

const point = (epoch: number, loss: number): LossPoint => ({ epoch, trainLoss: loss, validationLoss: null });

function setUp() {
  const source: RunPathsSource = { data: fiveRows(), validationSplit: 0, seed: 1, points: [] };
  const host = new StubHost();
  const paths = new RunPathsController(host, () => source);
  const render = async (changes: Partial<RunPathsSource>) => {
    Object.assign(source, changes);
    host.requestUpdate();
    await host.updateComplete;
  };
  return { host, paths, source, render };
}

describe('RunPathsController', () => {
  it('keeps the run shown as the previous one when a new run starts, and only a run of more than its start', async () => {
    const { paths, render } = setUp();
    await render({});
    const first = [point(0, 9), point(1, 5)];
    await render({ points: [first[0]] });
    await render({ points: first });
    expect(paths.previousPoints).toEqual([]);
    const second = [point(0, 8)];
    await render({ points: second });
    expect(paths.previousPoints).toBe(first);
    // Cleared, then a run of only its starting point: the first run stays the previous one.
    await render({ points: [] });
    await render({ points: [point(0, 7)] });
    expect(paths.previousPoints).toBe(first);
  });

  it('forgets the previous run with other data: its path was on another landscape', async () => {
    const { paths, render } = setUp();
    await render({ points: [point(0, 9), point(1, 5)] });
    await render({ points: [point(0, 8)] });
    expect(paths.previousPoints).toHaveLength(2);
    await render({ data: fiveRows(), points: [] });
    expect(paths.previousPoints).toEqual([]);
  });

  it('gives the moments of the training rows, none without data', () => {
    const { paths, source } = setUp();
    source.validationSplit = 0.4;
    expect(paths.moments).toBe(datasetMoments(splitDataset(source.data!, 0.4, 1).train));
    source.data = null;
    expect(paths.moments).toBeNull();
  });
});
