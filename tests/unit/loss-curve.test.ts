import { describe, expect, it } from 'vitest';
import { LossCurve, MAX_BUCKETS } from '../../src/core/view/loss-curve.ts';
import type { LossPoint } from '../../src/core/train/trainer.ts';

function point(epoch: number, trainLoss: number): LossPoint {
  return { epoch, trainLoss, validationLoss: null };
}

/** A falling curve with one spike, as a run that overshoots once. */
function curve(epochs: number, spikeAt = -1): LossPoint[] {
  return Array.from({ length: epochs }, (_, i) => point(i + 1, i + 1 === spikeAt ? 1e6 : 40 + 1000 / (i + 1)));
}

/** Counts reads of array elements, to show each update only looks at the new points. */
function counted(points: LossPoint[], reads: { count: number }): LossPoint[] {
  return new Proxy(points, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads.count++;
      return Reflect.get(target, property, receiver);
    },
  });
}

describe('loss curve', () => {
  it('draws every point of a short run', () => {
    const points = curve(500);
    const drawn = new LossCurve();
    drawn.update(points);
    expect(drawn.drawn()).toEqual(points);
  });

  it('draws a long run with a bounded number of points, keeping first, last, the lowest and a spike', () => {
    const points = curve(100_000, 54_321);
    const drawn = new LossCurve();
    drawn.update(points);
    const shown = drawn.drawn();
    expect(shown.length).toBeLessThanOrEqual(2 * MAX_BUCKETS + 2);
    expect(shown.length).toBeGreaterThan(MAX_BUCKETS);
    expect(shown[0]).toBe(points[0]);
    expect(shown.at(-1)).toBe(points.at(-1));
    expect(shown.find((p) => p.epoch === 54_321)?.trainLoss).toBe(1e6);
    expect(Math.min(...shown.map((p) => p.trainLoss))).toBe(points.at(-1)!.trainLoss);
    const epochs = shown.map((p) => p.epoch);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(new Set(epochs).size).toBe(epochs.length);
  });

  it('looks only at new points when the history grows by copying (linear, not quadratic, work)', () => {
    const all = curve(20_000);
    const drawn = new LossCurve();
    const reads = { count: 0 };
    let history: LossPoint[] = [];
    for (let at = 0; at < all.length; at += 100) {
      history = [...history, ...all.slice(at, at + 100)];
      drawn.update(counted(history, reads));
    }
    expect(drawn.length).toBe(20_000);
    // Each update reads its new points plus a constant few to recognise the old ones.
    expect(reads.count).toBeLessThan(2 * all.length);
    expect(drawn.drawn().at(-1)).toBe(all.at(-1));
  });

  it('starts over when the history is replaced (a new run), not appended to', () => {
    const drawn = new LossCurve();
    drawn.update(curve(300));
    const next = curve(10);
    drawn.update(next);
    expect(drawn.length).toBe(10);
    expect(drawn.drawn()).toEqual(next);
    drawn.update([]);
    expect(drawn.drawn()).toEqual([]);
  });
});
