/**
 * Axis tick labels that stay short and still differ: large values in exponent form with the fewest
 * digits that tell neighbouring ticks apart ("2.1e+14, 2.2e+14", never "2e+14, 2e+14"). Every loop here
 * is bounded by the tick count or the digits of a double, whatever the numbers: a tiny spread at a huge
 * offset (1e16 ± 10), a spread of 1e-300 or ±1e308 give a few ticks, never a frozen page.
 */

/** From this magnitude on, ticks are written with an exponent. */
const EXPONENT_FROM = 1e5;
/** The most fraction digits an exponent label gets: 17 significant digits tell any two doubles apart. */
const MAX_DIGITS = 16;

/** Labels for the ticks uPlot chose; `null` (a tick it skips, e.g. on a log scale) gives "". */
export function tickLabels(ticks: readonly (number | null)[]): string[] {
  const shown = ticks.filter((tick): tick is number => tick !== null && Number.isFinite(tick));
  const large = shown.some((tick) => Math.abs(tick) >= EXPONENT_FROM);
  const format = (digits: number) => (tick: number) => (large ? tick.toExponential(digits) : String(Number(tick.toPrecision(digits + 1))));
  let digits = large ? 0 : 5;
  const distinct = new Set(shown).size;
  while (digits < MAX_DIGITS && new Set(shown.map(format(digits))).size < distinct) digits += 1;
  const label = format(digits);
  return ticks.map((tick) => (tick === null ? '' : Number.isFinite(tick) ? label(tick) : String(tick)));
}

/**
 * About `count` round tick values (1, 2 or 5 × a power of ten apart) covering [min, max], ascending and
 * distinct; at most 2 × count + 2 of them. Where the step is below what doubles near the range can
 * tell apart, neighbouring values coincide and are given once.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min || !(count >= 1)) return [];
  // Halves first: max − min overflows for ranges like ±1e308.
  const raw = (max / 2 - min / 2) / (count / 2);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? 10 * power;
  // A subnormal spread can round raw to 0, and its power with it.
  if (!(step > 0) || !Number.isFinite(step)) return [];
  // Digits enough to keep ticks far from zero apart once float noise is rounded off (0.30000000000000004).
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const precision = Math.min(17, Math.max(12, Math.ceil(Math.log10(magnitude / step)) + 3));
  const first = Math.ceil(min / step);
  const ticks: number[] = [];
  for (let i = 0; i <= 2 * count + 2; i++) {
    const value = Number(((first + i) * step).toPrecision(precision)) + 0; // + 0: no "-0" tick
    if (!Number.isFinite(value) || value > max + step * 1e-9) break;
    if (value >= min - step * 1e-9 && value !== ticks.at(-1)) ticks.push(value);
  }
  return ticks;
}
