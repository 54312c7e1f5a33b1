import { describe, expect, it } from 'vitest';
import { describePoint, formatSigned, pointFacts, pointName, rowOfLabel } from '../../src/core/view/point-text.ts';
import { bundledDataset as data } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

describe('point text', () => {
  it('names a row by its label, with its values, prediction and residual', () => {
    const row = rowOfLabel(data, 'South Africa');
    const { name, facts } = pointFacts(data, row, REFERENCE);
    expect(name).toBe('South Africa');
    expect(facts.map(([label]) => label)).toEqual(['BMI', 'Life expectancy', 'Predicted', 'Residual']);
    expect(facts[3][1]).toBe('−21.46');
    expect(describePoint(data, row, null)).toMatch(/^South Africa: BMI \d+\.\d\d kg\/m², Life expectancy \d+\.\d\d years\.$/);
  });

  it('numbers rows without a label column from 1, and writes signs as people do', () => {
    expect(pointName({}, 0)).toBe('Row 1');
    expect([formatSigned(16.0878), formatSigned(-0.001), formatSigned(0.041 * 100, 1)]).toEqual(['+16.09', '0.00', '+4.1']);
  });
});
