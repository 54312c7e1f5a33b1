/**
 * `<bmi-predictor>`: a prediction form for a trained model. Plain arithmetic on the model's raw-unit
 * line, so it carries no TensorFlow.js: built alone (`dist/bmi-predictor.js`) it can be put on any page
 * with one script tag, and the app uses the same element for its own form.
 */
import { LitElement, html } from 'lit';
import { columnLabel } from '../core/data/columns.ts';
import {
  formatInterval,
  intervalNote,
  intervalsAt,
  isJointIntervalBasis,
  jointIntervalsAt,
  leverageOutside,
  type Interval,
  type JointIntervalBasis,
} from '../core/stats/intervals.ts';
import { hyperplaneOf, modelFeatures } from '../core/model/model-features.ts';
import type { Model } from '../core/model/model.ts';
import { extrapolationNote } from '../core/model/extrapolation.ts';
import { acceptedRange, checkInput, predictFinite, predictHyperplane, type PredictionOutcome } from '../core/model/predict.ts';
import { errorMessage } from '../core/text.ts';
import type { WeightsFile, WeightsReadResult } from '../core/model/weights-file.ts';
import { defineElement } from './define.ts';
import { bmiPredictorStyles } from './bmi-predictor-styles.ts';
import { FileDropController } from './file-drop-controller.ts';
import { fetchWeights, readWeightsFile, weightsFromValue } from './load-weights.ts';

export interface PredictionDetail {
  /** The feature value predicted for (e.g. the BMI); with several features, the first one's. */
  input: number;
  /** Every feature value predicted for, by feature name (`{"Bmi": 28.45}`). */
  inputs: Record<string, number>;
  /** The predicted target (e.g. life expectancy in years), unrounded. */
  prediction: number;
  /**
   * Where 95% of new observations at this input fall, and where the mean lies, when the weights file
   * carries interval statistics (version 2), whether or not `no-interval` hides them.
   */
  predictionInterval?: Interval;
  confidenceInterval?: Interval;
  /**
   * True when the input lies outside the range of the data the model was trained on: the line is
   * carried past what the data showed, and the element says so beside the result.
   */
  extrapolation: boolean;
}

export interface PredictorErrorDetail {
  /** What went wrong, as shown in the element. */
  message: string;
}

/** `toFixed` throws outside 0–100; a result needs no more than this. */
const MAX_DECIMALS = 10;

/**
 * A prediction form for a trained line: a labelled field, a Predict button (Enter works too) and an
 * `<output>` that announces the result. Give it a model in one of three ways; the newest one is used
 * (it cancels a `weights-src` still loading), and one that is refused leaves the current model in
 * place (the element says why):
 * `weights-src` (the URL of a weights file, fetched), `weights` (a weights-file object as a property,
 * or its JSON text as the attribute), or a weights file dropped onto it (unless `no-drop` is set). The
 * app sets `model`, an already-validated `Model`, directly, and sets `no-drop`: its page-wide drop
 * zone handles every dropped file, so a file is never handled twice.
 *
 * @tagname bmi-predictor
 * @summary Predicts life expectancy (or any target) from BMI (or any feature) with a trained line.
 *
 * @fires {CustomEvent<PredictionDetail>} bmi-prediction - A prediction was made; `detail: { input, inputs, prediction, predictionInterval?, confidenceInterval?, extrapolation }` (`inputs` by feature name).
 * @fires {CustomEvent<PredictorErrorDetail>} bmi-predictor-error - An input or a weights file was refused, or there is no model; `detail: { message }`.
 *
 * @csspart box - The frame around everything; outlined while a file is dragged over it.
 * @csspart form - The form around the field and button.
 * @csspart label - The field's label (each field's, for a model of several features).
 * @csspart input - The text field (each feature's, for a model of several features).
 * @csspart button - The Predict button.
 * @csspart message - The error or status message under the field.
 * @csspart result - The line that holds the output.
 * @csspart output - The `<output>` that shows and announces the prediction.
 * @csspart interval - The 95% prediction interval after the output (announced too).
 * @csspart range - Under each field of a model of several features: the feature's range in the training data.
 * @csspart extrapolation - "BMI 40 is outside the data (19.9 to 31.0): an extrapolation", shown (and announced) for an input outside the training data's range, or for values of several features that together lie outside the data's joint range (their leverage above the training rows' largest).
 * @csspart interval-note - Why a model's predictions come without an interval (a version 1 file).
 * @csspart drop-hint - The "drop a weights file" overlay shown while dragging.
 *
 * @cssprop --bmi-predictor-accent - Button, focus and drop-highlight colour (default #2457c5, dark #7aa2ff).
 * @cssprop --bmi-predictor-accent-text - Text colour on the button (default white, dark #0b1020).
 * @cssprop --bmi-predictor-text - Text colour (default: the page's).
 * @cssprop --bmi-predictor-muted - Status message colour (default: the text colour, faded).
 * @cssprop --bmi-predictor-error - Error message colour (default #b3261e, dark #ff8a80).
 * @cssprop --bmi-predictor-warning - Colour of the extrapolation mark (default #8a4b00, dark #ffb74d).
 * @cssprop --bmi-predictor-surface - Background of the element (default transparent).
 * @cssprop --bmi-predictor-bg - Field background (default transparent).
 * @cssprop --bmi-predictor-border - Field border colour (default: the text colour at 60%, at least 3:1 on the page).
 * @cssprop --bmi-predictor-radius - Corner radius of field and button (default 6px).
 * @cssprop --bmi-predictor-font - Font family (default: the page's).
 */
export class BmiPredictor extends LitElement {
  static override styles = bmiPredictorStyles;

  // Declared here rather than with decorators: the decorator helpers cost 0.4 KB of the element's 15 KB gzipped
  // (a getter, which lit-analyzer reads for the attributes of the app's templates).
  static override get properties() {
    return {
      model: { attribute: false },
      weightsSrc: { attribute: 'weights-src' },
      weights: {},
      value: {},
      values: {},
      label: {},
      decimals: { type: Number },
      noDrop: { type: Boolean, attribute: 'no-drop' },
      noInterval: { type: Boolean, attribute: 'no-interval' },
      population: {},
      prediction: { attribute: false },
      predictionInterval: { attribute: false },
      extrapolation: { attribute: false },
      message: { attribute: false },
      loading: { attribute: false },
    };
  }

  /** The validated model predicted with; `null` shows the "no model loaded" state. The other sources end up here. */
  model: Model | null = null;

  /** URL of a weights file to fetch (relative to the page). Errors (404, not JSON, wrong format) are shown. */
  weightsSrc: string | undefined;

  /** A weights file as an object, or as JSON text in the `weights` attribute. Validated before use. */
  weights: WeightsFile | string | null | undefined;

  /** A feature value (e.g. a BMI) to predict at once: it fills the field and is predicted as soon as a model is ready. For one-feature models. */
  value: string | undefined;

  /**
   * For a model of several features: a value per feature to predict at once, by feature name (case
   * ignored), as an object or, in the attribute, its JSON text: `values='{"wt": 3, "hp": 120}'`.
   */
  values: Record<string, number | string> | string | undefined;

  /** The field's label; defaults to the model's feature name ("BMI" for the bundled data). */
  label: string | undefined;

  /** Decimal places shown in the result (0–10). */
  decimals = 1;

  /**
   * Ignores files dragged onto the element (no highlight, no drop handling), for pages that handle
   * dropped files themselves, as the app does with its page-wide drop zone.
   */
  noDrop = false;

  /** Hides the 95% prediction interval (and the note when a model has none); the prediction alone is shown. */
  noInterval = false;

  /** What the rows of the training data are, for the interval's sentence: "95% of countries with this BMI". */
  population = 'cases';

  private prediction: number | undefined;
  private predictionInterval: Interval | undefined;
  /** "BMI 40 is outside the data (19.9 to 31.0): an extrapolation", for the shown prediction. */
  private extrapolation: string | undefined;
  private message = '';
  private loading = false;

  private fetching: AbortController | undefined;
  private readonly drop = new FileDropController(this, {
    target: this,
    enabled: () => !this.noDrop,
    onDrop: (files) => void this.onDrop(files[0]),
  });

  private get fieldLabel(): string {
    return this.label ?? (this.model ? columnLabel(this.model.feature.name) : 'BMI');
  }

  /** The feature's own name ("BMI"), for sentences about the data: the field's label may be "Your BMI". */
  private get featureLabel(): string {
    return this.model ? columnLabel(this.model.feature.name) : 'BMI';
  }

  private get targetLabel(): string {
    return this.model ? columnLabel(this.model.target.name).toLowerCase() : 'life expectancy';
  }

  private get shownDecimals(): number {
    return Number.isFinite(this.decimals) ? Math.min(Math.max(Math.round(this.decimals), 0), MAX_DECIMALS) : 1;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Set from outside (the app) or by a finished fetch or drop: an old answer is wrong for a new model.
    const replaced = this.model !== this.shownModel;
    if (replaced) this.clearResult();
    // The newest source wins: a weights-src still loading must not overwrite weights given since.
    if ((changed.has('model') || changed.has('weights')) && !changed.has('weightsSrc')) this.cancelFetch();
    const adopted = changed.has('weights') && this.weights != null && this.adopt(weightsFromValue(this.weights));
    this.shownModel = this.model;
    if (changed.has('weightsSrc')) this.startFetch();
    if ((replaced || adopted || changed.has('value')) && this.model && this.value != null && this.value !== '') {
      // A script may assign a number to the property despite its type: read it as text either way.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
      this.predictText(String(this.value));
    }
    if ((replaced || adopted || changed.has('values')) && this.model?.moreFeatures && this.values != null && this.values !== '') {
      const texts = this.givenTexts();
      if (texts) this.predictTexts(texts);
    }
  }

  /** `values` as one text per feature of the model, in its order ("" where none is given), or undefined when it is not an object. */
  private valueTexts(): string[] | undefined {
    let given: unknown = this.values;
    try {
      if (typeof given === 'string') given = JSON.parse(given);
    } catch {
      return undefined;
    }
    if (typeof given !== 'object' || given === null || !this.model) return undefined;
    const entries = Object.entries(given as Record<string, unknown>);
    return modelFeatures(this.model).map(({ feature }) => {
      const found = entries.find(([key]) => key.toLowerCase() === feature.name.toLowerCase());
      return found === undefined ? '' : String(found[1]);
    });
  }

  /** `valueTexts`, or a message saying what `values` must be. */
  private givenTexts(): string[] | undefined {
    const texts = this.valueTexts();
    if (!texts) this.fail('"values" must be a JSON object with a value per feature, e.g. {"wt": 3, "hp": 120}.');
    return texts;
  }

  /** The model the shown result belongs to. */
  private shownModel: Model | null = null;

  private clearResult(): void {
    this.prediction = undefined;
    this.predictionInterval = undefined;
    this.extrapolation = undefined;
    this.message = '';
  }

  /** Uses a validated weights file, or says why it was refused and keeps the current model. */
  private adopt(result: WeightsReadResult): boolean {
    if (!result.ok) {
      this.fail(this.model ? `${result.error} The current model is kept.` : result.error);
      return false;
    }
    this.model = result.model;
    this.clearResult();
    return true;
  }

  private cancelFetch(): void {
    this.fetching?.abort();
    this.fetching = undefined;
    this.loading = false;
  }

  private startFetch(): void {
    this.cancelFetch();
    const url = this.weightsSrc;
    if (!url) return;
    const controller = new AbortController();
    this.fetching = controller;
    this.loading = true;
    fetchWeights(url, controller.signal).then(
      (result) => {
        if (controller !== this.fetching) return;
        this.fetching = undefined;
        this.loading = false;
        this.adopt(result);
      },
      (error: unknown) => {
        // Aborted for a newer source: that one reports.
        if (controller !== this.fetching) return;
        this.cancelFetch();
        this.fail(`Could not load the weights file ${url} (${errorMessage(error)}).`);
      },
    );
  }

  private async onDrop(file: File): Promise<void> {
    // A dropped file is the newest source: a weights-src still loading must not overwrite it.
    this.cancelFetch();
    this.adopt(await readWeightsFile(file));
  }

  /** Predicts from the text in the field (every field, with several features), as the Predict button does. */
  predictFromField(): void {
    const inputs = [...this.renderRoot.querySelectorAll('input')].map((input) => input.value);
    if (this.model?.moreFeatures) this.predictTexts(inputs);
    else if (inputs.length > 0) this.predictText(inputs[0]);
  }

  /** Predicts for a model of several features from one text per feature, in its order. */
  private predictTexts(texts: readonly string[]): void {
    const model = this.model!;
    const features = modelFeatures(model);
    const values: number[] = [];
    for (const [j, { feature }] of features.entries()) {
      const check = checkInput(texts[j] ?? '', columnLabel(feature.name), acceptedRange(feature));
      if (!check.ok) {
        this.fail(check.error);
        return;
      }
      values.push(check.value);
    }
    const plane = hyperplaneOf(model);
    const value = predictHyperplane(plane, values);
    const predicted: PredictionOutcome = Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, error: 'The model gives no finite prediction for these values.' };
    const intervals = isJointIntervalBasis(model.intervals) ? jointIntervalsAt(plane, model.intervals, values) : undefined;
    const notes = features.flatMap(
      ({ feature }, j) => extrapolationNote(columnLabel(feature.name), values[j], feature, texts[j].trim()) ?? [],
    );
    // Each value inside its own range can still make a point unlike any row: its leverage says so.
    const leverage = isJointIntervalBasis(model.intervals) ? leverageOutside(model.intervals, values) : undefined;
    if (leverage !== undefined) {
      notes.push(
        `These values together are outside the data's joint range (leverage ${leverage.toFixed(3)}, above the training rows' largest, ${(model.intervals as JointIntervalBasis).maxLeverage!.toFixed(3)}): an extrapolation`,
      );
    }
    const inputs = Object.fromEntries(features.map(({ feature }, j) => [feature.name, values[j]]));
    this.show(predicted, values[0], inputs, intervals, notes.length > 0 ? notes.join('; ') : undefined);
  }

  private predictText(text: string): void {
    const model = this.model;
    if (!model) {
      this.fail(
        this.noDrop ? 'No model loaded: train one, or load a weights file.' : 'No model loaded: train one, or drop a weights file here.',
      );
      return;
    }
    const check = checkInput(text, this.fieldLabel, acceptedRange(model.feature));
    if (!check.ok) {
      this.fail(check.error);
      return;
    }
    const predicted = predictFinite(model, check.value, this.fieldLabel);
    const note = extrapolationNote(this.featureLabel, check.value, model.feature, text.trim());
    this.show(predicted, check.value, { [model.feature.name]: check.value }, intervalsAt(model, check.value), note);
  }

  /** Shows a prediction (or why there is none) and announces it with its inputs. */
  private show(
    predicted: PredictionOutcome,
    input: number,
    inputs: Record<string, number>,
    intervals: Pick<PredictionDetail, 'predictionInterval' | 'confidenceInterval'> | undefined,
    extrapolation: string | undefined,
  ): void {
    if (!predicted.ok) {
      this.fail(predicted.error);
      return;
    }
    this.prediction = predicted.value;
    this.predictionInterval = intervals?.predictionInterval;
    this.extrapolation = extrapolation;
    this.message = '';
    this.dispatchEvent(
      new CustomEvent<PredictionDetail>('bmi-prediction', {
        detail: { input, inputs, prediction: this.prediction, ...intervals, extrapolation: this.extrapolation !== undefined },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private fail(message: string): void {
    this.prediction = undefined;
    this.predictionInterval = undefined;
    this.extrapolation = undefined;
    this.message = message;
    this.dispatchEvent(
      new CustomEvent<PredictorErrorDetail>('bmi-predictor-error', { detail: { message }, bubbles: true, composed: true }),
    );
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.predictFromField();
  }

  private status(): string {
    if (this.message) return this.message;
    if (this.loading) return 'Loading weights…';
    return this.model ? '' : 'No model loaded yet.';
  }

  /** "; 95% of countries with this BMI: 65.7 to 92.0", or nothing. */
  private intervalText(): string {
    const interval = this.predictionInterval;
    if (!interval || this.noInterval) return '';
    const these = this.model?.moreFeatures ? 'these values' : `this ${this.featureLabel}`;
    return `; ${Math.round(interval.level * 100)}% of ${this.population} with ${these}: ${formatInterval(interval, this.shownDecimals)}`;
  }

  /** One labelled field per feature of a model of several, each with its training range under it (the button beside the last). */
  private severalFields(isError: boolean, button: unknown) {
    const texts = this.valueTexts() ?? [];
    const features = modelFeatures(this.model!);
    return features.map(
      ({ feature }, j) => html`<label part="label" for="feature-${j}">${columnLabel(feature.name)}</label>
        <input
          part="input"
          id="feature-${j}"
          name=${feature.name}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${texts[j] ?? ''}
          placeholder="${feature.min} to ${feature.max}"
          aria-invalid=${isError ? 'true' : 'false'}
          aria-describedby="range-${j} message"
        />${j === features.length - 1 ? button : ''}<span part="range" class="range" id="range-${j}"
          >Training data: ${feature.min} to ${feature.max}</span
        >`,
    );
  }

  protected override render() {
    const model = this.model;
    const unit = model?.target.unit;
    const isError = this.message !== '';
    const note = model && !this.noInterval ? intervalNote(model) : undefined;
    const button = html`<button part="button" type="submit">Predict</button>`;
    return html`
      <div part="box" class="box ${this.drop.dragging ? 'dragging' : ''}">
        <form part="form" @submit=${this.onSubmit} novalidate>
          ${
            model?.moreFeatures
              ? this.severalFields(isError, button)
              : html`<label part="label" for="feature">${this.fieldLabel}</label>
                <input
                  part="input"
                  id="feature"
                  name="feature"
                  type="text"
                  inputmode="decimal"
                  autocomplete="off"
                  .value=${this.value ?? ''}
                  placeholder=${model ? `e.g. ${((model.feature.min + model.feature.max) / 2).toFixed(1)}` : ''}
                  aria-invalid=${isError ? 'true' : 'false'}
                  aria-describedby="message"
                />${button}`
          }
          <p part="message" id="message" class="message ${isError ? 'error' : ''}" aria-live="polite">${this.status()}</p>
        </form>
        <div part="result" class="result ${this.extrapolation === undefined ? '' : 'extrapolated'}">
          Predicted ${this.targetLabel}:
          <output part="output" for="feature" aria-live="polite"
            >${this.prediction === undefined ? '—' : `${this.prediction.toFixed(this.shownDecimals)}${unit ? ` ${unit}` : ''}`}</output
          ><span part="interval" class="interval" aria-live="polite">${this.prediction === undefined ? '' : this.intervalText()}</span>
        </div>
        <p part="extrapolation" class="extrapolation" aria-live="polite" ?hidden=${this.extrapolation === undefined}>
          <span class="flag" aria-hidden="true">⚠</span> ${this.extrapolation === undefined ? '' : `${this.extrapolation}.`}
        </p>
        ${note ? html`<p part="interval-note" class="note">${note}</p>` : ''}
        <p part="drop-hint" class="drop-hint" ?hidden=${!this.drop.dragging}>Drop a weights file to use it</p>
      </div>
    `;
  }
}

defineElement('bmi-predictor', BmiPredictor);

declare global {
  interface HTMLElementTagNameMap {
    'bmi-predictor': BmiPredictor;
  }
  interface BmiPredictorEventMap {
    'bmi-prediction': CustomEvent<PredictionDetail>;
    'bmi-predictor-error': CustomEvent<PredictorErrorDetail>;
  }
  // Both maps: the events bubble and are composed, so `document.addEventListener` and
  // `window.addEventListener` (GlobalEventHandlersEventMap) see them typed too.
  // Declaration merging: the element's events join the DOM's maps (an interface must extend to merge).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends BmiPredictorEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends BmiPredictorEventMap {}
}
