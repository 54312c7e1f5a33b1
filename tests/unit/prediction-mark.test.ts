/** The prediction the scatter plot marks: what the form answers for the same text, or nothing. */
import { describe, expect, it } from 'vitest';
import { predictionMark } from '../../src/core/view/prediction-mark.ts';
import { readFileSync } from 'node:fs';
import { parseWeights } from '../../src/core/model/weights-file.ts';

const read = parseWeights(readFileSync(new URL('../../public/sample-weights.json', import.meta.url), 'utf8'));
if (!read.ok) throw new Error(read.error);
const model = read.model;

describe('predictionMark', () => {
  it('marks the form’s answer: 78.9 (65.7 to 92.0) at BMI 28.45, inside the data', () => {
    const mark = predictionMark(model, '28.45')!;
    expect(mark.x).toBe(28.45);
    expect(mark.y.toFixed(1)).toBe('78.9');
    expect([mark.interval!.low.toFixed(1), mark.interval!.high.toFixed(1)]).toEqual(['65.7', '92.0']);
    expect(mark.extrapolation).toBe(false);
  });

  it('marks a value outside the data as an extrapolation, and nothing the form refuses', () => {
    expect(predictionMark(model, '40')?.extrapolation).toBe(true);
    expect(predictionMark(model, 'abc')).toBeNull();
    expect(predictionMark(model, '')).toBeNull();
    expect(predictionMark(model, '1000')).toBeNull();
    expect(predictionMark(null, '28.45')).toBeNull();
  });
});
