/**
 * The 95% two-sided Student-t quantile, qt(0.975, df), without distribution code: R's values for 1 to
 * 30 degrees of freedom, and above 30 the Cornish–Fisher expansion in 1/df around the normal quantile
 * (Abramowitz & Stegun 26.7.5, four terms), within 2e-8 relative of R there (the unit tests check it
 * against R). Small enough for `<bmi-predictor>`, which must stay without jStat, to check that a
 * weights file's t quantile is the one its degrees of freedom give.
 */

/** qt(0.975, df) for df = 1 … 30, from R (tests/r/t-quantile.R). */
const TABLE = [
  12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363137, 2.446911851144969, 2.3646242515927844,
  2.306004135204166, 2.262157162798205, 2.228138851986274, 2.200985160091639, 2.1788128296672284, 2.1603686564627917, 2.144786687917804,
  2.131449545559775, 2.119905299221254, 2.1098155778333165, 2.1009220402410382, 2.093024054408309, 2.085963447265865, 2.07961384472768,
  2.073873067904026, 2.068657610419048, 2.0638985616280254, 2.0595385527532977, 2.0555294386428726, 2.051830516480285, 2.0484071417952445,
  2.0452296421327034, 2.0422724563012378,
];

/** The normal distribution's 0.975 quantile. */
const Z = 1.959963984540054;

/** How close (relative) a stored t quantile must be to this one: jStat's and R's agree far better. */
export const T_QUANTILE_TOLERANCE = 1e-6;

/** qt(0.975, df) for a whole number of degrees of freedom ≥ 1 (NaN for anything else). */
export function tQuantile95(degreesOfFreedom: number): number {
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) return Number.NaN;
  if (degreesOfFreedom <= TABLE.length) return TABLE[degreesOfFreedom - 1];
  const z2 = Z * Z;
  const g1 = (Z * (z2 + 1)) / 4;
  const g2 = (Z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (Z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (Z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / degreesOfFreedom;
  return Z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}

/** Whether `t` is qt(0.975, degreesOfFreedom) within `T_QUANTILE_TOLERANCE`. */
export function isTQuantile95(t: number, degreesOfFreedom: number): boolean {
  const expected = tQuantile95(degreesOfFreedom);
  return Math.abs(t - expected) <= T_QUANTILE_TOLERANCE * expected;
}
