/**
 * Axis tick labels that stay short and still differ: large values in exponent form with the fewest
 * digits that tell neighbouring ticks apart ("2.1e+14, 2.2e+14", never "2e+14, 2e+14").
 */

/** From this magnitude on, ticks are written with an exponent. */
const EXPONENT_FROM = 1e5;
/** The most fraction digits an exponent label gets. */
const MAX_DIGITS = 8;

/** Labels for the ticks uPlot chose; `null` (a tick it skips, e.g. on a log scale) gives "". */
export function tickLabels(ticks: readonly (number | null)[]): string[] {
  const shown = ticks.filter((tick): tick is number => tick !== null && Number.isFinite(tick));
  const large = shown.some((tick) => Math.abs(tick) >= EXPONENT_FROM);
  const format = (digits: number) => (tick: number) => (large ? tick.toExponential(digits) : String(Number(tick.toPrecision(digits + 1))));
  let digits = large ? 0 : 5;
  while (digits < MAX_DIGITS && new Set(shown.map(format(digits))).size < new Set(shown).size) digits += 1;
  const label = format(digits);
  return ticks.map((tick) => (tick === null ? '' : Number.isFinite(tick) ? label(tick) : String(tick)));
}

/** About `count` round tick values (1, 2 or 5 × a power of ten apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return [];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}
