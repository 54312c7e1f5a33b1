/**
 * How the current model fits the data shown: its metrics on the training and validation rows. The
 * model itself is the history's (`model-history-controller.ts`); this only measures it. A model of
 * other columns than the data's still predicts, but is not drawn, measured or continued from.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Dataset } from '../../core/data/dataset.ts';
import { fitsColumns, type Model } from '../../core/model/model.ts';
import { preparedSplit, splitMetricsOfWeights, type SplitMetrics } from '../../core/data/split.ts';
import { datasetOfModel } from '../../core/model/model-data.ts';
import type { TrainingSettings } from '../../core/settings/training-settings.ts';

/** What the fit needs from the rest of the page. */
export interface ModelFitHost {
  /** The current model (the history's), or null. */
  model(): Model | null;
  data(): Dataset | null;
  /** The settings whose validation split and seed divide the data into training and validation rows. */
  training(): TrainingSettings;
}

/** No lifecycle of its own (nothing to start or end): it only asks the host to render on a change. */
export class ModelFitController {
  /** The model's fit on the data shown; null while a run goes (it would describe the old model). */
  metrics: SplitMetrics | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly page: ModelFitHost,
  ) {}

  /** The current model when it is about the data shown (the same columns), else null. */
  get fitting(): Model | null {
    const model = this.page.model();
    const data = this.page.data();
    return model && data && fitsColumns(model, data) ? model : null;
  }

  /** A run's model became current: the metrics the run measured describe it. */
  measured(metrics: SplitMetrics): void {
    this.metrics = metrics;
    this.host.requestUpdate();
  }

  /** A run started: the metrics shown would describe the model it replaces. */
  hide(): void {
    this.metrics = null;
    this.host.requestUpdate();
  }

  /**
   * Measures the current model on the training and validation rows the settings split the data into
   * (as a run would, and as the metrics panel labels them); none when it is about other columns, and
   * none while a split of many rows is being made (in slices, off this task): then it measures again.
   */
  refit(): void {
    const model = this.fitting;
    const data = this.page.data();
    const { validationSplit, seed } = this.page.training();
    const split = model && data ? preparedSplit(data, validationSplit, seed, this.splitReady) : undefined;
    if (!model || !split) this.metrics = null;
    else {
      const { train, validation } = split;
      // Of the model's features: a feature the fit left out because of singularities has no coefficient.
      const weights = { slope: model.slope, intercept: model.intercept, moreWeights: model.moreFeatures?.map((more) => more.coefficient) };
      this.metrics = splitMetricsOfWeights(weights, datasetOfModel(model, train)!, datasetOfModel(model, validation)!);
    }
    this.host.requestUpdate();
  }

  private readonly splitReady = (): void => this.refit();
}
