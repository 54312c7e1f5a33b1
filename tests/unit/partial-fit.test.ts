/** A fit of several features seen one feature at a time (R's trees: Volume ~ Girth + Height). */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/core/data/dataset.ts';
import { crossProductsOf } from '../../src/core/stats/cross-products.ts';
import { leastSquaresFit } from '../../src/core/stats/least-squares-fit.ts';
import { componentPlusResidual, partialLine, planeOfLine, predictRow } from '../../src/core/stats/partial-fit.ts';
import { rFixture } from './r-lm-fixtures.ts';

const { fixture, csv } = rFixture('trees');
const table = parseTable(csv);
if ('error' in table) throw new Error(table.error);
const [y, ...columns] = [fixture.target, ...fixture.features].map((name) => table.values.get(name)!);
const moments = crossProductsOf(columns, y);
const fit = leastSquaresFit(moments);

describe('component plus residual', () => {
  it.each([0, 1])(
    'of feature %i scatters around the partial line by each row’s residual from the whole fit, with its coefficient as slope',
    (j) => {
      const line = partialLine(fit, moments.means, j);
      expect(line.slope).toBe(fit.coefficients[j]);
      for (let row = 0; row < y.length; row++) {
        const residual = y[row] - predictRow(fit, columns, row);
        const point = componentPlusResidual(fit, columns, y, moments.means, j, row);
        expect(point - (line.slope * columns[j][row] + line.intercept)).toBeCloseTo(residual, 10);
      }
    },
  );

  it('reads a model’s, a run’s or a plain line’s coefficients, and predicts one feature as slope·x + intercept to the bit', () => {
    expect(planeOfLine({ slope: 2, intercept: 1, moreWeights: [3] })).toEqual({ coefficients: [2, 3], intercept: 1 });
    expect(planeOfLine({ slope: 2, intercept: 1, moreFeatures: [{ coefficient: 4 }] })).toEqual({ coefficients: [2, 4], intercept: 1 });
    const line = { slope: 2.5184794389, intercept: 7.2278383433 };
    for (const x of [19.86692, 30.99563, 1e-300, 1e16 + 3])
      expect(predictRow(planeOfLine(line), [[x]], 0)).toBe(line.slope * x + line.intercept);
  });
});
