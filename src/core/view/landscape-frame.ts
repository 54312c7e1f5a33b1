/**
 * Where the loss landscape puts a (slope, intercept) pair on its canvas, and back: the one mapping from
 * the window of the plane shown (`LandscapeBounds`, in the space's units) to the plot area in CSS
 * pixels. The heat map's cells, the contour lines, the ticks, the paths, the optimum and the pointer's
 * readout all go through it. Every pixel it gives is finite (a point far off the window lands far off
 * the canvas, not at Infinity or NaN, which a canvas silently drops or draws wrongly).
 */
import type { Line } from '../model/predict.ts';
import type { LandscapeBounds } from '../stats/loss-landscape.ts';

/** The plot area of the canvas, in CSS pixels. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** How far outside the plot area (in plot sizes) a pixel may lie; further ones are held there. */
const REACH = 1000;

export class LandscapeFrame {
  constructor(
    readonly bounds: LandscapeBounds,
    readonly area: PlotArea,
  ) {}

  /** The pixel at a fraction of the way across (0 left, 1 right) and down (0 top, 1 bottom). */
  pixelAt(across: number, down: number): [number, number] {
    const { left, top, width, height } = this.area;
    return [left + hold(across) * width, top + hold(down) * height];
  }

  /** Where a line (in the space's units) sits on the canvas. */
  position(line: Line): [number, number] {
    return this.pixelAt(this.across(line.slope), this.down(line.intercept));
  }

  /** The pixel column of a slope. */
  x(slope: number): number {
    return this.pixelAt(this.across(slope), 0)[0];
  }

  /** The pixel row of an intercept. */
  y(intercept: number): number {
    return this.pixelAt(0, this.down(intercept))[1];
  }

  /** The line (in the space's units) under a pixel of the plot area, or undefined outside it. */
  lineAt(px: number, py: number): Line | undefined {
    const { left, top, width, height } = this.area;
    const across = (px - left) / width;
    const down = (py - top) / height;
    if (!(across >= 0 && across <= 1 && down >= 0 && down <= 1)) return undefined;
    const { slope, intercept } = this.bounds;
    return { slope: between(slope.min, slope.max, across), intercept: between(intercept.max, intercept.min, down) };
  }

  private across(slope: number): number {
    const { min, max } = this.bounds.slope;
    return fractionOf(slope, min, max);
  }

  private down(intercept: number): number {
    const { min, max } = this.bounds.intercept;
    return fractionOf(intercept, max, min);
  }
}

/** How far from `from` towards `to` a value lies (0 at `from`, 1 at `to`), in halves so no difference overflows. */
function fractionOf(value: number, from: number, to: number): number {
  return (value / 2 - from / 2) / (to / 2 - from / 2);
}

/** The value a fraction of the way from `from` to `to`; each end weighted apart when their difference overflows. */
function between(from: number, to: number, fraction: number): number {
  const span = to - from;
  return Number.isFinite(span) ? from + fraction * span : from * (1 - fraction) + to * fraction;
}

/** A fraction held within reach of the area; NaN (a value that is not a number) goes far off it. */
function hold(fraction: number): number {
  return Number.isNaN(fraction) ? -REACH : Math.min(REACH, Math.max(-REACH, fraction));
}
