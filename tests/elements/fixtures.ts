/**
 * Small, exact inputs for the element tests: five rows of the bundled data and the closed-form line of
 * all 163 rows (slope 2.5184794389, intercept 7.2278383433, MSE 43.0210311892, R² 0.4634456).
 */
import type { Dataset } from '../../src/core/data/dataset.ts';
import { modelFromLine, type Model } from '../../src/core/model/model.ts';

/** The first five countries of bmi_and_life_expectancy.csv. */
export function fiveRows(): Dataset {
  return {
    featureName: 'Bmi',
    targetName: 'LifeExpectancy',
    x: Float64Array.from([20.62058, 26.44657, 24.5962, 27.63048, 22.25083]),
    y: Float64Array.from([52.8, 76.8, 75.5, 84.6, 56.7]),
  };
}

export const REFERENCE_LINE = { slope: 2.5184794389, intercept: 7.2278383433 };

/** The reference line as a whole model, with the metadata a weights file carries for all 163 rows. */
export function referenceModel(overrides: Partial<Model['training']> = {}): Model {
  const model = modelFromLine(
    REFERENCE_LINE,
    fiveRows(),
    { epochs: 0, optimizer: 'sgd', learningRate: 0, backend: 'closed-form' },
    new Date('2026-11-25T08:32:26Z'),
  );
  return {
    ...model,
    feature: { name: 'Bmi', unit: 'kg/m²', min: 19.86692, max: 30.99563 },
    training: { ...model.training, trainMse: 43.0210311892, r2: 0.4634456, rows: 163, ...overrides },
  };
}
