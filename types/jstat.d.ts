/** The few jStat functions bmi-predictor uses (jstat ships no type declarations; it is CommonJS). */
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  const jStat: {
    studentt: ContinuousDistribution;
    centralF: ContinuousDistribution;
  };
  export default jStat;
}
