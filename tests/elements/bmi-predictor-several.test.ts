/**
 * `<bmi-predictor>` with a model of several features (a version 3 weights file): a labelled field per
 * feature with its training range, `values` by feature name, the event's `inputs` by name, R's
 * prediction interval, and refusals by field.
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import treesCsv from '../fixtures/r-lm/trees.csv?raw';
import trees from '../fixtures/r-lm/trees.json';
import stacklossCsv from '../fixtures/r-lm/stackloss.csv?raw';
import stackloss from '../fixtures/r-lm/stackloss.json';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { toWeightsFile } from '../../src/core/model/weights-file.ts';
import '../../src/embed/bmi-predictor.ts';
import type { BmiPredictor, PredictionDetail } from '../../src/embed/bmi-predictor.ts';
import { mount, part, recordEvents, textOf, update } from './mount.ts';

function treesModel() {
  const parsed = parseCsv(treesCsv, { features: trees.features, target: trees.target });
  if (!parsed.ok) throw new Error(parsed.error);
  return closedFormModel(parsed.dataset, new Date('2026-12-05T00:00:00Z'));
}

const output = (predictor: BmiPredictor) => textOf(part(predictor, '[part=output]'));
const interval = (predictor: BmiPredictor) => textOf(part(predictor, '[part=interval]'));
const message = (predictor: BmiPredictor) => textOf(part(predictor, '[part=message]'));

describe('<bmi-predictor> with several features', () => {
  it('shows a labelled field per feature with its training range, and predicts R’s value and interval from them', async () => {
    const predictor = await mount('bmi-predictor', { weights: toWeightsFile(treesModel()), decimals: 2 });
    const events = recordEvents<CustomEvent<PredictionDetail>>(predictor, 'bmi-prediction');
    await expect.element(page.getByLabelText('Girth')).toHaveAttribute('placeholder', '8.3 to 20.6');
    await expect.element(page.getByLabelText('Height')).toHaveAttribute('placeholder', '63 to 87');
    await userEvent.fill(page.getByLabelText('Girth'), '13');
    await userEvent.fill(page.getByLabelText('Height'), '76');
    await userEvent.click(page.getByRole('button', { name: 'Predict' }));
    const point = trees.predictions[0];
    expect(output(predictor)).toBe(point.fitted.toFixed(2));
    expect(interval(predictor)).toBe(
      `; 95% of cases with these values: ${point.prediction[0].toFixed(2)} to ${point.prediction[1].toFixed(2)}`,
    );
    const detail = events.at(-1)!.detail;
    expect(detail.inputs).toEqual({ Girth: 13, Height: 76 });
    expect(detail.input).toBe(13);
    expect(detail.predictionInterval!.low).toBeCloseTo(point.prediction[0], 6);
    expect(detail.confidenceInterval!.high).toBeCloseTo(point.confidence[1], 6);
    expect(detail.extrapolation).toBe(false);
  });

  it('predicts at once from the values attribute, by feature name in any case, and marks an input outside the data', async () => {
    const predictor = await mount('bmi-predictor', { model: treesModel() });
    const events = recordEvents<CustomEvent<PredictionDetail>>(predictor, 'bmi-prediction');
    predictor.setAttribute('values', '{"girth": 20, "HEIGHT": 90}');
    await update(predictor, {});
    expect(Number(output(predictor))).toBeCloseTo(trees.predictions[1].fitted + (90 - 87) * trees.coefficients[2].estimate, 1);
    expect(events.at(-1)!.detail).toMatchObject({ inputs: { Girth: 20, Height: 90 }, extrapolation: true });
    expect(textOf(part(predictor, '[part=extrapolation]'))).toMatch(/Height 90 is outside the data \(63\.0 to 87\.0\): an extrapolation/);
    await expect.element(page.getByLabelText('Height')).toHaveValue('90');
  });

  it('names the field that is missing or not a number, and says what values must be', async () => {
    const predictor = await mount('bmi-predictor', { model: treesModel() });
    await userEvent.fill(page.getByLabelText('Girth'), '13');
    await userEvent.click(page.getByRole('button', { name: 'Predict' }));
    expect(message(predictor)).toBe('Enter a Height value.');
    await userEvent.fill(page.getByLabelText('Height'), 'tall');
    await userEvent.click(page.getByRole('button', { name: 'Predict' }));
    expect(message(predictor)).toMatch(/^"tall" is not a number\. Enter Height as digits/);
    expect(output(predictor)).toBe('—');
    await update(predictor, { values: '{"girth": ' });
    expect(message(predictor)).toBe('"values" must be a JSON object with a value per feature, e.g. {"wt": 3, "hp": 120}.');
  });

  it('shows each field’s training range under it, and warns when values each inside their range are together outside the data’s joint range', async () => {
    const parsed = parseCsv(stacklossCsv, { features: stackloss.features, target: stackloss.target });
    if (!parsed.ok) throw new Error(parsed.error);
    const model = closedFormModel(parsed.dataset, new Date('2026-12-05T00:00:00Z'));
    const predictor = await mount('bmi-predictor', { weights: toWeightsFile(model), decimals: 3 });
    const events = recordEvents<CustomEvent<PredictionDetail>>(predictor, 'bmi-prediction');
    const ranges = [...predictor.shadowRoot!.querySelectorAll('[part=range]')].map(textOf);
    expect(ranges).toEqual(['Training data: 50 to 80', 'Training data: 17 to 27', 'Training data: 72 to 93']);
    await expect.element(page.getByLabelText('Water.Temp')).toHaveAccessibleDescription(/^Training data: 17 to 27/);

    // Inside: no warning. Then a point whose every value is inside its range, but whose leverage (R's 0.812) is above the rows' largest (0.412).
    const [inside, , outside] = stackloss.predictions;
    predictor.values = inside.inputs;
    await update(predictor, {});
    expect(events.at(-1)!.detail.extrapolation).toBe(false);
    expect(part(predictor, '[part=extrapolation]').hidden).toBe(true);
    predictor.values = outside.inputs;
    await update(predictor, {});
    const detail = events.at(-1)!.detail;
    expect(detail.extrapolation).toBe(true);
    expect(textOf(part(predictor, '[part=extrapolation]'))).toBe(
      `⚠ These values together are outside the data's joint range (leverage ${outside.leverage.toFixed(3)}, above the training rows' largest, ${Math.max(...stackloss.leverage).toFixed(3)}): an extrapolation.`,
    );
    // Still answered, with R's interval.
    expect(detail.prediction).toBeCloseTo(outside.fitted, 6);
    expect(detail.predictionInterval!.low).toBeCloseTo(outside.prediction[0], 6);
    expect(detail.predictionInterval!.high).toBeCloseTo(outside.prediction[1], 6);
  });
});
