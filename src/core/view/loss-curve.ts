/**
 * The loss curve as the chart draws it, kept up to date in constant time per epoch however long the
 * run: the history is only appended to (a new array of the same points plus new ones is an append;
 * anything else starts over), and past about 2,000 epochs neighbouring epochs share a bucket that
 * keeps its lowest and highest training loss, so the plot keeps the curve's shape (a plateau, a
 * spike, a divergence) with a bounded number of points. The first and last epochs are always drawn.
 */
import type { LossPoint } from '../train/trainer.ts';

/** Buckets kept; each draws at most two points, so at most twice this plus the last point are drawn. */
export const MAX_BUCKETS = 1000;

interface Bucket {
  /** Lowest and highest training loss in the bucket (the same point while it holds one). */
  low: LossPoint;
  high: LossPoint;
  /** Epochs (points) in it. */
  size: number;
}

/** NaN (a failed run) sorts above every number, like Infinity. */
function key(point: LossPoint): number {
  return Number.isNaN(point.trainLoss) ? Infinity : point.trainLoss;
}

function merge(a: Bucket, b: Bucket): Bucket {
  return {
    low: key(b.low) < key(a.low) ? b.low : a.low,
    high: key(b.high) > key(a.high) ? b.high : a.high,
    size: a.size + b.size,
  };
}

export class LossCurve {
  private buckets: Bucket[] = [];
  /** Epochs per full bucket: doubles each time the buckets are merged in pairs. */
  private bucketSize = 1;
  private source: readonly LossPoint[] = [];
  private count = 0;

  /** How many epochs the curve holds. */
  get length(): number {
    return this.count;
  }

  /** Takes the history as it is now; only points not seen before are looked at. */
  update(points: readonly LossPoint[]): void {
    const appended =
      points.length >= this.count &&
      (this.count === 0 || (points[0] === this.source[0] && points[this.count - 1] === this.source[this.count - 1]));
    if (!appended) this.clear();
    for (let i = this.count; i < points.length; i++) this.add(points[i]);
    this.source = points;
  }

  private clear(): void {
    this.buckets = [];
    this.bucketSize = 1;
    this.count = 0;
  }

  private add(point: LossPoint): void {
    this.count++;
    const last = this.buckets.at(-1);
    if (last && last.size < this.bucketSize) {
      this.buckets[this.buckets.length - 1] = merge(last, { low: point, high: point, size: 1 });
      return;
    }
    this.buckets.push({ low: point, high: point, size: 1 });
    if (this.buckets.length > MAX_BUCKETS) this.halve();
  }

  private halve(): void {
    const merged: Bucket[] = [];
    for (let i = 0; i < this.buckets.length; i += 2) {
      const next = this.buckets[i + 1];
      merged.push(next ? merge(this.buckets[i], next) : this.buckets[i]);
    }
    this.buckets = merged;
    this.bucketSize *= 2;
  }

  /** The points to draw, in epoch order: the first, each bucket's low and high, and the last. */
  drawn(): LossPoint[] {
    const out: LossPoint[] = [];
    const push = (point: LossPoint): void => {
      if (out.at(-1) !== point) out.push(point);
    };
    const first = this.source[0];
    if (first && this.count > 0) push(first);
    for (const { low, high } of this.buckets) {
      const [a, b] = low.epoch <= high.epoch ? [low, high] : [high, low];
      // A bucket's points may sit before the first point already pushed only if they are it.
      if (a !== first) push(a);
      if (b !== first) push(b);
    }
    const last = this.source[this.count - 1];
    if (last) push(last);
    return out;
  }
}
