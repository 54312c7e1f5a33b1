/**
 * Which points sit furthest from a line, and what each point does to the least-squares fit: its
 * leverage, its Cook's distance and the line refitted without it, all in closed form (O(1) per point
 * once the moments are known), so selecting a point answers at once even for a million rows.
 */
import type { Line } from '../model/predict.ts';
import { fitOfMoments, momentsOf, momentsWithout, type Moments } from './moments.ts';

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
 * Why a point's influence has no answer: fewer than three rows; every row with the same feature value
 * (no line at all); or every other row with the same feature value (no line without the point, whose
 * leverage is 1 and Cook's distance undefined).
 */
export interface InfluenceUnavailable {
  unavailable: 'too-few-rows' | 'constant-feature' | 'others-constant-feature';
}

export function isInfluence(value: Influence | InfluenceUnavailable | undefined): value is Influence {
  return value !== undefined && !('unavailable' in value);
}

/**
 * Below this share of a sum's size, a downdated sum (the whole data's minus the row's part) has lost
 * too many digits to cancellation: the other rows' sums are then computed from the rows themselves.
 */
const KEPT_SHARE = 2 ** -16;

/**
 * The influence of row `row` on the least-squares fit of `rows` (whose moments are `m`), or why there
 * is none. In closed form from the moments (O(1)) while the downdate is accurate; when removing the
 * row cancels most digits (a point far out in x, or every other x equal up to rounding) the other
 * rows' moments are computed from the rows (O(n)), and whether they all share one x is decided
 * exactly, not by a sum that rounding leaves a hair above zero.
 */
export function influenceOf(
  rows: { x: ArrayLike<number>; y: ArrayLike<number> },
  row: number,
  m: Moments = momentsOf(rows.x, rows.y),
): Influence | InfluenceUnavailable {
  if (m.n < 3) return { unavailable: 'too-few-rows' };
  const x = rows.x[row];
  const y = rows.y[row];
  const dx = x - m.meanX;
  const dy = y - m.meanY;
  const removed = (m.n / (m.n - 1)) * dx;
  let rest = momentsWithout(m, x, y);
  // Also x's spread near rounding level of x̄ (every x equal but for rounding of the mean).
  const cancelled =
    !(m.sxx > m.n * (m.meanX * 2 ** -20) ** 2) ||
    !(rest.sxx > KEPT_SHARE * m.sxx) ||
    !(Math.abs(rest.sxy) > KEPT_SHARE * (Math.abs(m.sxy) + Math.abs(removed * dy))) ||
    !(Math.abs(rest.meanX) > KEPT_SHARE * Math.abs(m.meanX));
  if (cancelled) {
    const others = otherRows(rows, row);
    if (others.sameX) return { unavailable: others.moments.meanX === x ? 'constant-feature' : 'others-constant-feature' };
    rest = others.moments;
  }
  const fit = fitOfMoments(m);
  const refit = fitOfMoments(rest);
  // Centred, so a large x̄ does not cancel the residual's digits.
  const residual = dy - fit.slope * dx;
  const leverage = 1 / m.n + (dx * dx) / m.sxx;
  const sse = Math.max(0, m.syy - (m.sxy * m.sxy) / m.sxx);
  const variance = sse / (m.n - 2);
  // Cook's distance as h·(y − ŷ₍₋ᵢ₎)² / (p·s²), p = 2: the same number as r²·h / (p·s²·(1 − h)²) without
  // dividing by (1 − h)², which rounding makes 0 for a point far out. A perfect fit moves nothing.
  const deleted = y - (rest.meanY + refit.slope * (x - rest.meanX));
  const cooksDistance = variance === 0 ? 0 : (leverage * deleted * deleted) / (2 * variance);
  const slopeChange = fit.slope === 0 ? 0 : (refit.slope - fit.slope) / Math.abs(fit.slope);
  return { residual, leverage, cooksDistance, refit, fit, slopeChange };
}

/** The moments of every row but `row`, from the rows, and whether those rows all have the same x. */
function otherRows(rows: { x: ArrayLike<number>; y: ArrayLike<number> }, row: number): { moments: Moments; sameX: boolean } {
  const { x, y } = rows;
  const n = x.length - 1;
  let sumX = 0;
  let sumY = 0;
  let least = Infinity;
  let most = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (i === row) continue;
    sumX += x[i];
    sumY += y[i];
    least = Math.min(least, x[i]);
    most = Math.max(most, x[i]);
  }
  // All equal: the mean is that value exactly, not a sum divided by n.
  const sameX = least === most;
  const meanX = sameX ? least : sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (i === row) continue;
    const ex = x[i] - meanX;
    const ey = y[i] - meanY;
    sxx += ex * ex;
    sxy += ex * ey;
    syy += ey * ey;
  }
  return { moments: { n, meanX, meanY, sxx, sxy, syy }, sameX };
}
