/**
 * `<landscape-panel>` alone: a headed loss landscape of the rows training fits, given the moments of
 * the split the settings make, and the previous run's path kept when a new run starts.
 */
import { describe, expect, it } from 'vitest';
import { momentsOf } from '../../src/core/stats/moments.ts';
import { splitDataset } from '../../src/core/data/split.ts';
import type { LossPoint } from '../../src/core/train/trainer.ts';
import '../../src/ui/landscape-panel.ts';
import { fiveRows } from './fixtures.ts';
import { mount, part, textOf, update } from './mount.ts';

type Landscape = HTMLElementTagNameMap['loss-landscape'] & { moments: unknown; previousPoints: readonly LossPoint[] };

const run = (trainLoss: number): LossPoint[] => [
  { epoch: 0, trainLoss: trainLoss * 2, validationLoss: null },
  { epoch: 1, trainLoss, validationLoss: null },
];

describe('<landscape-panel>', () => {
  it('heads a loss landscape of all rows without a split, named after the columns', async () => {
    const data = fiveRows();
    const panel = await mount('landscape-panel', { data });
    expect(textOf(part(panel, 'h3'))).toBe('Loss landscape');
    const landscape = part<Landscape>(panel, 'loss-landscape');
    expect(landscape.moments).toEqual(momentsOf(data.x, data.y));
    expect(landscape.getAttribute('featureName')).toBe('Bmi');
    expect(landscape.getAttribute('targetName')).toBe('LifeExpectancy');
  });

  it('uses the training rows of the split the settings make', async () => {
    const data = fiveRows();
    const panel = await mount('landscape-panel', { data, validationSplit: 0.4, seed: 7 });
    const { train } = splitDataset(data, 0.4, 7);
    expect(train.x.length).toBe(3);
    expect(part<Landscape>(panel, 'loss-landscape').moments).toEqual(momentsOf(train.x, train.y));
  });

  it('keeps the previous run when a new one starts, and forgets it with other data', async () => {
    const data = fiveRows();
    const first = run(40);
    const panel = await mount('landscape-panel', { data, points: first });
    const landscape = () => part<Landscape>(panel, 'loss-landscape');
    expect(landscape().previousPoints).toEqual([]);
    await update(panel, { points: run(43) });
    expect(landscape().previousPoints).toBe(first);
    expect(landscape().points).toEqual(run(43));
    await update(panel, { data: fiveRows(), points: [] });
    expect(landscape().previousPoints).toEqual([]);
  });
});
