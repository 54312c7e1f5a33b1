import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { contours } from 'd3-contour';
import { columnLabel } from '../core/data/columns.ts';
import {
  contourLevels,
  fromSpace,
  landscapeBounds,
  lossGrid,
  toSpace,
  type LandscapeBounds,
  type LandscapeSpace,
  type LossGrid,
} from '../core/stats/loss-landscape.ts';
import { fitOfMoments, mseAt, type Moments } from '../core/stats/moments.ts';
import type { Line } from '../core/model/predict.ts';
import { niceTicks, tickLabels } from '../core/view/tick-labels.ts';
import { formatLoss } from '../core/train/progress.ts';
import type { LossPoint } from '../core/train/trainer.ts';
import { defineElement } from '../embed/define.ts';
import './chart-table.ts';

/** Heat-map cells across and down: the MSE is smooth, so the canvas scales them up smoothly. */
const GRID_COLUMNS = 120;
const GRID_ROWS = 80;
/** The most path points drawn per run; longer runs are drawn as an even sample (the last point always). */
const MAX_PATH_POINTS = 2000;
const MARGIN = { left: 58, right: 10, top: 10, bottom: 40 };
/** A perceptually even sequential colour map (viridis, nine stops), low loss dark. */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const STOPS = VIRIDIS.map(hexToRgb);

/** The colour map at t in [0, 1]. */
function colourAt(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i], STOPS[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
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
  private grid: LossGrid | undefined;
  /** The heat map and contours, drawn once per window and size, then copied under each new path. */
  private background: HTMLCanvasElement | undefined;
  private path: Line[] = [];
  private previousPath: Line[] = [];
  private resizeObserver: ResizeObserver | undefined;
  private readonly schemeQuery = matchMedia('(prefers-color-scheme: dark)');
  private readonly redrawAll = (): void => {
    this.background = undefined;
    this.draw(true);
  };
  private drawPending = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.schemeQuery.addEventListener('change', this.redrawAll);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.schemeQuery.removeEventListener('change', this.redrawAll);
    this.resizeObserver?.disconnect();
  }

  protected override firstUpdated(): void {
    this.resizeObserver = new ResizeObserver(() => this.redrawAll());
    this.resizeObserver.observe(this.canvas);
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
      this.grid = lossGrid(moments, this.space, this.bounds, GRID_COLUMNS, GRID_ROWS);
      this.background = undefined;
    }
  }

  private inside(line: Line): boolean {
    const b = this.bounds!;
    return line.slope >= b.slope.min && line.slope <= b.slope.max && line.intercept >= b.intercept.min && line.intercept <= b.intercept.max;
  }

  protected override updated(): void {
    this.draw();
  }

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas')!;
  }

  /** The plot area in CSS px. */
  private area(): { left: number; top: number; width: number; height: number } {
    const { clientWidth, clientHeight } = this.canvas;
    return {
      left: MARGIN.left,
      top: MARGIN.top,
      width: Math.max(1, clientWidth - MARGIN.left - MARGIN.right),
      height: Math.max(1, clientHeight - MARGIN.top - MARGIN.bottom),
    };
  }

  /** Where a raw-unit line sits on the canvas, in CSS px. */
  private position(raw: Line): [number, number] {
    const b = this.bounds!;
    const p = toSpace(raw, this.space, this.moments!);
    const a = this.area();
    return [
      a.left + ((p.slope - b.slope.min) / (b.slope.max - b.slope.min)) * a.width,
      a.top + ((b.intercept.max - p.intercept) / (b.intercept.max - b.intercept.min)) * a.height,
    ];
  }

  private color(name: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || '#888';
  }

  /**
   * Draws the landscape and its marks. A new heat map (new data, units or window) is drawn in the next
   * frame unless `now`: its contours take tens of milliseconds, and in the task that brought a new
   * data set they would add to the drawing of every other view. The marks' positions are set at once.
   */
  private draw(now = false): void {
    const canvas = this.canvas;
    if (!canvas || !this.moments || !this.bounds || !this.grid) {
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
      this.background = undefined;
    }
    this.recordMarks(canvas, this.moments);
    if (!this.background) {
      if (!now) {
        this.drawInNextFrame();
        return;
      }
      this.background = this.drawBackground(width, height, ratio);
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(this.background, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const a = this.area();
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.left, a.top, a.width, a.height);
    ctx.clip();
    // The previous run on top, dashed: runs from the same start often share a line, and it must show.
    this.drawPath(ctx, this.path, this.color('--bp-line'), 3, [], 1);
    this.drawPath(ctx, this.previousPath, this.color('--bp-text'), 1.5, [5, 4], 0.7);
    this.drawOptimum(ctx);
    ctx.restore();
  }

  private drawInNextFrame(): void {
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => {
      this.drawPending = false;
      if (this.isConnected) this.draw(true);
    });
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

  private drawBackground(width: number, height: number, ratio: number): HTMLCanvasElement {
    const grid = this.grid!;
    const bounds = this.bounds!;
    const background = document.createElement('canvas');
    background.width = width;
    background.height = height;
    const ctx = background.getContext('2d')!;
    // The heat map: log-like colour scale, so the valley floor is not one flat colour.
    const cells = document.createElement('canvas');
    cells.width = grid.columns;
    cells.height = grid.rows;
    const image = cells.getContext('2d')!.createImageData(grid.columns, grid.rows);
    const span = grid.max - grid.min || 1;
    const k = 300;
    for (let i = 0; i < grid.values.length; i++) {
      const t = Math.log1p((k * (grid.values[i] - grid.min)) / span) / Math.log1p(k);
      const [r, g, b] = colourAt(t);
      image.data.set([r, g, b, 255], i * 4);
    }
    cells.getContext('2d')!.putImageData(image, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const a = this.area();
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(cells, a.left, a.top, a.width, a.height);
    // Contour lines (d3-contour's marching squares over the same grid).
    const optimum = mseAt(this.moments!, fitOfMoments(this.moments!));
    const levels = contourLevels(optimum, grid.max, 9);
    const lines = contours().size([grid.columns, grid.rows]).thresholds(levels)(Array.from(grid.values));
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.left, a.top, a.width, a.height);
    ctx.clip();
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.45)';
    ctx.lineWidth = 1;
    for (const contour of lines) {
      for (const polygon of contour.coordinates) {
        for (const ring of polygon) {
          ctx.beginPath();
          ring.forEach(([gx, gy], i) => {
            const x = a.left + (gx / grid.columns) * a.width;
            const y = a.top + (gy / grid.rows) * a.height;
            if (i === 0) ctx.moveTo(x, y);
            else ctx.lineTo(x, y);
          });
          ctx.stroke();
        }
      }
    }
    ctx.restore();
    // Axes.
    const muted = this.color('--bp-muted');
    ctx.fillStyle = muted;
    ctx.strokeStyle = this.color('--bp-border');
    ctx.font = '11px system-ui, sans-serif';
    const xTicks = niceTicks(bounds.slope.min, bounds.slope.max, Math.max(3, Math.floor(a.width / 80)));
    const yTicks = niceTicks(bounds.intercept.min, bounds.intercept.max, 5);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    tickLabels(xTicks).forEach((label, i) => {
      const x = a.left + ((xTicks[i] - bounds.slope.min) / (bounds.slope.max - bounds.slope.min)) * a.width;
      ctx.fillRect(x, a.top + a.height, 1, 4);
      ctx.fillText(label, x, a.top + a.height + 6);
    });
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    tickLabels(yTicks).forEach((label, i) => {
      const y = a.top + ((bounds.intercept.max - yTicks[i]) / (bounds.intercept.max - bounds.intercept.min)) * a.height;
      ctx.fillRect(a.left - 4, y, 4, 1);
      ctx.fillText(label, a.left - 6, y);
    });
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    const standardized = this.space === 'standardized' ? ' (standardized)' : '';
    ctx.fillText(`Slope${standardized}`, a.left + a.width / 2, a.top + a.height + MARGIN.bottom);
    ctx.save();
    ctx.translate(12, a.top + a.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(`Intercept${standardized}`, 0, 0);
    ctx.restore();
    return background;
  }

  private drawPath(
    ctx: CanvasRenderingContext2D,
    path: readonly Line[],
    stroke: string,
    width: number,
    dash: number[],
    alpha: number,
  ): void {
    if (path.length === 0) return;
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = stroke;
    ctx.fillStyle = stroke;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    path.forEach((line, i) => {
      const [x, y] = this.position(line);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    // The start as a hollow circle, the latest weights as a dot.
    ctx.setLineDash([]);
    const [sx, sy] = this.position(path[0]);
    ctx.beginPath();
    ctx.arc(sx, sy, 4, 0, 2 * Math.PI);
    ctx.stroke();
    const [ex, ey] = this.position(path.at(-1)!);
    ctx.beginPath();
    ctx.arc(ex, ey, 3.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  }

  private drawOptimum(ctx: CanvasRenderingContext2D): void {
    const [x, y] = this.position(fitOfMoments(this.moments!));
    const cross = (color: string, width: number) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(x - 6, y - 6);
      ctx.lineTo(x + 6, y + 6);
      ctx.moveTo(x + 6, y - 6);
      ctx.lineTo(x - 6, y + 6);
      ctx.stroke();
    };
    cross('#000', 4.5);
    cross('#fff', 2);
  }

  private onPointerMove(event: PointerEvent): void {
    const { moments, bounds } = this;
    if (!moments || !bounds) return;
    const a = this.area();
    const fx = (event.offsetX - a.left) / a.width;
    const fy = (event.offsetY - a.top) / a.height;
    if (fx < 0 || fx > 1 || fy < 0 || fy > 1) {
      this.readout = '';
      return;
    }
    const here = {
      slope: bounds.slope.min + fx * (bounds.slope.max - bounds.slope.min),
      intercept: bounds.intercept.max - fy * (bounds.intercept.max - bounds.intercept.min),
    };
    const raw = fromSpace(here, this.space, moments);
    // A real minus sign, as every number the page writes has.
    const fixed = (value: number) => value.toFixed(4).replace(/^-/, '−');
    this.readout = `Slope ${fixed(raw.slope)}, intercept ${fixed(raw.intercept)}: MSE ${formatLoss(mseAt(moments, raw))}`;
  }

  private optimumText(): string {
    const m = this.moments!;
    const best = fitOfMoments(m);
    return `slope ${best.slope.toFixed(4)}, intercept ${best.intercept.toFixed(4)}, MSE ${formatLoss(mseAt(m, best))}`;
  }

  private description(): string {
    const m = this.moments;
    if (!m) return 'Loss landscape: no data.';
    const path = this.path;
    const end = path.at(-1);
    const run = end
      ? ` This run's path: ${this.points.length} epochs, from slope ${path[0].slope.toFixed(4)}, intercept ${path[0].intercept.toFixed(4)} to slope ${end.slope.toFixed(4)}, intercept ${end.intercept.toFixed(4)} (MSE ${formatLoss(mseAt(m, end))}).`
      : ' No training run yet.';
    const previous = this.previousPath.length > 0 ? ` The previous run's path is drawn faded.` : '';
    return `Loss landscape: training MSE over slope and intercept (${columnLabel(this.targetName)} against ${columnLabel(this.featureName)}), exact optimum at ${this.optimumText()}.${run}${previous}`;
  }

  /** The table view: this run's path, at most about 50 epochs of it, evenly spread, and the last. */
  private tableRows(): string[][] {
    const m = this.moments;
    if (!m) return [];
    const withLine = this.points.filter((p) => p.line);
    const stride = Math.max(1, Math.ceil(withLine.length / 50));
    const shown = withLine.filter((_, i) => i % stride === 0 || i === withLine.length - 1);
    return shown.map((p) => [String(p.epoch), p.line!.slope.toFixed(4), p.line!.intercept.toFixed(4), formatLoss(mseAt(m, p.line!))]);
  }

  protected override render() {
    return html`<div class="toolbar">
        <span>${this.moments ? html`Exact optimum: <span data-optimum-text>${this.optimumText()}</span>` : ''}</span>
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
