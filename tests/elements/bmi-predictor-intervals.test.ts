/**
 * Issue 22, class 3: `<bmi-predictor>` never shows a prediction that silently lost its interval: a
 * weights file whose interval block overflows is refused with the field named, as the app, `train`
 * and `serve` refuse it.
 */
import { describe, expect, it } from 'vitest';
import { serializeWeights, type WeightsFile } from '../../src/core/model/weights-file.ts';
import type { IntervalBasis } from '../../src/core/stats/intervals.ts';
import '../../src/embed/bmi-predictor.ts';
import { referenceModel } from './fixtures.ts';
import { mount, part, textOf } from './mount.ts';

/** The bundled data's interval basis (shared/data/README.md: s 6.5997 on 161 df, t 1.9748). */
const basis: IntervalBasis = {
  level: 0.95,
  rows: 163,
  featureMean: 24.79238,
  featureSumOfSquares: 163 * 2.42044 ** 2,
  residualStandardError: 6.5996555923,
  degreesOfFreedom: 161,
  tQuantile: 1.9748080918,
};
const model = { ...referenceModel(), intervals: basis };

describe('<bmi-predictor> and an interval block that overflows', () => {
  it('refuses such a weights file at load, naming the field, and shows no prediction', async () => {
    const json = JSON.parse(serializeWeights(model)) as WeightsFile & { intervals: IntervalBasis };
    json.intervals.residualStandardError = 1e308;
    const predictor = await mount('bmi-predictor', { weights: json, value: '25' });
    expect(textOf(part(predictor, '[part=message]'))).toMatch(/"intervals\.residualStandardError" makes the 95% interval overflow/);
    expect(textOf(part(predictor, '[part=output]'))).toBe('—');
  });
});
