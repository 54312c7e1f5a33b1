/**
 * Larger data sets drawn from the bundled data's distribution: BMI normal with the bundled mean and
 * standard deviation, life expectancy on the bundled least-squares line plus normal noise of its RMSE.
 * Seeded, so every run measures the same rows.
 */
import type { Dataset } from '../src/core/data/dataset.ts';
import { seededRandom } from '../src/core/data/split.ts';
import { leastSquares, metricsOf, scalingOf } from '../src/core/stats/stats.ts';

/** Box–Muller: a standard normal draw from two uniform ones. */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function syntheticDataset(like: Dataset, rows: number, seed = 7): Dataset {
  const line = leastSquares(like.x, like.y);
  const noise = metricsOf(line, like.x, like.y).rmse;
  const { mean, std } = scalingOf(like.x);
  const random = seededRandom(seed);
  const x = new Float64Array(rows);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    x[i] = mean + std * normal(random);
    y[i] = line.slope * x[i] + line.intercept + noise * normal(random);
  }
  return { featureName: like.featureName, targetName: like.targetName, x, y };
}
