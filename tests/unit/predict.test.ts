import { describe, expect, it } from 'vitest';
import { acceptedRange, checkInput, parseDecimal, predict } from '../../src/core/model/predict.ts';

const bmiRange = acceptedRange({ min: 19.86692, max: 30.99563 });

describe('checkInput', () => {
  it('accepts plain numbers inside the range, with a comma as decimal mark too', () => {
    expect(checkInput('28.45', 'BMI', bmiRange)).toEqual({ ok: true, value: 28.45 });
    expect(checkInput(' 21,5 ', 'BMI', bmiRange)).toEqual({ ok: true, value: 21.5 });
    expect(checkInput('21,25', 'BMI', bmiRange)).toEqual({ ok: true, value: 21.25 });
    expect(checkInput('21,2500', 'BMI', bmiRange)).toEqual({ ok: true, value: 21.25 });
    expect(checkInput('2.5e1', 'BMI', bmiRange)).toEqual({ ok: true, value: 25 });
  });

  it.each([
    ['', /Enter a BMI value/],
    ['   ', /Enter a BMI value/],
    ['abc', /"abc" is not a number/],
    ['28.4.5', /not a number/],
    ['NaN', /not a number/],
    ['Infinity', /not a number/],
    ['0x1A', /not a number/],
    ['1e999', /finite/],
    ['-5', /cannot be negative/],
    ['500', /outside the range this model can answer for \(8\.74 to 42\.1\)/],
    ['2', /outside the range/],
    ['1,000', /"1,000" is ambiguous: use a dot for decimals \(e\.g\. 24\.5\), and no thousands separators/],
    ['24,500', /use a dot for decimals/],
    ['1,000.5', /no thousands separators/],
    ['1,000,000', /no thousands separators/],
  ])('refuses %j', (text, message) => {
    const result = checkInput(text, 'BMI', bmiRange);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('without a range accepts any finite number', () => {
    expect(checkInput('-500', 'x')).toEqual({ ok: true, value: -500 });
  });
});

describe('parseDecimal', () => {
  it('reads a decimal comma but never a possible thousands separator', () => {
    expect(parseDecimal('21,5')).toBe(21.5);
    expect(parseDecimal('-0,75')).toBe(-0.75);
    expect(parseDecimal('1,000')).toBeUndefined();
    expect(parseDecimal('+24,500')).toBeUndefined();
  });
});

describe('acceptedRange', () => {
  it('widens the data range by its span and stays non-negative for a non-negative feature', () => {
    expect(bmiRange.min).toBeCloseTo(19.86692 - 11.12871, 9);
    expect(bmiRange.max).toBeCloseTo(30.99563 + 11.12871, 9);
    expect(acceptedRange({ min: 1, max: 10 }).min).toBe(0);
    expect(acceptedRange({ min: -10, max: 10 })).toEqual({ min: -30, max: 30 });
  });

  it('gives a constant feature a usable range', () => {
    const range = acceptedRange({ min: 5, max: 5 });
    expect(range.min).toBeLessThan(5);
    expect(range.max).toBeGreaterThan(5);
  });
});

describe('predict', () => {
  it('is the line', () => {
    expect(predict({ slope: 2, intercept: 1 }, 3)).toBe(7);
  });
});
