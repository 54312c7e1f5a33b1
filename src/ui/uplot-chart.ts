/**
 * The shared base of the app's charts: owns a uPlot instance in the shadow root, sizes it to the
 * element's width, and redraws on data or colour-scheme changes. Subclasses say what to plot.
 *
 * uPlot is not part of the page's first paint: it loads when the first chart asks for it, and each
 * chart is then built in a task of its own (building one takes tens of milliseconds on a phone; all
 * of them in one task would hold up the page), once it is near the window (see `whenNearView`). The
 * chart's box keeps its size meanwhile, so nothing moves when the plot arrives.
 */
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import type uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { yieldThroughMessage } from '../core/train/yield.ts';
import { whenNearView } from './near-view.ts';

type UplotConstructor = typeof uPlot;

let uplotLoaded: Promise<UplotConstructor> | undefined;
/** uPlot, loaded once for every chart of the page. */
function loadUplot(): Promise<UplotConstructor> {
  return (uplotLoaded ??= import('uplot').then((module) => module.default));
}

/** The height of every chart's plot area (axes included), CSS px. */
const PLOT_HEIGHT = 240;

/** Chart builds, one after another, each in a task of its own. */
let builds: Promise<void> = Promise.resolve();

/** Reads a `--bp-…` colour from the element's computed style. */
export type ColorOf = (name: string) => string;

export abstract class UplotChart extends LitElement {
  static override styles = [
    unsafeCSS(uPlotCss),
    css`
      :host {
        display: block;
        color: var(--bp-text);
        --plot-height: ${unsafeCSS(`${PLOT_HEIGHT}px`)};
        --legend-row: 1.75rem;
      }
      /* The plot's room, kept while uPlot loads: the plot area and one row of legend. */
      .chart {
        width: 100%;
        min-height: calc(var(--plot-height) + var(--legend-row));
      }
      .u-legend {
        min-height: var(--legend-row);
      }
      .u-legend {
        font-size: 0.8rem;
        color: var(--bp-muted);
      }
      .u-legend .u-marker {
        border-radius: 50%;
      }
      /* An entry never breaks between its marker and its label (a marker alone on a line); whole entries
         wrap, and a label longer than the chart is wide wraps beside its marker. */
      .u-legend .u-series th {
        display: inline-flex;
        align-items: center;
        max-width: 100%;
        text-align: left;
      }
      .u-legend .u-series th > .u-marker {
        flex: none;
      }
      /* Never wider than a phone's window leaves for it (the chart's own width is set by its content). */
      .u-legend .u-series .u-label {
        white-space: normal;
        max-width: calc(100vw - 6rem);
      }
      .u-legend.u-inline .u-series {
        margin: 0 0.35rem;
      }
    `,
  ];

  protected plot: uPlot | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private readonly schemeQuery = matchMedia('(prefers-color-scheme: dark)');
  private readonly rebuild = (): void => this.createPlot();

  /** The uPlot options for a given width, with colours read from the theme. */
  protected abstract options(width: number, color: ColorOf): uPlot.Options;
  /** The data to plot now. */
  protected abstract chartData(): uPlot.AlignedData;
  /** A text alternative for screen readers. */
  protected abstract description(): string;

  protected readonly chartHeight = PLOT_HEIGHT;

  override connectedCallback(): void {
    super.connectedCallback();
    this.schemeQuery.addEventListener('change', this.rebuild);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.schemeQuery.removeEventListener('change', this.rebuild);
    this.resizeObserver?.disconnect();
    this.stopWatching?.();
    this.plot?.destroy();
    this.plot = undefined;
  }

  protected override firstUpdated(): void {
    // A chart below the fold (the loss chart on a phone) is built when it comes near the window.
    this.stopWatching = whenNearView(this, () => {
      this.nearView = true;
      if (!this.plot) this.createPlot();
    });
    this.resizeObserver = new ResizeObserver(() => {
      const width = this.container.clientWidth;
      if (!this.plot) this.createPlot();
      else if (width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.chartHeight });
    });
    this.resizeObserver.observe(this);
  }

  private rebuildPending = false;

  /** Options changed (e.g. axis labels): build the plot anew on the next update. */
  protected rebuildOnNextUpdate(): void {
    this.rebuildPending = true;
  }

  protected override updated(_changed: PropertyValues): void {
    if (this.rebuildPending) {
      this.rebuildPending = false;
      this.createPlot();
    } else {
      this.plot?.setData(this.chartData());
    }
  }

  private get container(): HTMLElement {
    return this.renderRoot.querySelector('.chart')!;
  }

  /** The build asked for and not yet done, if any. */
  private building: Promise<void> | undefined;
  private nearView = false;
  private stopWatching: (() => void) | undefined;

  /**
   * Builds the plot anew (with the options and data of the moment it is built) in a task of its own,
   * once the chart is near the window.
   */
  private createPlot(): void {
    if (!this.nearView) return;
    this.building ??= builds = builds.then(async () => {
      const UPlot = await loadUplot();
      await yieldThroughMessage();
      this.building = undefined;
      if (this.isConnected) this.buildPlot(UPlot);
    });
  }

  private buildPlot(UPlot: UplotConstructor): void {
    const width = this.container?.clientWidth ?? 0;
    if (width === 0) return;
    this.plot?.destroy();
    const style = getComputedStyle(this);
    const color: ColorOf = (name) => style.getPropertyValue(name).trim() || '#888';
    this.plot = new UPlot(this.options(width, color), this.chartData(), this.container);
  }

  /** An update is complete once the plot it asked for is built too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.building;
    return complete;
  }

  /** Options every chart shares: size, a numeric x axis, no drag-zoom, a legend without live values. */
  protected commonOptions(width: number): Pick<uPlot.Options, 'width' | 'height' | 'scales' | 'cursor' | 'legend'> {
    return {
      width,
      height: this.chartHeight,
      scales: { x: { time: false } },
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
    };
  }

  /** Axis styling shared by every chart. */
  protected axis(label: string, color: ColorOf): uPlot.Axis {
    return {
      label,
      stroke: color('--bp-muted'),
      grid: { stroke: color('--bp-border'), width: 1 },
      ticks: { stroke: color('--bp-border'), width: 1 },
    };
  }

  protected override render() {
    return html`<div class="chart" role="img" aria-label=${this.description()}></div>`;
  }
}
