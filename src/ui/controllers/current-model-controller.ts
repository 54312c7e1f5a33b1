/**
 * The current model (trained here, loaded or restored) and how it fits the data shown. A model of
 * other columns than the data's still predicts, but is not drawn, measured or continued from.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Dataset } from '../../core/data/dataset.ts';
import { fitsColumns, type Model } from '../../core/model/model.ts';
import { splitDataset, splitMetrics, type SplitMetrics } from '../../core/data/split.ts';
import type { TrainingSettings } from '../../core/settings/training-settings.ts';

/** What the model needs from the rest of the page. */
export interface CurrentModelHost {
  data(): Dataset | null;
  /** The settings whose validation split and seed divide the data into training and validation rows. */
  training(): TrainingSettings;
}

/** No lifecycle of its own (nothing to start or end): it only asks the host to render on a change. */
export class CurrentModelController {
  model: Model | null = null;
  /** The model's fit on the data shown; null while a run goes (it would describe the old model). */
  metrics: SplitMetrics | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly page: CurrentModelHost,
  ) {}

  /** The current model when it is about the data shown (the same columns), else null. */
  get fitting(): Model | null {
    const { model } = this;
    const data = this.page.data();
    return model && data && fitsColumns(model, data) ? model : null;
  }

  /** A loaded, restored or reset-to model: its fit is measured on the data shown. */
  use(model: Model | null): void {
    this.model = model;
    this.refit();
  }

  /** A run's model, with the metrics the run measured. */
  trained(model: Model, metrics: SplitMetrics): void {
    this.model = model;
    this.metrics = metrics;
    this.host.requestUpdate();
  }

  /** A run started: the metrics shown would describe the model it replaces. */
  hideMetrics(): void {
    this.metrics = null;
    this.host.requestUpdate();
  }

  /**
   * Measures the model on the training and validation rows the settings split the data into (as a run
   * would, and as the metrics panel labels them); none when it is about other columns.
   */
  refit(): void {
    const model = this.fitting;
    const data = this.page.data();
    if (!model || !data) this.metrics = null;
    else {
      const { validationSplit, seed } = this.page.training();
      const { train, validation } = splitDataset(data, validationSplit, seed);
      this.metrics = splitMetrics(model, train, validation);
    }
    this.host.requestUpdate();
  }
}
