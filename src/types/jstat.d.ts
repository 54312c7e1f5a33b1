/** The few jStat functions bmi-predictor uses (jstat ships no type declarations). */
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  export const jStat: {
    studentt: ContinuousDistribution;
    centralF: ContinuousDistribution;
  };
}
