/**
 * The Student-t and F distributions the fit summary needs, from jStat (see the README's dependency
 * table for why jStat). Only `fit-summary.ts` imports this module, so the distribution code stays out
 * of prediction: intervals are plain arithmetic on the t quantile a model carries.
 */
// jstat is CommonJS: its module object is jStat itself, so the default import works in Node and Vite.
import jStat from 'jstat';

/** The t value below which a fraction `p` of Student's t distribution with `df` degrees of freedom lies. */
export function studentTQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/**
 * Two-sided p-value of a t statistic: P(|T| ≥ |t|). Taken from the lower tail at −|t| rather than as
 * 1 − cdf, which would round to 0 for p below about 1e-16 (the slope's p here is 1.6e-23).
 */
export function studentTTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}

/**
 * Upper-tail p-value of an F statistic, P(F ≥ f) with (d1, d2) degrees of freedom. Computed as the
 * lower tail of F(d2, d1) at 1/f (the same probability, exactly), for the same reason as above.
 */
export function fUpperTailP(f: number, d1: number, d2: number): number {
  return f <= 0 ? 1 : jStat.centralF.cdf(1 / f, d2, d1);
}
