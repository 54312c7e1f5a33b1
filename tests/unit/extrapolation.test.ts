/**
 * The one rule that marks a prediction as an extrapolation, and its words: outside the range of the
 * rows the line was fitted on, inside the range a prediction is accepted for at all.
 */
import { describe, expect, it } from 'vitest';
import { extrapolationNote, formatDataRange, isExtrapolation } from '../../src/core/model/extrapolation.ts';
import { acceptedRange } from '../../src/core/model/predict.ts';

/** The bundled data's BMI range (shared/data/README.md). */
const BUNDLED = { min: 19.86692, max: 30.99563 };

describe('isExtrapolation', () => {
  it('is true outside the data and false inside it, its ends included', () => {
    expect(isExtrapolation(BUNDLED, 40)).toBe(true);
    expect(isExtrapolation(BUNDLED, 10)).toBe(true);
    expect(isExtrapolation(BUNDLED, 28.45)).toBe(false);
    expect(isExtrapolation(BUNDLED, BUNDLED.min)).toBe(false);
    expect(isExtrapolation(BUNDLED, BUNDLED.max)).toBe(false);
    expect(isExtrapolation(BUNDLED, 31)).toBe(true);
  });

  it('marks values the accepted range still lets through: 8.74 to 42.1 stays the hard limit', () => {
    const accepted = acceptedRange(BUNDLED);
    expect(accepted.min).toBeCloseTo(8.738, 3);
    expect(accepted.max).toBeCloseTo(42.124, 3);
    expect(isExtrapolation(BUNDLED, accepted.min)).toBe(true);
    expect(isExtrapolation(BUNDLED, accepted.max)).toBe(true);
  });
});

describe('extrapolationNote', () => {
  it('says which value, the range of the data, and the word', () => {
    expect(extrapolationNote('BMI', 40, BUNDLED)).toBe('BMI 40 is outside the data (19.9 to 31.0): an extrapolation');
    expect(extrapolationNote('BMI', 10, BUNDLED, '10.0')).toBe('BMI 10.0 is outside the data (19.9 to 31.0): an extrapolation');
    expect(extrapolationNote('BMI', 28.45, BUNDLED)).toBeUndefined();
  });

  it('never rounds the range so that the value seems inside it', () => {
    expect(formatDataRange(BUNDLED, 30.996)).toBe('19.8669 to 30.9956');
    expect(formatDataRange({ min: 19.84, max: 31 }, 19.83)).toBe('19.84 to 31.00');
    expect(formatDataRange(BUNDLED, 19.85)).toBe('19.9 to 31.0');
  });

  it('keeps three significant digits for large and small ranges', () => {
    expect(formatDataRange({ min: 1200, max: 56000 }, 80000)).toBe('1200 to 56000');
    expect(formatDataRange({ min: 0.0012, max: 0.0051 }, 0.01)).toBe('0.00120 to 0.00510');
  });
});
