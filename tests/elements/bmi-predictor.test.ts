/**
 * `<bmi-predictor>` alone, from its source: the form's labels and states, predicting with Enter and
 * the button, refused input, the three ways to give it weights (and that the newest wins), dropping a
 * weights file, and the bmi-prediction / bmi-predictor-error events.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { serializeWeights, toWeightsFile } from '../../src/core/model/weights-file.ts';
import '../../src/embed/bmi-predictor.ts';
import type { BmiPredictor, PredictionDetail, PredictorErrorDetail } from '../../src/embed/bmi-predictor.ts';
import { drag, filesTransfer } from './drag.ts';
import { referenceModel } from './fixtures.ts';
import { mount, part, recordEvents, settled, textOf, update } from './mount.ts';

/** The reference prediction at BMI 28.45 (shared/data/README.md). */
const AT_28_45 = 78.8785783793;

const output = (predictor: BmiPredictor) => textOf(part(predictor, '[part=output]'));
const message = (predictor: BmiPredictor) => textOf(part(predictor, '[part=message]'));
const field = () => page.getByLabelText('BMI');

function predictions(predictor: BmiPredictor) {
  return recordEvents<CustomEvent<PredictionDetail>>(predictor, 'bmi-prediction');
}
function errors(predictor: BmiPredictor) {
  return recordEvents<CustomEvent<PredictorErrorDetail>>(predictor, 'bmi-predictor-error');
}

/** A model that predicts exactly 2 × feature, for telling two models apart. */
function doubling() {
  return { ...referenceModel(), slope: 2, intercept: 0 };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A response whose body says when it has been read to its end, however the reader reads it. */
function readTracked(text: string): { response: Response; read: Promise<void> } {
  let finished!: () => void;
  const read = new Promise<void>((resolve) => (finished = resolve));
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        controller.close();
        finished();
        return;
      }
      sent = true;
      controller.enqueue(new TextEncoder().encode(text));
    },
  });
  return { response: new Response(body), read };
}

describe('<bmi-predictor>', () => {
  it('without a model: a labelled field, a Predict button, "no model" and no number', async () => {
    const predictor = await mount('bmi-predictor');
    await expect.element(field()).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Predict' })).toBeEnabled();
    expect(message(predictor)).toBe('No model loaded yet.');
    expect(textOf(part(predictor, '[part=result]'))).toBe('Predicted life expectancy: —');
    expect(part(predictor, '[part=output]').getAttribute('aria-live')).toBe('polite');
  });

  it('predicting without a model gives a message and the error event, never a number', async () => {
    const predictor = await mount('bmi-predictor');
    const failed = errors(predictor);
    await userEvent.fill(field(), '28.45');
    await userEvent.keyboard('{Enter}');
    const text = 'No model loaded: train one, or drop a weights file here.';
    expect(message(predictor)).toBe(text);
    expect(failed.map((event) => event.detail)).toEqual([{ message: text }]);
    expect(output(predictor)).toBe('—');
    // A page that handles drops itself is told to load a file instead.
    await update(predictor, { noDrop: true });
    predictor.predictFromField();
    await settled(predictor);
    expect(message(predictor)).toBe('No model loaded: train one, or load a weights file.');
  });

  it('predicts 78.9 years at BMI 28.45 with Enter in the field, and fires bmi-prediction', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel() });
    const made = predictions(predictor);
    await expect.element(field()).toHaveAttribute('placeholder', 'e.g. 25.4');
    await userEvent.fill(field(), '28.45');
    await userEvent.keyboard('{Enter}');
    expect(output(predictor)).toBe('78.9 years');
    expect(made).toHaveLength(1);
    expect(made[0].detail.input).toBe(28.45);
    expect(made[0].detail.prediction).toBeCloseTo(AT_28_45, 8);
    expect(made[0].bubbles && made[0].composed).toBe(true);
    expect(message(predictor)).toBe('');
  });

  it('predicts with the Predict button too, and with a decimal comma', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel() });
    await userEvent.fill(field(), '28,45');
    await userEvent.click(page.getByRole('button', { name: 'Predict' }));
    expect(output(predictor)).toBe('78.9 years');
  });

  it('refuses text that is not a usable number: says why, marks the field, fires the error event', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel() });
    const failed = errors(predictor);
    const made = predictions(predictor);
    await userEvent.fill(field(), '28.45');
    await userEvent.keyboard('{Enter}');
    await userEvent.fill(field(), 'abc');
    await userEvent.keyboard('{Enter}');
    expect(made).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(message(predictor)).toBe(failed[0].detail.message);
    expect(message(predictor)).toMatch(/BMI/);
    expect(output(predictor)).toBe('—');
    await expect.element(field()).toHaveAttribute('aria-invalid', 'true');
    await expect.element(field()).toHaveAccessibleDescription(message(predictor));
    // Far outside the data is refused too, not extrapolated.
    await userEvent.fill(field(), '500');
    await userEvent.keyboard('{Enter}');
    expect(failed).toHaveLength(2);
    expect(output(predictor)).toBe('—');
  });

  it('marks a prediction outside the data as an extrapolation: in words, set off in colour, and in the event', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel() });
    const made = predictions(predictor);
    const failed = errors(predictor);
    const mark = () => part(predictor, '[part=extrapolation]');
    await userEvent.fill(field(), '40');
    await userEvent.keyboard('{Enter}');
    expect(output(predictor)).toBe(`${(2.5184794389 * 40 + 7.2278383433).toFixed(1)} years`);
    expect(textOf(mark())).toBe('⚠ BMI 40 is outside the data (19.9 to 31.0): an extrapolation.');
    await expect.element(mark()).toBeVisible();
    expect(mark().getAttribute('aria-live')).toBe('polite');
    expect(getComputedStyle(part(predictor, '[part=result]')).borderLeftStyle).toBe('solid');
    expect(made.at(-1)?.detail.extrapolation).toBe(true);
    expect(message(predictor)).toBe('');
    expect(failed).toHaveLength(0);

    await userEvent.fill(field(), '28.45');
    await userEvent.keyboard('{Enter}');
    await expect.element(mark()).not.toBeVisible();
    expect(getComputedStyle(part(predictor, '[part=result]')).borderLeftStyle).toBe('none');
    expect(made.at(-1)?.detail.extrapolation).toBe(false);

    await userEvent.fill(field(), '10');
    await userEvent.keyboard('{Enter}');
    expect(textOf(mark())).toBe('⚠ BMI 10 is outside the data (19.9 to 31.0): an extrapolation.');
    // A refused value takes the mark away with the number.
    await userEvent.fill(field(), '500');
    await userEvent.keyboard('{Enter}');
    await expect.element(mark()).not.toBeVisible();
  });

  it('names the feature in its sentences, not the field label a page gave ("Your BMI")', async () => {
    // The interval statistics of all 163 rows (shared/data/README.md).
    const intervals = {
      level: 0.95,
      rows: 163,
      featureMean: 24.792377975460127,
      featureSumOfSquares: 954.9410884058316,
      residualStandardError: 6.5996555923,
      degreesOfFreedom: 161,
      tQuantile: 1.9748080918,
    };
    const model = { ...referenceModel(), intervals };
    const predictor = await mount('bmi-predictor', { model, value: '28.45', label: 'Your BMI', population: 'countries' });
    expect(textOf(part(predictor, '[part=interval]'))).toBe('; 95% of countries with this BMI: 65.7 to 92.0');
    await update(predictor, { value: '40' });
    expect(textOf(part(predictor, '[part=extrapolation]'))).toMatch(/^⚠ BMI 40 is outside the data/);
  });

  it('decimals rounds the shown result (0 to 10), label names the field', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel(), value: '28.45', decimals: 3, label: 'Your BMI' });
    expect(output(predictor)).toBe('78.879 years');
    await expect.element(page.getByLabelText('Your BMI')).toHaveValue('28.45');
    await update(predictor, { decimals: 0 });
    expect(output(predictor)).toBe('79 years');
    await update(predictor, { decimals: 50 });
    // At most 10 decimals (toFixed's own limit is higher, but no result needs more).
    expect(output(predictor)).toBe(`${(2.5184794389 * 28.45 + 7.2278383433).toFixed(10)} years`);
  });

  it('value fills the field and predicts as soon as a model arrives, and again when it changes', async () => {
    const predictor = await mount('bmi-predictor', { value: '28.45' });
    const made = predictions(predictor);
    expect(output(predictor)).toBe('—');
    await update(predictor, { model: referenceModel() });
    expect(output(predictor)).toBe('78.9 years');
    await update(predictor, { value: '21.07931' });
    expect(output(predictor)).toBe('60.3 years');
    expect(made.map((event) => event.detail.input)).toEqual([28.45, 21.07931]);
  });

  it('a new model clears the old answer', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel() });
    await userEvent.fill(field(), '28.45');
    await userEvent.keyboard('{Enter}');
    await update(predictor, { model: doubling() });
    expect(output(predictor)).toBe('—');
  });

  it('weights as JSON text or as an object: validated; a bad one is refused and the model kept', async () => {
    const predictor = await mount('bmi-predictor');
    predictor.setAttribute('weights', serializeWeights(referenceModel()));
    await settled(predictor);
    expect(predictor.model?.slope).toBe(2.5184794389);
    const failed = errors(predictor);
    predictor.setAttribute('weights', '{not json');
    await settled(predictor);
    expect(failed).toHaveLength(1);
    expect(message(predictor)).toMatch(/^weights: .*The current model is kept\.$/);
    expect(predictor.model?.slope).toBe(2.5184794389);
    await update(predictor, { weights: toWeightsFile(doubling()) });
    expect(predictor.model?.slope).toBe(2);
    await update(predictor, { weights: { ...toWeightsFile(doubling()), slope: 'steep' } as never });
    expect(failed).toHaveLength(2);
    expect(predictor.model?.slope).toBe(2);
  });

  it('weights-src: loads the file, says so while loading, and keeps the model when a reload fails', async () => {
    const pending: ((response: Response) => void)[] = [];
    vi.spyOn(window, 'fetch').mockImplementation(() => new Promise<Response>((resolve) => pending.push(resolve)));
    const predictor = await mount('bmi-predictor', { weightsSrc: 'good.json' });
    expect(message(predictor)).toBe('Loading weights…');
    pending.shift()!(new Response(serializeWeights(referenceModel())));
    await expect.poll(() => predictor.model?.slope).toBe(2.5184794389);
    expect(message(predictor)).toBe('');

    const failed = errors(predictor);
    await update(predictor, { weightsSrc: 'missing.json' });
    pending.shift()!(new Response('Not Found', { status: 404, statusText: 'Not Found' }));
    await expect.poll(() => failed.length).toBe(1);
    expect(message(predictor)).toBe(
      'Could not load the weights file missing.json: the server answered 404 Not Found. The current model is kept.',
    );
    expect(predictor.model?.slope).toBe(2.5184794389);
  });

  it('weights-src: weights given while it is still loading win, and the late answer is dropped', async () => {
    const pending: ((response: Response) => void)[] = [];
    vi.spyOn(window, 'fetch').mockImplementation(() => new Promise<Response>((resolve) => pending.push(resolve)));
    const predictor = await mount('bmi-predictor', { weightsSrc: 'slow.json' });
    await update(predictor, { weights: toWeightsFile(doubling()) });
    expect(message(predictor)).toBe('');
    const late = readTracked(serializeWeights(referenceModel()));
    pending.shift()!(late.response);
    // Wait until the late answer has been read to its end; then one task boundary lets every promise
    // callback that follows the read run, so had it been adopted it would be by now.
    await late.read;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settled(predictor);
    expect(predictor.model?.slope).toBe(2);
  });

  it('a weights file dropped onto it replaces the model, with a highlight while dragging', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel() });
    const file = new File([serializeWeights(doubling())], 'double.json', { type: 'application/json' });
    const transfer = filesTransfer(file);
    expect(drag(predictor, 'dragenter', transfer)).toBe(true);
    await settled(predictor);
    expect(part(predictor, '[part=box]').classList.contains('dragging')).toBe(true);
    expect(part(predictor, '[part=drop-hint]').hidden).toBe(false);
    expect(drag(predictor, 'dragover', transfer)).toBe(true);
    drag(predictor, 'drop', transfer);
    await expect.poll(() => predictor.model?.slope).toBe(2);
    expect(part(predictor, '[part=box]').classList.contains('dragging')).toBe(false);
  });

  it('a wrong file dropped is refused by name and the model stays', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel() });
    const failed = errors(predictor);
    const transfer = filesTransfer(new File(['Bmi,LifeExpectancy\n1,2\n'], 'data.csv', { type: 'text/csv' }));
    drag(predictor, 'dragenter', transfer);
    drag(predictor, 'drop', transfer);
    await expect.poll(() => failed.length).toBe(1);
    expect(failed[0].detail.message).toMatch(/^data\.csv: /);
    expect(predictor.model?.slope).toBe(2.5184794389);
  });

  it('no-drop: files dragged onto it are left to the page (no highlight, no drop)', async () => {
    const predictor = await mount('bmi-predictor', { model: referenceModel(), noDrop: true });
    const transfer = filesTransfer(new File([serializeWeights(doubling())], 'double.json'));
    expect(drag(predictor, 'dragenter', transfer)).toBe(false);
    expect(drag(predictor, 'dragover', transfer)).toBe(false);
    await settled(predictor);
    expect(part(predictor, '[part=box]').classList.contains('dragging')).toBe(false);
    expect(drag(predictor, 'drop', transfer)).toBe(false);
    await settled(predictor);
    expect(predictor.model?.slope).toBe(2.5184794389);
  });
});
