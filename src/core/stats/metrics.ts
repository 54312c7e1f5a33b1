/** How well a line fits a data set, as every panel, file and command reports it. */
export interface Metrics {
  mse: number;
  rmse: number;
  /** Coefficient of determination; 1 is a perfect fit, 0 is no better than the mean. */
  r2: number;
}
