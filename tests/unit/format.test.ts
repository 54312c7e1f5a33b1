import { describe, expect, it } from 'vitest';
import { describeGap, formatLine } from '../../src/core/view/format.ts';

const columns = { feature: { name: 'BMI' }, target: { name: 'LifeExpectancy' } } as const;

describe('model text', () => {
  it('writes the line with four decimals and a real minus sign for a negative intercept', () => {
    expect(formatLine({ ...columns, slope: 2.5184794389, intercept: 7.2278383433 })).toBe('Life expectancy = 2.5185 × BMI + 7.2278');
    expect(formatLine({ ...columns, slope: -0.5, intercept: -3 })).toBe('Life expectancy = −0.5000 × BMI − 3.0000');
  });

  it('writes a model of several features with each feature and its signed coefficient', () => {
    const moreFeatures = [
      { feature: { name: 'Height' }, coefficient: -0.12 },
      { feature: { name: 'Age' }, coefficient: 0.5 },
    ];
    expect(formatLine({ ...columns, slope: 2.5, intercept: -1, moreFeatures })).toBe(
      'Life expectancy = 2.5000 × BMI − 0.1200 × Height + 0.5000 × Age − 1.0000',
    );
  });

  it('says how far an MSE is from the optimum, or that it is there', () => {
    expect(describeGap(43.0210311892, 43.0210311892)).toBe('at the best possible line');
    expect(describeGap(43.0296, 43.0210311892)).toBe('0.020% above the best possible line');
    expect(describeGap(50, 43.0210311892)).toBe('16.2% above the best possible line');
  });
});
