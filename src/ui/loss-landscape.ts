import { fixedWithMinus } from '../core/text.ts';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { columnLabel } from '../core/data/columns.ts';
import {
  fromSpace,
  landscapeBounds,
  lossGrid,
  toSpace,
  type LandscapeBounds,
  type LandscapeSpace,
  type LossGrid,
} from '../core/stats/loss-landscape.ts';
import { fitOfMoments, mseAt, type Moments } from '../core/stats/moments.ts';
import type { Hyperplane, Line, Weights } from '../core/model/predict.ts';
import { mseOfHyperplane, type CrossProducts } from '../core/stats/cross-products.ts';
import { leastSquaresFit } from '../core/stats/least-squares-fit.ts';
import { LossSlice, type SliceAxes } from '../core/stats/loss-slice.ts';
import { planeOfLine } from '../core/stats/partial-fit.ts';
import { LandscapeFrame } from '../core/view/landscape-frame.ts';
import { formatLoss } from '../core/train/progress.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from '../embed/define.ts';
import { drawBackground, drawMarks } from './landscape-drawing.ts';
import { yieldThroughMessage } from '../core/train/yield.ts';
import { whenNearView } from './near-view.ts';
import { compactSelect } from './compact-select.ts';
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

/** While a run moves the held parameters, the slice is recut at most this often (ms): a new heat map costs tens of ms. */
const SLICE_INTERVAL_MS = 250;

/** The finite lines of a run's points, sampled evenly to at most `MAX_PATH_POINTS` (the last kept). */
function pathOf(points: readonly LossPoint[]): Weights[] {
  const stride = Math.max(1, Math.ceil(points.length / MAX_PATH_POINTS));
  const path: Weights[] = [];
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
 * With several features (`crossProducts` of more than one) it is a slice: the MSE over two chosen
 * parameters (two coefficients, or one and the intercept, from two labelled lists), every other
 * parameter held where the run is (its latest epoch; before a run, at the least-squares optimum),
 * with the slice's own exact optimum marked and the path drawn through the two parameters it moved.
 *
 * @cssprop --bp-line - This run's path.
 * @cssprop --bp-muted - The previous run's path and the axes.
 * @cssprop --bp-text - The optimum marker.
 * @csspart canvas - The drawing.
 */
export class LossLandscape extends LitElement {
  static override styles = [
    compactSelect,
    css`
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
    .axes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin-bottom: 0.25rem;
    }
    .axes label {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
    .note {
      margin: 0 0 0.25rem;
      color: var(--bp-muted);
    }
  `,
  ];

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
  /** The training rows' cross-products with several features (a slice is drawn), or null with one. */
  @property({ attribute: false }) crossProducts: CrossProducts | null = null;
  /** The features' names, in the cross-products' order. */
  @property({ attribute: false }) featureNames: readonly string[] = [];

  /** The two parameters a slice shows: feature indices, or d for the intercept. */
  @state() private axes: SliceAxes = [0, 1];
  /** The slice drawn (several features), and when it was cut. */
  private slice: LossSlice | undefined;
  private slicedAt = 0;
  private sliceTimer: ReturnType<typeof setTimeout> | undefined;

  @state() private readout = '';

  private bounds: LandscapeBounds | undefined;
  private grid: LossGrid | undefined;
  /** The heat map and contours, drawn once per window and size, then copied under each new path. */
  private background: HTMLCanvasElement | undefined;
  private path: Weights[] = [];
  private previousPath: Weights[] = [];
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
    clearTimeout(this.sliceTimer);
  }

  /** Whether a slice of several features is drawn. */
  private get sliced(): boolean {
    return this.crossProducts !== null && this.crossProducts.d > 1;
  }

  /** Where the other parameters are held: the run's latest weights, else the least-squares optimum. */
  private heldPlane(m: CrossProducts): Hyperplane {
    const end = this.path.at(-1);
    if (end) {
      const plane = planeOfLine(end);
      if (plane.coefficients.length === m.d) return plane;
    }
    const best = leastSquaresFit(m);
    // A feature the fit leaves out (singular) is held at 0.
    const coefficients = Array.from({ length: m.d }, () => 0);
    best.fitted.forEach((j, a) => (coefficients[j] = best.coefficients[a]));
    return { coefficients, intercept: best.intercept };
  }

  /**
   * The slice for the current axes, units and held point; recut at most every 250 ms while a run
   * moves the held point (a timer cuts the last one), at once for anything else.
   */
  private sliceFor(m: CrossProducts): boolean {
    const held = this.heldPlane(m);
    const { slice } = this;
    const onlyTheRunMoved = slice?.moments === m && slice.space === this.space && slice.axes === this.axes;
    if (
      onlyTheRunMoved &&
      slice.held.intercept === held.intercept &&
      slice.held.coefficients.every((value, j) => value === held.coefficients[j])
    )
      return false;
    const wait = this.slicedAt + SLICE_INTERVAL_MS - performance.now();
    if (onlyTheRunMoved && wait > 0) {
      this.sliceTimer ??= setTimeout(() => {
        this.sliceTimer = undefined;
        this.requestUpdate();
      }, wait);
      return false;
    }
    this.slice = new LossSlice(m, held, this.axes, this.space);
    this.slicedAt = performance.now();
    return true;
  }

  /** Where a raw-unit line or weights sit in the plane drawn (the slice's two parameters with several features). */
  private place(line: Weights): Line {
    return this.slice ? this.slice.toSpace(planeOfLine(line)) : toSpace(line, this.space, this.moments!);
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
    if (changed.has('crossProducts') && this.crossProducts) {
      // Other features: the first coefficient against the intercept, as with one feature.
      const d = this.crossProducts.d;
      if (this.axes.some((axis) => axis > d) || this.axes[1] !== d || changed.get('crossProducts')?.d !== d) this.axes = [0, d];
    }
    const cross = this.crossProducts;
    if (cross && this.sliced) {
      const recut = this.sliceFor(cross);
      const slice = this.slice!;
      const paths = [this.path, this.previousPath].map((path) => path.map((line) => planeOfLine(line)));
      const outside = this.bounds !== undefined && [...this.path, ...this.previousPath].some((line) => !this.inside(this.place(line)));
      if (recut || changed.has('previousPoints') || !this.bounds || outside) {
        this.bounds = slice.bounds(paths);
        this.grid = slice.grid(this.bounds, GRID_COLUMNS, GRID_ROWS);
        this.dropBackground();
      }
      return;
    }
    this.slice = undefined;
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
      this.grid = lossGrid(moments, this.space, this.bounds, GRID_COLUMNS, GRID_ROWS);
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

  /** The heat map's build under way (or the last one), if any. */
  private backgroundBuilt: Promise<void> | undefined;

  /** An update is complete once its drawing is done: the marks' positions set, the heat map (if near the window) drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.drawing;
    await this.backgroundBuilt;
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

  /** Where a raw-unit line (or weights) sits on the canvas, in CSS px. */
  private position(raw: Weights): [number, number] {
    return this.frame().position(this.place(raw));
  }

  /** The lowest point of what is drawn, in its units: the line's optimum, or the slice's (none for a flat slice). */
  private optimumInPlane(): Line | undefined {
    if (this.slice) return this.slice.optimum();
    return toSpace(fitOfMoments(this.moments!), this.space, this.moments!);
  }

  /** The parameters' names on the axes: slope and intercept, or the slice's two. */
  private axisNames(): [string, string] {
    if (!this.slice) return ['Slope', 'Intercept'];
    return [this.parameterName(this.slice.axes[0]), this.parameterName(this.slice.axes[1])];
  }

  /** A slice's parameter by name: "Height's coefficient", or "Intercept". */
  private parameterName(axis: number): string {
    const name = this.featureNames[axis];
    return name === undefined ? 'Intercept' : `${columnLabel(name)}'s coefficient`;
  }

  private color(name: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || '#888';
  }

  /**
   * Draws the landscape and its marks. A new heat map (new data, units, slice or window) is built in
   * later tasks once the canvas is near the window (see `buildBackground`), and the marks are drawn
   * over it when it is ready; their positions are set at once.
   */
  private draw(): void {
    const canvas = this.canvas;
    if (!canvas || !(this.moments || this.slice) || !this.bounds || !this.grid) {
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
    this.recordMarks(canvas);
    const frame = this.frame();
    const optimum = this.optimumInPlane();
    if (!this.background) {
      if (this.nearView) this.buildBackground(frame, { width, height, ratio }, optimum);
      return;
    }
    const inSpace = (path: readonly Weights[]) => path.map((line) => this.place(line));
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
      optimum,
    );
  }

  /**
   * Builds the heat map, its contours and axes, starting in the next task and pausing between contour
   * levels: in the task that brought new data they would add to the drawing of every other view, and
   * all at once they would hold up the page for tens of milliseconds on a phone. Then draws the marks.
   */
  private buildBackground(frame: LandscapeFrame, size: { width: number; height: number; ratio: number }, optimum: Line | undefined): void {
    const generation = this.backgroundGeneration;
    if (this.building === generation) return;
    this.building = generation;
    const grid = this.grid!;
    const standardized = this.space === 'standardized' ? ' (standardized)' : '';
    const [horizontal, vertical] = this.axisNames();
    // The contours start at the lowest MSE: the optimum's, or the grid's lowest for a flat slice.
    const lowest = this.slice ? (optimum ? this.slice.mse(optimum) : grid.min) : mseAt(this.moments!, fitOfMoments(this.moments!));
    const current = () => generation === this.backgroundGeneration && this.isConnected;
    this.backgroundBuilt = (async () => {
      try {
        await yieldThroughMessage();
        if (!current()) return;
        const axes = {
          text: this.color('--bp-muted'),
          border: this.color('--bp-border'),
          slopeLabel: `${horizontal}${standardized}`,
          interceptLabel: `${vertical}${standardized}`,
          bottomMargin: MARGIN.bottom,
        };
        const background = await drawBackground(grid, frame, lowest, size, axes, yieldThroughMessage);
        if (!current()) return;
        this.background = background;
      } finally {
        if (this.building === generation) this.building = undefined;
      }
      this.draw();
    })();
  }

  private recordMarks(canvas: HTMLCanvasElement): void {
    // Where the marks are, for whoever checks the drawing (the browser tests).
    const optimum = this.optimumInPlane();
    if (optimum) {
      const [ox, oy] = this.frame().position(optimum);
      canvas.dataset.optimum = `${ox.toFixed(1)},${oy.toFixed(1)}`;
    } else delete canvas.dataset.optimum;
    const end = this.path.at(-1);
    if (end) {
      const [ex, ey] = this.position(end);
      canvas.dataset.pathEnd = `${ex.toFixed(1)},${ey.toFixed(1)}`;
    } else delete canvas.dataset.pathEnd;
  }

  private onPointerMove(event: PointerEvent): void {
    const { moments, bounds, slice } = this;
    if (!(moments || slice) || !bounds) return;
    const here = this.frame().lineAt(event.offsetX, event.offsetY);
    if (!here) {
      this.readout = '';
      return;
    }
    if (slice) {
      this.readout = this.sliceReadout(slice, here);
      return;
    }
    if (!moments) return;
    const raw = fromSpace(here, this.space, moments);
    if (!Number.isFinite(raw.slope) || !Number.isFinite(raw.intercept)) {
      this.readout = 'The slope and intercept here are beyond the numbers a computer holds.';
      return;
    }
    const fixed = (value: number) => fixedWithMinus(value, 4);
    this.readout = `Slope ${fixed(raw.slope)}, intercept ${fixed(raw.intercept)}: MSE ${formatMse(mseAt(moments, raw))}`;
  }

  /** The two parameters under the pointer (raw units) and the MSE there. */
  private sliceReadout(slice: LossSlice, here: Line): string {
    const plane = slice.fromSpace(here);
    const values = slice.axes.map((axis) => (axis === plane.coefficients.length ? plane.intercept : plane.coefficients[axis]));
    if (!values.every(Number.isFinite)) return 'The parameters here are beyond the numbers a computer holds.';
    const [u, v] = slice.axes.map((axis) => this.parameterName(axis));
    return `${u} ${signed(values[0])}, ${v.toLowerCase() === 'intercept' ? 'intercept' : v} ${signed(values[1])}: MSE ${formatMse(slice.mse(here))}`;
  }

  /** A slice's two parameters of a raw-unit plane, in raw units, named: "Height's coefficient 0.1234, intercept 5.6789". */
  private sliceValues(slice: LossSlice, plane: Hyperplane): string {
    return slice.axes
      .map((axis) => {
        const value = axis === plane.coefficients.length ? plane.intercept : plane.coefficients[axis];
        const name = this.parameterName(axis);
        return `${name === 'Intercept' ? 'intercept' : name} ${signed(value)}`;
      })
      .join(', ');
  }

  /** Where the other parameters are held, in words: "hp −0.0318, qsec 0.8000 and the intercept 20.0000, where the run is (epoch 12)". */
  private heldText(slice: LossSlice): string {
    const d = slice.moments.d;
    const held = slice.held;
    const others = Array.from({ length: d + 1 }, (_, axis) => axis)
      .filter((axis) => !slice.axes.includes(axis))
      .map(
        (axis) =>
          `${axis === d ? 'the intercept' : `${columnLabel(this.featureNames[axis])}'s coefficient`} ${signed(axis === d ? held.intercept : held.coefficients[axis])}`,
      );
    const list = others.length > 1 ? `${others.slice(0, -1).join(', ')} and ${others.at(-1)!}` : others[0];
    const end = this.points.at(-1);
    const where = this.path.length > 0 && end ? `where the run is (epoch ${end.epoch})` : 'at the least-squares optimum (no run yet)';
    return `${list} held ${where}`;
  }

  /** The slice's optimum in words (its MSE in the text alternative only, as for one feature), or why it has none. */
  private sliceOptimumText(slice: LossSlice, { withMse }: { withMse: boolean }): string {
    const optimum = slice.optimum();
    if (!optimum) return 'none: along a line of this slice the MSE does not change (a constant feature)';
    const at = this.sliceValues(slice, slice.fromSpace(optimum));
    return withMse ? `${at}, MSE ${formatMse(slice.mse(optimum))}` : at;
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
    if (this.slice) return this.sliceDescription(this.slice);
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

  /** The text alternative of a slice. */
  private sliceDescription(slice: LossSlice): string {
    const [u, v] = slice.axes.map((axis) => this.parameterName(axis).toLowerCase());
    const path = this.path;
    const end = path.at(-1);
    const run = end
      ? ` This run's path: ${this.points.length} epochs, from ${this.sliceValues(slice, planeOfLine(path[0]))} to ${this.sliceValues(slice, planeOfLine(end))} (MSE ${formatMse(mseOfPlane(slice, end))}).`
      : ' No training run yet.';
    const previous = this.previousPath.length > 0 ? ` The previous run's path is drawn faded.` : '';
    return `Loss landscape, a slice: training MSE over ${u} and ${v} (${columnLabel(this.targetName)} on ${this.featureNames.map(columnLabel).join(', ')}), with ${this.heldText(slice)}. The slice's exact optimum: ${this.sliceOptimumText(slice, { withMse: true })}.${run}${previous}`;
  }

  /** The table view: this run's path, at most about 50 epochs of it, evenly spread, and the last. */
  private tableRows(): string[][] {
    const m = this.moments;
    const slice = this.slice;
    if (!m && !slice) return [];
    const withLine = this.points.filter((p) => p.line);
    const stride = Math.max(1, Math.ceil(withLine.length / 50));
    const shown = withLine.filter((_, i) => i % stride === 0 || i === withLine.length - 1);
    if (slice) {
      return shown.map((p) => {
        const plane = planeOfLine(p.line!);
        return [
          String(p.epoch),
          ...slice.axes.map((axis) => signed(axis === plane.coefficients.length ? plane.intercept : plane.coefficients[axis])),
          formatMse(mseOfPlane(slice, p.line!)),
        ];
      });
    }
    return shown.map((p) => [String(p.epoch), p.line!.slope.toFixed(4), p.line!.intercept.toFixed(4), formatMse(mseAt(m!, p.line!))]);
  }

  /** The table view's columns: the epoch, the two parameters shown and the MSE. */
  private tableColumns(): string[] {
    const [u, v] = this.axisNames();
    return ['Epoch', u, v, 'MSE'];
  }

  /** With several features: the two lists of parameters, a slice's note, and its optimum. */
  private renderSliceControls(slice: LossSlice) {
    const d = slice.moments.d;
    const options = (selected: number, other: number) =>
      Array.from({ length: d + 1 }, (_, axis) => axis).map(
        (axis) =>
          html`<option value=${axis} ?selected=${axis === selected} ?disabled=${axis === other}>${this.parameterName(axis)}</option>`,
      );
    const choose = (which: 0 | 1) => (event: Event) => {
      const value = Number((event.target as HTMLSelectElement).value);
      this.axes = which === 0 ? [value, this.axes[1]] : [this.axes[0], value];
    };
    return html`<div class="axes">
        <label>Horizontal axis <select data-slice-axis="0" @change=${choose(0)}>${options(slice.axes[0], slice.axes[1])}</select></label>
        <label>Vertical axis <select data-slice-axis="1" @change=${choose(1)}>${options(slice.axes[1], slice.axes[0])}</select></label>
      </div>
      <p class="note" data-slice-note>A slice through the loss over ${d + 1} parameters: ${this.heldText(slice)}.</p>`;
  }

  protected override render() {
    const slice = this.slice;
    return html`${slice ? this.renderSliceControls(slice) : ''}
      <div class="toolbar">
        <span
          >${
            slice
              ? html`Exact optimum of the slice (×): <span data-optimum-text>${this.sliceOptimumText(slice, { withMse: false })}</span>`
              : this.moments
                ? html`Exact optimum (×): <span data-optimum-text>${this.optimumText({ withMse: false })}</span>`
                : ''
          }</span
        >
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
        <span>✕ exact optimum${slice ? ' of the slice' : ''}</span>
        <span>lighter = higher MSE</span>
      </div>
      <div class="readout" data-readout>${this.readout}</div>
      <chart-table
        caption="The optimizer's path: weights after each epoch"
        .columns=${this.tableColumns()}
        .rows=${() => this.tableRows()}
      ></chart-table>`;
  }
}

/** A number with a real minus sign, as every number the page writes has. */
function signed(value: number): string {
  return fixedWithMinus(value, 4);
}

/** The exact MSE of a run's weights on the slice's rows (every parameter as it is). */
function mseOfPlane(slice: LossSlice, weights: Weights): number {
  return mseOfHyperplane(slice.moments, planeOfLine(weights));
}

defineElement('loss-landscape', LossLandscape);

declare global {
  interface HTMLElementTagNameMap {
    'loss-landscape': LossLandscape;
  }
}
