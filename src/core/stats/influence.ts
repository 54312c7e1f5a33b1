/**
 * Which points sit furthest from a line, and what each point does to the least-squares fit: its
 * leverage, its Cook's distance and the line refitted without it, all in closed form (O(1) per point
 * once the moments are known), so selecting a point answers at once even for a million rows.
 */
import type { Line } from '../model/predict.ts';
import { fitOfMoments, momentsWithout, type Moments } from './moments.ts';

export interface PointResidual {
  /** Row index in the data set. */
  index: number;
  /** Observed minus predicted (negative: below the line). */
  residual: number;
}

/**
 * The `count` rows with the largest |residual| from `line`, largest first; one pass with a small
 * sorted buffer, so a million rows cost milliseconds.
 */
export function furthestFromLine(line: Line, x: ArrayLike<number>, y: ArrayLike<number>, count = 5): PointResidual[] {
  const best: PointResidual[] = [];
  for (let i = 0; i < x.length; i++) {
    const residual = y[i] - (line.slope * x[i] + line.intercept);
    const size = Math.abs(residual);
    if (!Number.isFinite(size)) continue;
    if (best.length === count && size <= Math.abs(best[count - 1].residual)) continue;
    let at = best.length;
    while (at > 0 && Math.abs(best[at - 1].residual) < size) at--;
    best.splice(at, 0, { index: i, residual });
    if (best.length > count) best.pop();
  }
  return best;
}

export interface Influence {
  /** Residual from the least-squares line of all rows. */
  residual: number;
  /** Hat value h = 1/n + (x − x̄)²/Sxx: how far out in x the point pulls. */
  leverage: number;
  /** Cook's distance: how far the fitted values move without the point, in units of the fit's error. */
  cooksDistance: number;
  /** The least-squares line of every other row. */
  refit: Line;
  /** The least-squares line of all rows, for comparison. */
  fit: Line;
  /** Relative change of the slope without the point (0.041 = +4.1 %). */
  slopeChange: number;
}

/**
 * The influence of row (x, y) on the fit of a data set with these moments (the row included).
 * Undefined when the question has no answer: fewer than three rows, or x constant without the row.
 */
export function influenceOf(m: Moments, x: number, y: number): Influence | undefined {
  if (m.n < 3 || m.sxx === 0) return undefined;
  const fit = fitOfMoments(m);
  const residual = y - (fit.slope * x + fit.intercept);
  const leverage = 1 / m.n + (x - m.meanX) ** 2 / m.sxx;
  const sse = Math.max(0, m.syy - (m.sxy * m.sxy) / m.sxx);
  const variance = sse / (m.n - 2);
  const rest = momentsWithout(m, x, y);
  if (!(rest.sxx > 0)) return undefined;
  const refit = fitOfMoments(rest);
  // p = 2 parameters; a perfect fit (variance 0) moves nothing.
  const cooksDistance = variance === 0 ? 0 : (residual * residual * leverage) / (2 * variance * (1 - leverage) ** 2);
  const slopeChange = fit.slope === 0 ? 0 : (refit.slope - fit.slope) / Math.abs(fit.slope);
  return { residual, leverage, cooksDistance, refit, fit, slopeChange };
}
