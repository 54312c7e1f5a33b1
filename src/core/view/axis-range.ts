/**
 * The range of a chart axis for any finite data. uPlot steps its ticks by adding the increment to the
 * last tick, so an axis whose ends are a few doubles apart at a huge offset (1e16 ± 1) never reaches
 * its end and freezes the page; ends of ±1e308 make the span itself overflow. Here the ends are kept
 * inside ±MAX_VALUE / 2 (the span stays finite) and at least 2⁻⁴⁰ of their magnitude apart (every
 * tick step is then hundreds of doubles wide), with a margin on both sides.
 */

/** The largest magnitude an end may have, so that max − min is a finite number. */
const LIMIT = Number.MAX_VALUE / 2;
/** The least span, relative to the ends' magnitude. */
const RELATIVE_SPAN = 2 ** -40;

function clamp(value: number): number {
  return Math.min(LIMIT, Math.max(-LIMIT, value));
}

/**
 * [low, high] as they are when they are finite and far enough apart, else moved apart around their
 * centre (twice 2⁻⁴⁰ of their magnitude apart, or ±0.5 around 0) and clamped: a window a chart can divide.
 */
export function visibleSpan(low: number, high: number): [number, number] {
  const [a, b] = [clamp(Number.isNaN(low) ? 0 : low), clamp(Number.isNaN(high) ? 0 : high)];
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const least = Math.max(Math.abs(lo), Math.abs(hi)) * RELATIVE_SPAN;
  if (hi - lo >= least && hi > lo) return [lo, hi];
  const centre = lo / 2 + hi / 2;
  const half = least || 0.5;
  return [clamp(centre - half), clamp(centre + half)];
}

/**
 * [min, max] of the values shown (uPlot passes null without data, and NaN or ±Infinity must never be
 * shown), widened by `margin` of the span on each side; a single value gets ±1 around it. Without any
 * finite value: [0, 1].
 */
export function axisRange(min: number | null, max: number | null, margin = 0.04): [number, number] {
  const ends = [min, max].filter((end): end is number => end !== null && Number.isFinite(end));
  if (ends.length === 0) return [0, 1];
  const low = clamp(Math.min(...ends));
  const high = clamp(Math.max(...ends));
  const span = high - low;
  const pad = span > 0 ? span * margin : 1;
  return visibleSpan(low - pad, high + pad);
}

/** The finite values of a series, others as gaps (null): what a chart may draw. */
export function finiteOrGap(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}
