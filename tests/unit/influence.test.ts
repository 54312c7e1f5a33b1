/** Residuals, leverage, Cook's distance and refits against R's numbers for the bundled data. */
import { describe, expect, it } from 'vitest';
import { furthestFromLine, influenceOf, isInfluence, type Influence } from '../../src/core/stats/influence.ts';
import { columnMoments, fitOfMoments, momentsOf, momentsWithout, mseAt } from '../../src/core/stats/moments.ts';
import { leastSquares } from '../../src/core/stats/stats.ts';
import { pointName, rowOfLabel } from '../../src/core/view/point-text.ts';
import { bundledDataset as data } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

const moments = momentsOf(data.x, data.y);
const row = (label: string): number => {
  const index = rowOfLabel(data, label);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
};
const influence = (label: string): Influence => {
  const value = influenceOf(data, row(label), moments);
  if (!isInfluence(value)) throw new Error(`${label} has no influence: ${value.unavailable}`);
  return value;
};

describe('moments', () => {
  it('give the reference fit and MSE', () => {
    const fit = fitOfMoments(moments);
    expect(fit.slope).toBeCloseTo(REFERENCE.slope, 9);
    expect(fit.intercept).toBeCloseTo(REFERENCE.intercept, 8);
    expect(mseAt(moments, fit)).toBeCloseTo(REFERENCE.mse, 8);
  });

  it('give the MSE of any line exactly as a pass over the rows does', () => {
    const line = { slope: 0.7, intercept: 40 };
    let sum = 0;
    for (let i = 0; i < data.x.length; i++) sum += (line.slope * data.x[i] + line.intercept - data.y[i]) ** 2;
    expect(mseAt(moments, line)).toBeCloseTo(sum / data.x.length, 9);
  });

  it('downdated without a row equal the moments of the other rows', () => {
    const i = 17;
    const rest = momentsWithout(moments, data.x[i], data.y[i]);
    const keep = (_: number, j: number) => j !== i;
    const direct = momentsOf(data.x.filter(keep), data.y.filter(keep));
    for (const key of ['n', 'meanX', 'meanY', 'sxx', 'sxy', 'syy'] as const) expect(rest[key]).toBeCloseTo(direct[key], 8);
  });
});

describe('furthest from the line', () => {
  it('are South Africa, Swaziland, Lesotho, Japan and Marshall Islands for the exact fit', () => {
    const furthest = furthestFromLine(leastSquares(data.x, data.y), data.x, data.y);
    expect(furthest.map((p) => pointName(data, p.index))).toEqual(['South Africa', 'Swaziland', 'Lesotho', 'Japan', 'Marshall Islands']);
    const expected = [-21.4626, -20.4802, -17.8865, 16.0878, -15.9041];
    furthest.forEach((p, k) => expect(p.residual).toBeCloseTo(expected[k], 3));
  });

  it('follow the line they are asked about, and ask for no more than there are rows', () => {
    const flat = furthestFromLine({ slope: 0, intercept: 0 }, data.x, data.y, 1);
    expect(data.y[flat[0].index]).toBe(Math.max(...data.y));
    expect(furthestFromLine({ slope: 1, intercept: 0 }, [1, 2], [1, 3], 5)).toEqual([
      { index: 1, residual: 1 },
      { index: 0, residual: 0 },
    ]);
  });
});

describe('influence of a point', () => {
  it("Tonga: leverage 0.046431, Cook's distance 0.131709, refit slope 2.6205930 and intercept 4.7926388 (+4.1 %)", () => {
    const tonga = influence('Tonga');
    expect(tonga.leverage).toBeCloseTo(0.046431, 6);
    expect(tonga.cooksDistance).toBeCloseTo(0.131709, 6);
    expect(tonga.refit.slope).toBeCloseTo(2.620593, 6);
    expect(tonga.refit.intercept).toBeCloseTo(4.7926388, 6);
    expect(tonga.slopeChange).toBeCloseTo(0.0406, 3);
  });

  it("the reference leverages and Cook's distances of French Polynesia, Samoa and Marshall Islands", () => {
    expect(influence('French Polynesia').leverage).toBeCloseTo(0.044784, 6);
    expect(influence('Samoa').leverage).toBeCloseTo(0.039355, 6);
    expect(influence('Samoa').cooksDistance).toBeCloseTo(0.065331, 6);
    expect(influence('Marshall Islands').cooksDistance).toBeCloseTo(0.086413, 6);
    expect(influence('South Africa').residual).toBeCloseTo(-21.4626, 4);
  });

  it('has no answer with fewer than three rows', () => {
    expect(influenceOf({ x: [1, 2], y: [1, 2] }, 1)).toEqual({ unavailable: 'too-few-rows' });
  });
});

describe('moments of a data set, once per pair of columns', () => {
  it('gives the same object for the same columns, the exact moments, and new ones for other columns', () => {
    const first = columnMoments(data.x, data.y);
    expect(first).toEqual(momentsOf(data.x, data.y));
    expect(columnMoments(data.x, data.y)).toBe(first);
    const otherY = data.y.map((y) => y * 2);
    const other = columnMoments(data.x, otherY);
    expect(other).not.toBe(first);
    expect(other.syy).toBeCloseTo(first.syy * 4, 6);
    expect(columnMoments(data.x, data.y)).toEqual(first);
  });
});
