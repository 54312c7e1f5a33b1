/**
 * Larger data sets drawn from the bundled data's distribution: BMI normal with the bundled mean and
 * standard deviation, life expectancy on the bundled least-squares line plus normal noise of its RMSE.
 * And data sets of several features. Seeded, so every run measures the same rows.
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

/**
 * `features` standard normal features, each mixed with one shared normal (correlation 0.05, so the cross
 * products are not diagonal yet plain SGD at 0.1 converges with 64 features), and a target that is a
 * fixed linear function of them plus noise.
 */
export function syntheticFeatures(rows: number, features: number, seed = 7): Dataset {
  const random = seededRandom(seed);
  const columns = Array.from({ length: features }, () => new Float64Array(rows));
  const y = new Float64Array(rows);
  const beta = Array.from({ length: features }, (_, j) => ((j % 5) - 2) * 0.3 + 0.1);
  for (let i = 0; i < rows; i++) {
    const shared = normal(random);
    let target = 0.25;
    for (let j = 0; j < features; j++) {
      const value = 0.9747 * normal(random) + 0.2236 * shared;
      columns[j][i] = value;
      target += beta[j] * value;
    }
    y[i] = target + 0.5 * normal(random);
  }
  const [x, ...more] = columns;
  return {
    featureName: 'x1',
    targetName: 'y',
    x,
    y,
    ...(more.length > 0 ? { moreFeatures: more.map((values, j) => ({ name: `x${j + 2}`, values })) } : {}),
  };
}
