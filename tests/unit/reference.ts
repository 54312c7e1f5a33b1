/** The exact least-squares answer for the bundled data (float64, all 163 rows), from the data README. */
export const REFERENCE = {
  slope: 2.5184794389,
  intercept: 7.2278383433,
  mse: 43.0210311892,
  r2: 0.4634456,
  predictionAt21: 60.315647164,
  predictionAt28: 78.8785783793,
} as const;
