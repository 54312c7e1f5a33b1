/**
 * The 95% two-sided Student-t quantile, qt(0.975, df), without distribution code: up to 30 degrees of
 * freedom solved from the t distribution's exact finite series for whole df (Abramowitz & Stegun
 * 26.7.3–4), above 30 the Cornish–Fisher expansion in 1/df around the normal quantile (26.7.5, four
 * terms), within 2e-8 relative of R there. Both are checked against R in the unit tests. Small enough
 * for every reader of weights files but `<bmi-predictor>` (whose size budget leaves it out) to check a
 * file's t quantile exactly.
 */

/** The normal distribution's 0.975 quantile. */
const Z = 1.959963984540054;

/** How close (relative) a stored t quantile must be to this one: jStat's and R's agree far better. */
export const T_QUANTILE_TOLERANCE = 1e-6;

/** P(|T| ≤ t) for T with a whole number df of degrees of freedom: the exact finite series. */
function coverage(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const cos2 = Math.cos(theta) ** 2;
  const odd = df % 2;
  let term = odd ? Math.cos(theta) : 1;
  let sum = odd && df < 3 ? 0 : term;
  for (let k = 2 + odd; k < df; k += 2) sum += term *= (cos2 * (k - 1)) / k;
  return odd ? (2 / Math.PI) * (theta + Math.sin(theta) * sum) : Math.sin(theta) * sum;
}

/** qt(0.975, df) for a whole number of degrees of freedom ≥ 1 (NaN for anything else). */
export function tQuantile95(df: number): number {
  if (!Number.isInteger(df) || df < 1) return Number.NaN;
  if (df <= 30) {
    // Bisection: the coverage rises with t, and qt(0.975, 1) = 12.7 bounds every quantile.
    let [low, high] = [Z, 13];
    for (let i = 0; i < 60; i++) {
      const mid = (low + high) / 2;
      if (coverage(mid, df) < 0.95) low = mid;
      else high = mid;
    }
    return (low + high) / 2;
  }
  const z2 = Z * Z;
  const v = 1 / df;
  return (
    Z +
    v *
      ((Z * (z2 + 1)) / 4 +
        v *
          ((Z * ((5 * z2 + 16) * z2 + 3)) / 96 +
            v *
              ((Z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384 +
                (v * (Z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945))) / 92160)))
  );
}

/** Whether `t` is qt(0.975, degreesOfFreedom) within `T_QUANTILE_TOLERANCE`. */
export function isTQuantile95(t: number, degreesOfFreedom: number): boolean {
  const expected = tQuantile95(degreesOfFreedom);
  return Math.abs(t - expected) <= T_QUANTILE_TOLERANCE * expected;
}
