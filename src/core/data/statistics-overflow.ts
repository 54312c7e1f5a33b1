/**
 * A data set whose statistics overflow float64 (a typo such as BMI 1e200 squares to Infinity) cannot
 * give a model: its scaling, line or fit would be NaN or Infinity, and such a model could be neither
 * shown nor saved. It is refused before training, naming the rows to fix.
 */
import { columnMoments, momentsSteps } from '../stats/moments.ts';
import type { Steps } from '../steps.ts';

/** How many offending line numbers a message names (the count is always exact). */
const MAX_NAMED_LINES = 5;

interface Column {
  name: string;
  values: Float64Array;
}

/**
 * Every statistic a model is made of on these rows (each column's mean and standard deviation, the
 * least-squares line, its MSE and R²): all must be finite numbers. The same sums as `scalingOf`,
 * `leastSquares` and `metricsOf` in stats.ts, in three passes over the rows instead of their nine;
 * the moments are remembered for the columns (`columnMoments`). As steps (steps.ts) of `slice` rows.
 */
function* statisticsAreFinite(x: Float64Array, y: Float64Array, slice: number): Steps<boolean> {
  let moments = columnMoments.known(x, y) ? columnMoments(x, y) : undefined;
  if (!moments) {
    moments = yield* momentsSteps(x, y, slice);
    columnMoments.remember(moments, x, y);
  }
  const { n, meanX, meanY, sxx, sxy, syy } = moments;
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = meanY - slope * meanX;
  let residual = 0;
  for (let from = 0; from < n; from += slice) {
    const to = Math.min(n, from + slice);
    for (let i = from; i < to; i++) residual += (slope * x[i] + intercept - y[i]) ** 2;
    if (to < n) yield;
  }
  const mse = residual / n;
  const r2 = syy === 0 ? 0 : 1 - residual / syy;
  return [meanX, Math.sqrt(sxx / n), meanY, Math.sqrt(syy / n), slope, intercept, mse, r2].every(Number.isFinite);
}

/**
 * Why the rows cannot be trained on because their statistics overflow, naming the rows whose values
 * are too large, or undefined when they can. `linesOf` gives each row's 1-based line in the file (asked
 * for only when a message needs them). As steps (steps.ts) of `slice` rows.
 */
export function* statisticsOverflowError(
  feature: Column,
  target: Column,
  linesOf: () => Steps<ArrayLike<number>>,
  slice: number,
): Steps<string | undefined> {
  if (yield* statisticsAreFinite(feature.values, target.values, slice)) return undefined;
  const lines = yield* linesOf();
  const rows = feature.values.length;
  // Below this size no sum of squared deviations over `rows` rows can overflow.
  const limit = Math.sqrt(Number.MAX_VALUE / rows) / 2;
  const offending: string[] = [];
  let count = 0;
  for (let i = 0; i < rows; i++) {
    if (i > 0 && i % slice === 0) yield;
    const huge = [feature, target].filter((column) => Math.abs(column.values[i]) > limit);
    if (huge.length === 0) continue;
    count += 1;
    if (offending.length < MAX_NAMED_LINES) offending.push(`line ${lines[i]} (${huge.map((c) => `${c.name} ${c.values[i]}`).join(', ')})`);
  }
  if (count === 0) {
    return `The values of ${feature.name} and ${target.name} are too extreme to fit a line: its slope or fit overflows. Check the data for values far out of scale.`;
  }
  const more = count > offending.length ? `, and ${count - offending.length} more` : '';
  return `${count === 1 ? 'A value is' : `${count} rows have values`} too large to compute with: ${offending.join(', ')}${more}. Fix or remove ${count === 1 ? 'it' : 'them'}.`;
}
