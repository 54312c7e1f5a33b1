/**
 * The first and second moments of a data set's (x, y) columns: everything a straight line's fit, its
 * MSE anywhere in (slope, intercept) and the fit without any one row need, in O(1) once they are known.
 * Centred sums (two passes) rather than raw power sums, so a million rows keep float64 precision.
 */
import { oncePerColumns } from '../data/once-per-columns.ts';
import { runSteps, type Steps } from '../steps.ts';
import type { Line } from '../model/predict.ts';
import type { Metrics } from './metrics.ts';

export interface Moments {
  n: number;
  meanX: number;
  meanY: number;
  /** Σ (x − x̄)² */
  sxx: number;
  /** Σ (x − x̄)(y − ȳ) */
  sxy: number;
  /** Σ (y − ȳ)² */
  syy: number;
}

export function momentsOf(x: ArrayLike<number>, y: ArrayLike<number>): Moments {
  return runSteps(momentsSteps(x, y, Infinity));
}

/** `momentsOf` as steps (steps.ts) of `slice` rows: the sums take the rows in the same order. */
export function* momentsSteps(x: ArrayLike<number>, y: ArrayLike<number>, slice: number): Steps<Moments> {
  const n = x.length;
  let sumX = 0;
  let sumY = 0;
  for (let from = 0; from < n; from += slice) {
    const to = Math.min(n, from + slice);
    for (let i = from; i < to; i++) {
      sumX += x[i];
      sumY += y[i];
    }
    yield;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let from = 0; from < n; from += slice) {
    const to = Math.min(n, from + slice);
    for (let i = from; i < to; i++) {
      const dx = x[i] - meanX;
      const dy = y[i] - meanY;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    if (to < n) yield;
  }
  return { n, meanX, meanY, sxx, sxy, syy };
}

/**
 * The moments of a data set's columns, computed once per pair of columns: the check that a new data
 * set's statistics are finite, the loss landscape and the point inspection all need them, and each
 * is a pass over every row. A data set's columns are never changed once made.
 */
export const columnMoments = oncePerColumns(momentsOf);

/** The least-squares line of these moments (slope 0 when x is constant). */
export function fitOfMoments(m: Moments): Line {
  const slope = m.sxx === 0 ? 0 : m.sxy / m.sxx;
  return { slope, intercept: m.meanY - slope * m.meanX };
}

/**
 * The exact mean squared error of any line on the data, from the moments alone: with
 * c = ȳ − a·x̄ − b, MSE = (Syy − 2a·Sxy + a²·Sxx) / n + c².
 */
export function mseAt(m: Moments, line: Line): number {
  const { slope: a, intercept: b } = line;
  const offset = m.meanY - a * m.meanX - b;
  return (m.syy - 2 * a * m.sxy + a * a * m.sxx) / m.n + offset * offset;
}

/** MSE, RMSE and R² of any line on the data, from the moments alone. */
export function metricsAt(m: Moments, line: Line): Metrics {
  // Rounding can take an exact fit's MSE a hair below zero.
  const mse = Math.max(0, mseAt(m, line));
  return { mse, rmse: Math.sqrt(mse), r2: m.syy === 0 ? 0 : 1 - (mse * m.n) / m.syy };
}

/** The moments without row (x, y): the exact downdate of the centred sums. */
export function momentsWithout(m: Moments, x: number, y: number): Moments {
  const n = m.n - 1;
  const dx = x - m.meanX;
  const dy = y - m.meanY;
  const k = m.n / n;
  return {
    n,
    meanX: m.meanX - dx / n,
    meanY: m.meanY - dy / n,
    sxx: m.sxx - k * dx * dx,
    sxy: m.sxy - k * dx * dy,
    syy: m.syy - k * dy * dy,
  };
}
