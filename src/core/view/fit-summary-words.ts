/**
 * The fit summary in words and table cells for people, written once for the page.
 */
import type { FitSummary } from '../stats/fit-summary.ts';

/** Two significant digits, enough to read a slope: 2.5184 → "2.5", 0.01234 → "0.012". */
function short(value: number): string {
  return Number(value.toPrecision(2)).toString().replace(/^-/, '−');
}

/**
 * "Each extra BMI point goes with 2.5 more years (95% CI 2.1 to 2.9)." For a negative slope "fewer";
 * without a unit the target's name stands in.
 */
export function slopeInWords(summary: FitSummary, featureLabel: string, targetLabel: string, unit: string): string {
  const { estimate, confidenceInterval: ci } = summary.slope;
  const amount = short(Math.abs(estimate));
  const what = unit ? `${estimate < 0 ? 'fewer' : 'more'} ${unit}` : `${estimate < 0 ? 'lower' : 'higher'} ${targetLabel}`;
  return `Each extra ${featureLabel} point goes with ${amount} ${what} (${Math.round(ci.level * 100)}% CI ${short(ci.low)} to ${short(ci.high)}).`;
}

/**
 * A p-value as R's coefficient table prints it: "<2e-16" below that (its digits would be noise), else
 * three significant digits. `spaced` gives "< 2e-16", for prose.
 */
export function formatPValue(p: number, spaced = false): string {
  if (p < 2e-16) return spaced ? '< 2e-16' : '<2e-16';
  return p < 1e-4 ? p.toExponential(2) : Number(p.toPrecision(3)).toString();
}
