/**
 * The fit summary of the line the page shows, on the rows it is (being) trained on: the current
 * model's, or during a run the line as it stands, marked provisional. The summary's code (with the
 * t and F distributions) loads after the first paint, as TF.js does, so it never delays the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Dataset } from '../../core/data/dataset.ts';
import type { FitSummaryResult } from '../../core/stats/fit-summary.ts';
import type { IntervalBasis, IntervalStatistics } from '../../core/stats/intervals.ts';
import type { Model } from '../../core/model/model.ts';
import { weightsAsHyperplane, type Hyperplane, type Line, type Weights } from '../../core/model/predict.ts';
import { preparedSplit, splitMetrics, splitMetricsOfWeights, type Split, type SplitMetrics } from '../../core/data/split.ts';
import type { TrainingSettings } from '../../core/settings/training-settings.ts';
import { datasetCrossProducts, datasetMoments } from '../../core/data/dataset-facts.ts';
import { datasetWithFeatures, featureNamesOf } from '../../core/data/dataset.ts';
import { fitOfMoments } from '../../core/stats/moments.ts';
import { hyperplaneOf } from '../../core/model/model-features.ts';
import { datasetOfModel } from '../../core/model/model-data.ts';
import type { RegressionSummary } from '../../core/stats/regression-summary.ts';
import { leastSquaresFit } from '../../core/stats/least-squares-fit.ts';
import type { Result } from '../../core/result.ts';

type FitSummaryModule = typeof import('../../core/stats/fit-summary.ts') & typeof import('../../core/stats/regression-summary.ts');

/** What the summary needs from the rest of the page. */
export interface FitSummaryHost {
  /** The line shown: a run's live weights, else the current model (null when none fits the data). */
  line(): Weights | Model | null;
  data(): Dataset | null;
  /** Whose validation split and seed give the training rows. */
  training(): TrainingSettings;
  /** A run is going or paused: its line is not final. */
  provisional(): boolean;
  /** A run is going (not paused): its line changes every frame. */
  running(): boolean;
}

export type FitSummaryView =
  | { readonly state: 'none' }
  | {
      readonly state: 'ready';
      readonly result: FitSummaryResult;
      readonly line: Line;
      readonly provisional: boolean;
      /** The exact least-squares line of the same rows (what R's lm gives), to compare the line with. */
      readonly exact?: Line;
      /** MSE, RMSE and R² of the same line on the training and validation rows, taken with the summary. */
      readonly metrics?: SplitMetrics;
    }
  | {
      /** Several features: R's summary of the exact least-squares fit, with the coefficients shown beside it. */
      readonly state: 'several';
      /** `summary(lm(...))` of the exact fit on the training rows, every feature chosen named (an aliased one as such). */
      readonly result: Result<{ summary: RegressionSummary }>;
      /** The weights shown (a run's or the model's). */
      readonly line: Weights | Model;
      /** The coefficients shown, one per term of the summary (the intercept first); null for an aliased feature. */
      readonly shown: readonly (number | null)[];
      readonly provisional: boolean;
      /** MSE, RMSE and R² of the weights shown on the training and validation rows, taken with the summary. */
      readonly metrics: SplitMetrics;
    };

/**
 * While a run goes (not paused) the summary is refreshed at most this often: a table and bands that change every
 * frame cannot be read anyway, and each refresh is a pass over the rows and a redraw.
 */
const PROVISIONAL_INTERVAL_MS = 250;
const NOT_YET: IntervalStatistics = Object.freeze({ unavailable: "the paused run's line has no interval statistics yet" });

export class FitSummaryController implements ReactiveController {
  view: FitSummaryView = { state: 'none' };

  private module: FitSummaryModule | undefined;
  private computedAt = 0;
  private summarisedRows: Dataset | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly page: FitSummaryHost,
  ) {
    host.addController(this);
  }

  private loading = false;

  /**
   * The statistics (with jStat's distributions) load when there is first a line to summarise, not
   * with the page: before a model or a run there is nothing to show, and the page's first seconds on
   * a phone are better spent on what is.
   */
  private load(): void {
    if (this.loading) return;
    this.loading = true;
    void Promise.all([import('../../core/stats/fit-summary.ts'), import('../../core/stats/regression-summary.ts')]).then(
      ([one, several]) => {
        this.module = { ...one, ...several };
        this.host.requestUpdate();
      },
    );
  }

  /** Before each render: the summary follows the line and the rows shown. */
  hostUpdate(): void {
    const line = this.page.line();
    const data = this.page.data();
    if (line && data && !this.module) this.load();
    if (!this.module || !line || !data) {
      this.view = { state: 'none' };
      return;
    }
    const split = this.split(data);
    // A split of many rows being made (in slices): none till it is, when the host renders again.
    if (!split) {
      this.view = { state: 'none' };
      return;
    }
    const provisional = this.page.provisional();
    const { train, validation } = split;
    const current = this.view;
    if (current.state === 'ready' && current.line === line && current.provisional === provisional && this.summarisedRows === train) return;
    // During a run: keep the last summary (still marked provisional) between refreshes.
    if (
      this.page.running() &&
      current.state === 'ready' &&
      current.provisional &&
      performance.now() - this.computedAt < PROVISIONAL_INTERVAL_MS
    )
      return;
    this.computedAt = performance.now();
    this.summarisedRows = train;
    if (data.moreFeatures !== undefined) {
      this.view = this.severalFeatures(this.module, line, train, validation, provisional);
      return;
    }
    const moments = datasetMoments(train);
    this.view = {
      state: 'ready',
      result: this.module.fitSummary(line, moments),
      line,
      provisional,
      exact: fitOfMoments(moments),
      metrics: splitMetrics(line, train, validation),
    };
  }

  /**
   * R's summary of the exact fit of several features on the training rows (what `summary(lm())`
   * prints, to its digits), the coefficients shown beside it, and their metrics. A feature the fit
   * leaves out because of singularities is named, with no coefficient.
   */
  private severalFeatures(
    module: FitSummaryModule,
    line: Weights | Model,
    train: Dataset,
    validation: Dataset,
    provisional: boolean,
  ): FitSummaryView {
    const fit = leastSquaresFit(datasetCrossProducts(train));
    const plane: Hyperplane = 'feature' in line ? hyperplaneOf(line) : weightsAsHyperplane(line);
    // The weights shown are of the fitted features: a model that reads other columns has no summary here.
    if (plane.coefficients.length !== fit.fitted.length) return { state: 'none' };
    const names = featureNamesOf(train);
    const result = module.regressionSummary(fit, fit.moments, { names, fitted: fit.fitted });
    const shown = [plane.intercept, ...names.map((_, j) => (fit.fitted.includes(j) ? plane.coefficients[fit.fitted.indexOf(j)] : null))];
    const weights = { slope: plane.coefficients[0], intercept: plane.intercept, moreWeights: plane.coefficients.slice(1) };
    const metrics = splitMetricsOfWeights(weights, datasetWithFeatures(train, fit.fitted), datasetWithFeatures(validation, fit.fitted));
    return { state: 'several', result, line, shown, provisional, metrics };
  }

  /**
   * The data with the features a fit keeps: without those that are constant or a linear combination
   * of the others on the training rows (R's lm leaves them out, and so does training, whose weights
   * skip them). The same object while the data and split stay.
   */
  fittedData(data: Dataset | null): Dataset | null {
    if (data?.moreFeatures === undefined) return data;
    const train = this.split(data)?.train;
    // While a split of many rows is being made: the features kept before, or all of them.
    if (!train) return this.fitted?.data === data ? this.fitted.result : data;
    if (this.fitted?.data !== data || this.fitted.train !== train) {
      const { aliased, fitted } = leastSquaresFit(datasetCrossProducts(train));
      this.fitted = { data, train, result: aliased.length === 0 || fitted.length === 0 ? data : datasetWithFeatures(data, fitted) };
    }
    return this.fitted.result;
  }

  private fitted: { data: Dataset; train: Dataset; result: Dataset } | undefined;

  /** The line and what its 95% bands need, when the summary has them. */
  get bands(): { line: Line; basis: IntervalBasis } | null {
    const { view } = this;
    if (view.state !== 'ready' || !view.result.ok) return null;
    // The same object while the summary stands, so the plot redraws only when the bands change.
    if (this.shownBands?.line !== view.line || this.shownBands.basis !== view.result.summary.basis) {
      this.shownBands = { line: view.line, basis: view.result.summary.basis };
    }
    return this.shownBands;
  }

  private shownBands: { line: Line; basis: IntervalBasis } | undefined;

  /**
   * A model made from the summarised line (a paused run's) with the summary's interval statistics, so
   * its predictions show the provisional interval. The same object while nothing changes.
   */
  withIntervals(model: Model): Model {
    if (model.moreFeatures !== undefined) return this.withJointIntervals(model);
    const bands = this.bands;
    const matches = bands !== null && bands.line.slope === model.slope && bands.line.intercept === model.intercept;
    const intervals: IntervalStatistics = matches ? bands.basis : NOT_YET;
    const cached = this.withStatistics;
    if (cached?.model !== model || cached.intervals !== intervals) {
      this.withStatistics = { model, intervals, result: { ...model, intervals } };
    }
    return this.withStatistics!.result;
  }

  private withStatistics: { model: Model; intervals: IntervalStatistics; result: Model } | undefined;

  /** A paused run's model of several features with the intervals of its own weights on the training rows. */
  private withJointIntervals(model: Model): Model {
    const data = this.page.data();
    const train = data ? this.split(data)?.train : undefined;
    const cached = this.withJoint;
    if (cached?.model === model && cached.train === train && cached.ready === (this.module !== undefined)) return cached.result;
    const rows = train && datasetOfModel(model, train);
    const intervals: IntervalStatistics =
      rows && this.module ? this.module.jointIntervalStatistics(hyperplaneOf(model), datasetCrossProducts(rows)) : NOT_YET;
    this.withJoint = { model, train, ready: this.module !== undefined, result: { ...model, intervals } };
    return this.withJoint.result;
  }

  private withJoint: { model: Model; train: Dataset | undefined; ready: boolean; result: Model } | undefined;

  /** The split the settings make, or undefined while it is being made (the host renders again once it is). */
  private split(data: Dataset): Split | undefined {
    const { validationSplit, seed } = this.page.training();
    // The same split of the same data is the same object (it is remembered).
    return preparedSplit(data, validationSplit, seed, this.splitReady);
  }

  private readonly splitReady = (): void => this.host.requestUpdate();
}
