/**
 * What the loss landscape draws besides the data: the moments of the rows training fits (the
 * training split, as a run makes it), and the previous run's loss points, kept when a new run starts
 * so two runs can be compared. Other data forgets the previous run: its path was on another landscape.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Dataset } from '../../core/data/dataset.ts';
import { datasetCrossProducts, datasetMoments } from '../../core/data/dataset-facts.ts';
import type { CrossProducts } from '../../core/stats/cross-products.ts';
import type { Moments } from '../../core/stats/moments.ts';
import { preparedSplit } from '../../core/data/split.ts';
import type { LossPoint } from '../../core/train/trainer.ts';

export interface RunPathsSource {
  data: Dataset | null;
  validationSplit: number;
  seed: number;
  /** This run's loss points (replaced, never mutated, as the run goes). */
  points: readonly LossPoint[];
}

export class RunPathsController implements ReactiveController {
  /** The previous run's points, or none. */
  previousPoints: readonly LossPoint[] = [];
  private lastPoints: readonly LossPoint[] = [];
  private seenData: Dataset | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => RunPathsSource,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { data, points } = this.source();
    if (data !== this.seenData) {
      this.seenData = data;
      this.previousPoints = [];
      this.lastPoints = points;
      return;
    }
    if (points === this.lastPoints) return;
    // A new run (or a cleared chart): the run shown until now becomes the previous one.
    const newRun = points.length === 0 || points[0] !== this.lastPoints[0];
    if (newRun && this.lastPoints.length > 1) this.previousPoints = this.lastPoints;
    this.lastPoints = points;
  }

  /** The moments of the training rows (remembered per data set and split, see dataset-facts.ts). */
  get moments(): Moments | null {
    const train = this.trainingRows;
    return train ? datasetMoments(train) : null;
  }

  /** With several features, the cross-products of the training rows (a slice of the landscape); null with one. */
  get crossProducts(): CrossProducts | null {
    const train = this.trainingRows;
    return train?.moreFeatures ? datasetCrossProducts(train) : null;
  }

  /** None while a split of many rows is being made (in slices, off this task): the host renders again once it is. */
  private get trainingRows(): Dataset | null {
    const { data, validationSplit, seed } = this.source();
    const train = data ? preparedSplit(data, validationSplit, seed, this.splitReady)?.train : undefined;
    return train && train.x.length > 0 ? train : null;
  }

  private readonly splitReady = (): void => this.host.requestUpdate();
}
