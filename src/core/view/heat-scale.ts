/**
 * The loss landscape's colour scale: a perceptually even sequential colour map (viridis, nine stops),
 * low loss dark, on a log-like scale so the valley floor is not one flat colour. Any value gets a
 * colour: one that is not a finite number (an MSE that overflows far from the optimum) is drawn as the
 * highest, as is everything above the scale's top.
 */

const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];
/** How strongly the scale bends towards low values: t = log(1 + K·f) / log(1 + K). */
const K = 300;

export type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const STOPS = VIRIDIS.map(hexToRgb);

/** The colour map at t in [0, 1] (t outside it, or NaN, is held at the nearer end; NaN at the top). */
export function colourAt(t: number): Rgb {
  const held = Number.isNaN(t) ? 1 : Math.min(1, Math.max(0, t));
  const x = held * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i], STOPS[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** The finite range of some values: min and max of those that are finite numbers, or undefined when none is. */
export function finiteRange(values: ArrayLike<number>): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? { min, max } : undefined;
}

/** The colour of each value on a scale from `min` (darkest) to `max` (lightest). */
export function heatColour(value: number, min: number, max: number): Rgb {
  if (!Number.isFinite(value)) return colourAt(1);
  const span = max - min;
  // A flat grid is all dark; a span that overflows is measured in halves.
  const scaled = span > 0 && Number.isFinite(span) ? (K * (value - min)) / span : K * ((value / 2 - min / 2) / (max / 2 - min / 2) || 0);
  return colourAt(Math.log1p(scaled) / Math.log1p(K));
}
