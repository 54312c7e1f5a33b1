/**
 * The 95% confidence band (around the mean) and prediction band (around new observations) of a line,
 * as series over given feature values, for the scatter plot to draw: the intervals at each x.
 */
import { confidenceInterval, predictionInterval, type IntervalBasis } from '../stats/intervals.ts';
import type { Line } from '../model/predict.ts';

export interface IntervalBands {
  confidenceLow: number[];
  confidenceHigh: number[];
  predictionLow: number[];
  predictionHigh: number[];
}

export function intervalBands(line: Line, basis: IntervalBasis, xs: readonly number[]): IntervalBands {
  const bands: IntervalBands = { confidenceLow: [], confidenceHigh: [], predictionLow: [], predictionHigh: [] };
  for (const x of xs) {
    const mean = confidenceInterval(line, basis, x);
    const observation = predictionInterval(line, basis, x);
    bands.confidenceLow.push(mean.low);
    bands.confidenceHigh.push(mean.high);
    bands.predictionLow.push(observation.low);
    bands.predictionHigh.push(observation.high);
  }
  return bands;
}
