/**
 * A fit of several features seen one feature at a time: each row's prediction, and the
 * component-plus-residual view of one feature (the target with the other features' parts taken out,
 * as if those features sat at their means) with the plane's partial line through it. Pure functions
 * of the columns, so they can run on any thread.
 */
import type { Hyperplane, Line } from '../model/predict.ts';

/**
 * The raw-unit coefficients of whatever line the page holds: a model (its `moreFeatures`), a run's
 * weights (`moreWeights`) or a plain line. With one feature, [slope] and the intercept.
 */
export function planeOfLine(
  line: Line & { moreWeights?: readonly number[]; moreFeatures?: readonly { coefficient: number }[] },
): Hyperplane {
  const more = line.moreWeights ?? line.moreFeatures?.map((feature) => feature.coefficient) ?? [];
  return { coefficients: [line.slope, ...more], intercept: line.intercept };
}

/**
 * The plane's prediction for row `row`: intercept + Σ βⱼ·xⱼ. With one feature it is exactly
 * slope·x + intercept (the same two roundings, in an order that addition does not mind).
 */
export function predictRow(plane: Hyperplane, columns: readonly ArrayLike<number>[], row: number): number {
  let sum = plane.intercept;
  for (let j = 0; j < columns.length; j++) sum += plane.coefficients[j] * columns[j][row];
  return sum;
}

/**
 * The component-plus-residual of row `row` for feature `feature`, on the target's scale: the target
 * with every other feature's part taken out at its mean, y − Σₖ≠ⱼ βₖ·(xₖ − x̄ₖ). Against xⱼ these
 * points scatter around `partialLine` exactly as the rows scatter around the plane (the same
 * residuals), so the line's slope is the feature's coefficient and the spread is what is left.
 */
export function componentPlusResidual(
  plane: Hyperplane,
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  means: ArrayLike<number>,
  feature: number,
  row: number,
): number {
  let value = y[row];
  for (let k = 0; k < columns.length; k++) if (k !== feature) value -= plane.coefficients[k] * (columns[k][row] - means[k]);
  return value;
}

/** The plane's partial line for one feature: its coefficient, with every other feature at its mean. */
export function partialLine(plane: Hyperplane, means: ArrayLike<number>, feature: number): Line {
  let intercept = plane.intercept;
  plane.coefficients.forEach((coefficient, k) => {
    if (k !== feature) intercept += coefficient * means[k];
  });
  return { slope: plane.coefficients[feature], intercept };
}
