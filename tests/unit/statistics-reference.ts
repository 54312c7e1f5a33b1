/** R's `summary(lm(LifeExpectancy ~ Bmi))` and `predict.lm` intervals for the bundled data (data README). */
export const R_SUMMARY = {
  slope: { standardError: 0.2135664271, t: 11.792488, p: 1.569385e-23, low: 2.0967267305, high: 2.9402321472 },
  intercept: { standardError: 5.3199930255, t: 1.358618, p: 0.1761681, low: -3.2781269314, high: 17.7338036181 },
  residualStandardError: 6.5996555923,
  degreesOfFreedom: 161,
  r2: 0.4634455865,
  adjustedR2: 0.4601129504,
  f: 139.062763,
  fP: 1.569385e-23,
  tQuantile: 1.9748080918,
} as const;

export const R_INTERVALS = [
  { bmi: 21.07931, fitted: 60.315647164, confidence: [58.446306698, 62.18498763], prediction: [47.1492159382, 73.4820783898] },
  { bmi: 28.45, fitted: 78.8785783793, confidence: [77.0287836379, 80.7283731208], prediction: [65.7149079933, 92.0422487653] },
  { bmi: 30, fitted: 82.7822215096, confidence: [80.3602494731, 85.204193546], prediction: [69.5260370664, 96.0384059527] },
] as const;

/** Asserts |actual − expected| ≤ 1e-6 · |expected|. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
