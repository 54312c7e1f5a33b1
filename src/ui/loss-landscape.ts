import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { columnLabel } from '../core/data/columns.ts';
import { fromSpace, landscapeBounds, lossGrid, toSpace, type LandscapeBounds, type LandscapeSpace } from '../core/stats/loss-landscape.ts';
import { fitOfMoments, mseAt, type Moments } from '../core/stats/moments.ts';
import type { Line } from '../core/model/predict.ts';
import { LandscapeFrame } from '../core/view/landscape-frame.ts';
import { formatLoss } from '../core/train/progress.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from '../embed/define.ts';
import { drawBackground, drawMarks } from './landscape-drawing.ts';
import { yieldThroughMessage } from '../core/train/yield.ts';
import { whenNearView } from './near-view.ts';
import './chart-table.ts';

/** Heat-map cells across and down: the MSE is smooth, so the canvas scales them up smoothly. */
const GRID_COLUMNS = 120;
const GRID_ROWS = 80;
/** The most path points drawn per run; longer runs are drawn as an even sample (the last point always). */
const MAX_PATH_POINTS = 2000;
const MARGIN = { left: 58, right: 10, top: 10, bottom: 40 };
/** An MSE as the landscape writes it; one that overflows (far from the optimum on huge data) is said to. */
function formatMse(mse: number): string {
  return Number.isFinite(mse) ? formatLoss(mse) : 'too large to compute';
}

/** The finite lines of a run's points, sampled evenly to at most `MAX_PATH_POINTS` (the last kept). */
function pathOf(points: readonly LossPoint[]): Line[] {
  const stride = Math.max(1, Math.ceil(points.length / MAX_PATH_POINTS));
  const path: Line[] = [];
  for (let i = 0; i < points.length; i += stride) {
    const line = points[i].line;
    if (line && Number.isFinite(line.slope) && Number.isFinite(line.intercept)) path.push(line);
  }
  const last = points.at(-1)?.line;
  if (last && path.at(-1) !== last && Number.isFinite(last.slope) && Number.isFinite(last.intercept)) path.push(last);
  return path;
}

/**
 * The loss landscape: the training MSE over (slope, intercept) as a heat map with contour lines,
 * exact from the data's moments, with the exact optimum marked and the optimizer's path (the weights
 * after every epoch) drawn live; the previous run's path stays, faded, for comparison. Axes in raw
 * units, or standardized (where the bowl is round) with the toggle.
 *
 * @cssprop --bp-line - This run's path.
 * @cssprop --bp-muted - The previous run's path and the axes.
 * @cssprop --bp-text - The optimum marker.
 * @csspart canvas - The drawing.
 */
export class LossLandscape extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--bp-text);
      font-size: 0.85rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      color: var(--bp-muted);
    }
    .toolbar label {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      cursor: pointer;
    }
    input:focus-visible {
      outline: 3px solid var(--bp-accent);
      outline-offset: 2px;
    }
    .plot {
      position: relative;
      width: 100%;
      height: 260px;
    }
    canvas {
      display: block;
      width: 100%;
      height: 100%;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 1rem;
      color: var(--bp-muted);
      margin: 0.25rem 0;
    }
    .swatch {
      display: inline-block;
      width: 1.4rem;
      height: 0;
      vertical-align: middle;
      border-top: 2.5px solid var(--bp-line);
      margin-right: 0.3rem;
    }
    .swatch.previous {
      border-top: 2px dashed var(--bp-muted);
      opacity: 0.7;
    }
    .readout {
      min-height: 1.2em;
      font-variant-numeric: tabular-nums;
    }
  `;

  /** The moments of the training rows (see `momentsOf`), or null without data. */
  @property({ attribute: false }) moments: Moments | null = null;
  @property() featureName = 'Bmi';
  @property() targetName = 'LifeExpectancy';
  /** This run's loss points; each point's `line` is a step of the path. Replace the array to redraw. */
  @property({ attribute: false }) points: readonly LossPoint[] = [];
  /** The previous run's loss points, drawn faded. */
  @property({ attribute: false }) previousPoints: readonly LossPoint[] = [];
  /** Raw units, or the standardized units training works in. */
  @property() space: LandscapeSpace = 'raw';

  @state() private readout = '';

  private bounds: LandscapeBounds | undefined;
  /** The heat map and contours, drawn once per window and size, then copied under each new path. */
  private background: HTMLCanvasElement | undefined;
  private path: Line[] = [];
  private previousPath: Line[] = [];
  private resizeObserver: ResizeObserver | undefined;
  /** Stops watching for the canvas to come near the window; the heat map is drawn only once it has. */
  private stopWatching: (() => void) | undefined;
  private nearView = false;
  private readonly schemeQuery = matchMedia('(prefers-color-scheme: dark)');
  private readonly redrawAll = (): void => {
    this.dropBackground();
    this.draw();
  };
  /** Counts the backgrounds asked for: a build that a newer one superseded is dropped. */
  private backgroundGeneration = 0;
  /** The generation of the background being built, if one is. */
  private building: number | undefined;

  /** The background no longer fits (other window, size or colours): a build under way is dropped too. */
  private dropBackground(): void {
    this.background = undefined;
    this.backgroundGeneration += 1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.schemeQuery.addEventListener('change', this.redrawAll);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.schemeQuery.removeEventListener('change', this.redrawAll);
    this.resizeObserver?.disconnect();
    this.stopWatching?.();
  }

  protected override firstUpdated(): void {
    this.resizeObserver = new ResizeObserver(() => this.redrawAll());
    this.resizeObserver.observe(this.canvas);
    // The landscape sits below the fold: its heat map and contours (tens of milliseconds of work on
    // a phone) wait until the canvas comes near the window.
    this.stopWatching = whenNearView(this.canvas, () => {
      this.nearView = true;
      this.draw();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('points')) this.path = pathOf(this.points);
    if (changed.has('previousPoints')) this.previousPath = pathOf(this.previousPoints);
    const { moments } = this;
    if (!moments) {
      this.bounds = undefined;
      return;
    }
    // A new window when the data or the units change, or when a path leaves the one shown.
    const outside =
      this.bounds !== undefined && [...this.path, ...this.previousPath].some((line) => !this.inside(toSpace(line, this.space, moments)));
    if (changed.has('moments') || changed.has('space') || changed.has('previousPoints') || !this.bounds || outside) {
      this.bounds = landscapeBounds(moments, this.space, [this.path, this.previousPath]);
      this.dropBackground();
    }
  }

  /** Whether a line (in the space's units) is inside the window; one that is not finite never will be (it is not drawn). */
  private inside(line: Line): boolean {
    const b = this.bounds!;
    if (!Number.isFinite(line.slope) || !Number.isFinite(line.intercept)) return true;
    return line.slope >= b.slope.min && line.slope <= b.slope.max && line.intercept >= b.intercept.min && line.intercept <= b.intercept.max;
  }

  /** The draw asked for by the last update, if it has not run yet. */
  private drawing: Promise<void> | undefined;

  /**
   * Draws in the next task, not in the update's: sizing the canvas reads the layout, which in the
   * task that brought new data (and rendered every other view) would be computed there and then.
   * Updates that come faster (a run's epochs) share one draw.
   */
  protected override updated(): void {
    this.drawing ??= yieldThroughMessage().then(() => {
      this.drawing = undefined;
      if (this.isConnected) this.draw();
    });
  }

  /** An update is complete once its drawing is done (the marks' positions set). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.drawing;
    return complete;
  }

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas')!;
  }

  /** The value ↔ pixel mapping of the window shown on the canvas as it is sized now. */
  private frame(): LandscapeFrame {
    const { clientWidth, clientHeight } = this.canvas;
    return new LandscapeFrame(this.bounds!, {
      left: MARGIN.left,
      top: MARGIN.top,
      width: Math.max(1, clientWidth - MARGIN.left - MARGIN.right),
      height: Math.max(1, clientHeight - MARGIN.top - MARGIN.bottom),
    });
  }

  /** Where a raw-unit line sits on the canvas, in CSS px. */
  private position(raw: Line): [number, number] {
    return this.frame().position(toSpace(raw, this.space, this.moments!));
  }

  private color(name: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || '#888';
  }

  /**
   * Draws the landscape and its marks. A new heat map (new data, units or window) is built in later
   * tasks (see `buildBackground`), and the marks are drawn over it when it is ready; their positions
   * are set at once.
   */
  private draw(): void {
    const canvas = this.canvas;
    if (!canvas || !this.moments || !this.bounds) {
      canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const ratio = devicePixelRatio;
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    if (width === 0 || height === 0) return;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      this.dropBackground();
    }
    this.recordMarks(canvas, this.moments);
    const frame = this.frame();
    if (!this.background) {
      if (this.nearView) this.buildBackground(frame, { width, height, ratio });
      return;
    }
    const inSpace = (path: readonly Line[]) => path.map((line) => toSpace(line, this.space, this.moments!));
    // The previous run on top, dashed: runs from the same start often share a line, and it must show.
    drawMarks(
      canvas.getContext('2d')!,
      this.background,
      ratio,
      frame,
      [
        { path: inSpace(this.path), style: { stroke: this.color('--bp-line'), width: 3, dash: [], alpha: 1 } },
        { path: inSpace(this.previousPath), style: { stroke: this.color('--bp-text'), width: 1.5, dash: [5, 4], alpha: 0.7 } },
      ],
      toSpace(fitOfMoments(this.moments), this.space, this.moments),
    );
  }

  /**
   * Builds the heat map, its contours and axes, starting in the next task and pausing between contour
   * levels: in the task that brought new data they would add to the drawing of every other view, and
   * all at once they would hold up the page for tens of milliseconds on a phone. Then draws the marks.
   */
  private buildBackground(frame: LandscapeFrame, size: { width: number; height: number; ratio: number }): void {
    const generation = this.backgroundGeneration;
    if (this.building === generation) return;
    this.building = generation;
    const moments = this.moments!;
    const standardized = this.space === 'standardized' ? ' (standardized)' : '';
    const current = () => generation === this.backgroundGeneration && this.isConnected;
    const { space } = this;
    const bounds = this.bounds!;
    void (async () => {
      try {
        await yieldThroughMessage();
        if (!current()) return;
        const axes = {
          text: this.color('--bp-muted'),
          border: this.color('--bp-border'),
          slopeLabel: `Slope${standardized}`,
          interceptLabel: `Intercept${standardized}`,
          bottomMargin: MARGIN.bottom,
        };
        const grid = lossGrid(moments, space, bounds, GRID_COLUMNS, GRID_ROWS);
        const background = await drawBackground(grid, frame, mseAt(moments, fitOfMoments(moments)), size, axes, yieldThroughMessage);
        if (!current()) return;
        this.background = background;
      } finally {
        if (this.building === generation) this.building = undefined;
      }
      this.draw();
    })();
  }

  private recordMarks(canvas: HTMLCanvasElement, moments: Moments): void {
    // Where the marks are, for whoever checks the drawing (the browser tests).
    const [ox, oy] = this.position(fitOfMoments(moments));
    canvas.dataset.optimum = `${ox.toFixed(1)},${oy.toFixed(1)}`;
    const end = this.path.at(-1);
    if (end) {
      const [ex, ey] = this.position(end);
      canvas.dataset.pathEnd = `${ex.toFixed(1)},${ey.toFixed(1)}`;
    } else delete canvas.dataset.pathEnd;
  }

  private onPointerMove(event: PointerEvent): void {
    const { moments, bounds } = this;
    if (!moments || !bounds) return;
    const here = this.frame().lineAt(event.offsetX, event.offsetY);
    if (!here) {
      this.readout = '';
      return;
    }
    const raw = fromSpace(here, this.space, moments);
    if (!Number.isFinite(raw.slope) || !Number.isFinite(raw.intercept)) {
      this.readout = 'The slope and intercept here are beyond the numbers a computer holds.';
      return;
    }
    // A real minus sign, as every number the page writes has.
    const fixed = (value: number) => value.toFixed(4).replace(/^-/, '−');
    this.readout = `Slope ${fixed(raw.slope)}, intercept ${fixed(raw.intercept)}: MSE ${formatMse(mseAt(moments, raw))}`;
  }

  /**
   * Where the exact optimum is. The readout above the map names the point the × marks; its MSE (the
   * fitted model's, once trained) is the Fit card's to show, so only the text alternative, which
   * stands for the picture, says it.
   */
  private optimumText({ withMse }: { withMse: boolean }): string {
    const m = this.moments!;
    const best = fitOfMoments(m);
    if (!Number.isFinite(best.slope) || !Number.isFinite(best.intercept))
      return "none a computer can hold (the data's sums of squares overflow)";
    const at = `slope ${best.slope.toFixed(4)}, intercept ${best.intercept.toFixed(4)}`;
    return withMse ? `${at}, MSE ${formatMse(mseAt(m, best))}` : at;
  }

  private description(): string {
    const m = this.moments;
    if (!m) return 'Loss landscape: no data.';
    const path = this.path;
    const end = path.at(-1);
    const run = end
      ? ` This run's path: ${this.points.length} epochs, from slope ${path[0].slope.toFixed(4)}, intercept ${path[0].intercept.toFixed(4)} to slope ${end.slope.toFixed(4)}, intercept ${end.intercept.toFixed(4)} (MSE ${formatMse(mseAt(m, end))}).`
      : ' No training run yet.';
    const previous = this.previousPath.length > 0 ? ` The previous run's path is drawn faded.` : '';
    return `Loss landscape: training MSE over slope and intercept (${columnLabel(this.targetName)} against ${columnLabel(this.featureName)}), exact optimum at ${this.optimumText({ withMse: true })}.${run}${previous}`;
  }

  /** The table view: this run's path, at most about 50 epochs of it, evenly spread, and the last. */
  private tableRows(): string[][] {
    const m = this.moments;
    if (!m) return [];
    const withLine = this.points.filter((p) => p.line);
    const stride = Math.max(1, Math.ceil(withLine.length / 50));
    const shown = withLine.filter((_, i) => i % stride === 0 || i === withLine.length - 1);
    return shown.map((p) => [String(p.epoch), p.line!.slope.toFixed(4), p.line!.intercept.toFixed(4), formatMse(mseAt(m, p.line!))]);
  }

  protected override render() {
    return html`<div class="toolbar">
        <span>${this.moments ? html`Exact optimum (×): <span data-optimum-text>${this.optimumText({ withMse: false })}</span>` : ''}</span>
        <label
          ><input type="checkbox" .checked=${this.space === 'standardized'} @change=${(e: Event) => (this.space = (e.target as HTMLInputElement).checked ? 'standardized' : 'raw')} />
          Standardized axes</label
        >
      </div>
      <div class="plot">
        <canvas part="canvas" role="img" aria-label=${this.description()} @pointermove=${this.onPointerMove} @pointerleave=${() => (this.readout = '')}></canvas>
      </div>
      <div class="legend" aria-hidden="true">
        <span><span class="swatch"></span>This run</span>
        <span><span class="swatch previous"></span>Previous run</span>
        <span>✕ exact optimum</span>
        <span>lighter = higher MSE</span>
      </div>
      <div class="readout" data-readout>${this.readout}</div>
      <chart-table
        caption="The optimizer's path: weights after each epoch"
        .columns=${['Epoch', 'Slope', 'Intercept', 'MSE']}
        .rows=${() => this.tableRows()}
      ></chart-table>`;
  }
}

defineElement('loss-landscape', LossLandscape);

declare global {
  interface HTMLElementTagNameMap {
    'loss-landscape': LossLandscape;
  }
}
