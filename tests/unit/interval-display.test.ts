import { describe, expect, it } from 'vitest';
import { fitSummary } from '../../src/core/stats/fit-summary.ts';
import { formatPValue, slopeInWords } from '../../src/core/view/fit-summary-words.ts';
import { intervalBands } from '../../src/core/view/interval-bands.ts';
import { confidenceInterval, formatInterval, isIntervalBasis, predictionInterval } from '../../src/core/stats/intervals.ts';
import { rowsNoun } from '../../src/core/view/rows-noun.ts';
import { leastSquares } from '../../src/core/stats/stats.ts';
import { bundledDataset } from './bundled-data.ts';
import { R_INTERVALS, relativeError } from './statistics-reference.ts';
import { momentsOf } from '../../src/core/stats/moments.ts';

const { x, y } = bundledDataset;
const line = leastSquares(x, y);
const result = fitSummary(line, momentsOf(x, y));
if (!result.ok) throw new Error(result.error);
const summary = result.summary;

describe('interval bands', () => {
  it('are the confidence and prediction intervals at each x, R’s at the reference BMIs', () => {
    const xs = R_INTERVALS.map((row) => row.bmi);
    const bands = intervalBands(line, summary.basis, xs);
    R_INTERVALS.forEach((row, i) => {
      expect(relativeError(bands.confidenceLow[i], row.confidence[0])).toBeLessThan(1e-6);
      expect(relativeError(bands.confidenceHigh[i], row.confidence[1])).toBeLessThan(1e-6);
      expect(relativeError(bands.predictionLow[i], row.prediction[0])).toBeLessThan(1e-6);
      expect(relativeError(bands.predictionHigh[i], row.prediction[1])).toBeLessThan(1e-6);
    });
  });

  it('are narrowest at the mean feature value and widen away from it', () => {
    const mean = summary.basis.featureMean;
    const width = (at: number) => {
      const ci = confidenceInterval(line, summary.basis, at);
      return ci.high - ci.low;
    };
    expect(width(mean)).toBeLessThan(width(mean - 3));
    expect(width(mean)).toBeLessThan(width(mean + 3));
    const pi = predictionInterval(line, summary.basis, mean);
    expect(pi.high - pi.low).toBeGreaterThan(width(mean));
  });
});

describe('the summary in words', () => {
  it('says the slope as the issue asks: "each extra BMI point goes with 2.5 more years (95% CI 2.1 to 2.9)"', () => {
    expect(slopeInWords(summary, 'BMI', 'Life expectancy', 'years')).toBe(
      'Each extra BMI point goes with 2.5 more years (95% CI 2.1 to 2.9).',
    );
  });

  it('says "fewer" for a negative slope and names the target without a unit', () => {
    const negative = fitSummary(
      { slope: -line.slope, intercept: 200 },
      momentsOf(
        x,
        y.map((v, i) => 200 - line.slope * x[i] + (v - line.slope * x[i] - line.intercept)),
      ),
    );
    if (!negative.ok) throw new Error(negative.error);
    expect(slopeInWords(negative.summary, 'BMI', 'Score', 'years')).toMatch(
      /^Each extra BMI point goes with 2\.5 fewer years \(95% CI −2\.9 to −2\.1\)\.$/,
    );
    expect(slopeInWords(summary, 'BMI', 'Score', '')).toMatch(/goes with 2\.5 higher Score/);
  });

  it('prints p-values as R does', () => {
    expect(formatPValue(1.569385e-23)).toBe('<2e-16');
    expect(formatPValue(1.569385e-23, true)).toBe('< 2e-16');
    expect(formatPValue(0.1761681)).toBe('0.176');
    expect(formatPValue(3.2e-6)).toBe('3.20e-6');
  });

  it('formats an interval with a real minus sign', () => {
    expect(formatInterval({ level: 0.95, low: -3.27812, high: 17.7338 }, 2)).toBe('−3.28 to 17.73');
    expect(isIntervalBasis(summary.basis)).toBe(true);
  });

  it('calls the rows countries when the table has a Country column, else cases', () => {
    expect(rowsNoun(['Country', 'LifeExpectancy', 'Bmi'])).toBe('countries');
    expect(rowsNoun(['Bmi', 'LifeExpectancy'])).toBe('cases');
    expect(rowsNoun(['id', 'Region', 'Country name', 'Mean BMI'])).toBe('countries');
  });
});
