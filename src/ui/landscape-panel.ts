import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset } from '../core/data/dataset.ts';
import { featureNamesOf } from '../core/data/feature-columns.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from '../embed/define.ts';
import { RunPathsController } from './controllers/run-paths-controller.ts';
import './loss-landscape.ts';

/**
 * The loss landscape of the training rows with this run's path and the previous run's, under a heading
 * (with several features, a slice of it over two parameters).
 */
export class LandscapePanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0 0 0.35rem;
    }
  `;

  @property({ attribute: false }) data: Dataset | null = null;
  /** The training settings' split and seed: the landscape is that of the rows training fits. */
  @property({ type: Number }) validationSplit = 0;
  @property({ type: Number }) seed = 0;
  @property({ attribute: false }) points: readonly LossPoint[] = [];

  private readonly paths = new RunPathsController(this, () => ({
    data: this.data,
    validationSplit: this.validationSplit,
    seed: this.seed,
    points: this.points,
  }));

  /** The data's feature names, the same array while the data stays (so the landscape is not told of a change). */
  private namesOf: { data: Dataset | null; names: readonly string[] } = { data: null, names: [] };

  private get featureNames(): readonly string[] {
    if (this.namesOf.data !== this.data) this.namesOf = { data: this.data, names: this.data ? featureNamesOf(this.data) : [] };
    return this.namesOf.names;
  }

  protected override render() {
    const { data } = this;
    return html`<h3>Loss landscape</h3>
      <loss-landscape
        .moments=${this.paths.moments}
        .crossProducts=${this.paths.crossProducts}
        .featureNames=${this.featureNames}
        featureName=${data?.featureName ?? 'Bmi'}
        targetName=${data?.targetName ?? 'LifeExpectancy'}
        .points=${this.points}
        .previousPoints=${this.paths.previousPoints}
      ></loss-landscape>`;
  }
}

defineElement('landscape-panel', LandscapePanel);

declare global {
  interface HTMLElementTagNameMap {
    'landscape-panel': LandscapePanel;
  }
}
