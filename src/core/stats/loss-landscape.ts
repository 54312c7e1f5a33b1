/**
 * The training loss over the plane of lines: MSE as a function of (slope, intercept), exact from the
 * data's moments (MSE is quadratic in the two parameters), so a grid of any size costs O(cells) and
 * no pass over the rows. Drawn in raw units, or in the standardized units training works in, where
 * the contours are circles.
 */
import type { Line } from '../model/predict.ts';
import { fitOfMoments, mseAt, type Moments } from './moments.ts';
import { lineToRawUnits, lineToScaledUnits, type Scaling } from './stats.ts';
import { visibleSpan } from '../view/axis-range.ts';

export type LandscapeSpace = 'raw' | 'standardized';

export interface Interval {
  min: number;
  max: number;
}

/** The window of the plane shown, in the space's own units. */
export interface LandscapeBounds {
  slope: Interval;
  intercept: Interval;
}

export interface LossGrid {
  /** Columns (slope steps, left to right) and rows (intercept steps, top = highest intercept). */
  columns: number;
  rows: number;
  /** MSE at each cell centre, row-major from the top-left; Infinity or NaN where it overflows. */
  values: Float64Array;
  /** The least and greatest finite values (NaN when no value is finite). */
  min: number;
  max: number;
}

/** The feature's and target's mean and population sd, from the moments. */
export function scalingsOf(m: Moments): { feature: Scaling; target: Scaling } {
  const sd = (s: number) => Math.sqrt(s / m.n) || 1;
  return { feature: { mean: m.meanX, std: sd(m.sxx) }, target: { mean: m.meanY, std: sd(m.syy) } };
}

/** Converts a raw-unit line into the space (and back with `fromSpace`). */
export function toSpace(line: Line, space: LandscapeSpace, m: Moments): Line {
  if (space === 'raw') return line;
  const { feature, target } = scalingsOf(m);
  return lineToScaledUnits(line, feature, target);
}

export function fromSpace(line: Line, space: LandscapeSpace, m: Moments): Line {
  if (space === 'raw') return line;
  const { feature, target } = scalingsOf(m);
  return lineToRawUnits(line, feature, target);
}

/**
 * A window centred on the optimum, wide enough for its valley and for every finite point of `paths`
 * (raw-unit lines), with a margin. In raw units the valley runs diagonally: an intercept change of
 * x̄·Δslope keeps the line through the data's centre, so the intercept range follows the slope range.
 * Always finite and wide enough to draw, whatever the moments (see `visibleSpan`): an optimum or a
 * scaling that overflows gives a window around 0.
 */
export function landscapeBounds(m: Moments, space: LandscapeSpace, paths: readonly (readonly Line[])[] = []): LandscapeBounds {
  const optimum = toSpace(fitOfMoments(m), space, m);
  const { feature, target } = scalingsOf(m);
  const [xMean, xStd, yStd] = space === 'raw' ? [feature.mean, feature.std, target.std] : [0, 1, 1];
  const centre = { slope: finiteOr(optimum.slope, 0), intercept: finiteOr(optimum.intercept, 0) };
  // 1.2 × the optimum's distance from a flat line: the untrained start (slope 0) sits inside, not on the edge.
  const slopeHalf = finiteOr(1.2 * Math.max(Math.abs(centre.slope), (0.5 * yStd) / xStd), 1);
  // hypot: x̄² alone overflows for a feature around 1e160.
  const interceptHalf = finiteOr(slopeHalf * Math.hypot(xMean, xStd), 1);
  const window = {
    slope: landscapeSpan(centre.slope - slopeHalf, centre.slope + slopeHalf),
    intercept: landscapeSpan(centre.intercept - interceptHalf, centre.intercept + interceptHalf),
  };
  return windowWithPaths(
    window,
    paths.map((path) => path.map((raw) => toSpace(raw, space, m))),
  );
}

/**
 * The window, grown (with a margin) to hold every finite point of the paths (in the space's units)
 * when one lies outside it; else the window as it is.
 */
export function windowWithPaths(window: LandscapeBounds, paths: readonly (readonly Line[])[]): LandscapeBounds {
  const slope = { ...window.slope };
  const intercept = { ...window.intercept };
  let grown = false;
  for (const path of paths) {
    for (const p of path) {
      if (!Number.isFinite(p.slope) || !Number.isFinite(p.intercept)) continue;
      if (p.slope < slope.min || p.slope > slope.max || p.intercept < intercept.min || p.intercept > intercept.max) grown = true;
      slope.min = Math.min(slope.min, p.slope);
      slope.max = Math.max(slope.max, p.slope);
      intercept.min = Math.min(intercept.min, p.intercept);
      intercept.max = Math.max(intercept.max, p.intercept);
    }
  }
  if (!grown) return window;
  const pad = (r: Interval): Interval => {
    const margin = (r.max / 2 - r.min / 2) * 0.16;
    return landscapeSpan(r.min - margin, r.max + margin);
  };
  return { slope: pad(slope), intercept: pad(intercept) };
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

/** An interval from `low` to `high`, widened to one any axis can draw (see `visibleSpan`). */
export function landscapeSpan(low: number, high: number): Interval {
  const [min, max] = visibleSpan(low, high);
  return { min, max };
}

/** The slope and intercept (in the space's units) at the centre of a grid cell. */
export function cellLine(bounds: LandscapeBounds, columns: number, rows: number, column: number, row: number): Line {
  const slope = bounds.slope.min + ((column + 0.5) / columns) * (bounds.slope.max - bounds.slope.min);
  const intercept = bounds.intercept.max - ((row + 0.5) / rows) * (bounds.intercept.max - bounds.intercept.min);
  return { slope, intercept };
}

/** The exact MSE (raw units²) at every cell of a grid over `bounds`. */
export function lossGrid(m: Moments, space: LandscapeSpace, bounds: LandscapeBounds, columns: number, rows: number): LossGrid {
  const values = new Float64Array(columns * rows);
  let min = Infinity;
  let max = -Infinity;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const value = mseAt(m, fromSpace(cellLine(bounds, columns, rows, column, row), space, m));
      values[row * columns + column] = value;
      if (value < min) min = value;
      if (value > max && value < Infinity) max = value;
    }
  }
  return min <= max ? { columns, rows, values, min, max } : { columns, rows, values, min: Number.NaN, max: Number.NaN };
}

/**
 * Contour levels that read well on a bowl, ascending: the optimum's MSE plus half, a quarter, an
 * eighth… of the grid's highest excess, so the valley floor gets as many lines as the walls.
 */
export function contourLevels(optimumMse: number, maxMse: number, count = 10): number[] {
  const top = maxMse - optimumMse;
  if (!(top > 0) || !Number.isFinite(top)) return [];
  return Array.from({ length: count }, (_, k) => optimumMse + top / 2 ** (count - k));
}
