/**
 * The base of the plots whose points are rows of the data (the scatter plot, residuals vs fitted):
 * a tooltip for the point under the pointer or keyboard focus (its name, values, prediction and
 * residual), labels for marked rows (the furthest from the line), a ring on the selected row, and
 * selection by click or Enter. A big data set is drawn as an even sample; marked and selected rows
 * are drawn and found even when the sample left them out.
 */
import type uPlot from 'uplot';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { columnLabel } from '../core/data/columns.ts';
import type { Dataset } from '../core/data/dataset.ts';
import { axisRange, finiteOrGap } from '../core/view/axis-range.ts';
import { sampledRowsOf } from '../core/view/display-sample.ts';
import { describePoint, planeOnData, pointFacts, pointName, rowOfLabel } from '../core/view/point-text.ts';
import { featureColumns } from '../core/data/feature-columns.ts';
import type { Hyperplane, Line } from '../core/model/predict.ts';
import { predictRow } from '../core/stats/partial-fit.ts';
import { PointSelectEvent } from './point-events.ts';
import { UplotChart, type ColorOf } from './uplot-chart.ts';
import { truncate } from './truncate.ts';
import { visuallyHidden } from './visually-hidden.ts';
import './chart-table.ts';

/** How near (CSS px) the pointer must be to a point to show it. */
const HOVER_RADIUS = 12;
/** The most rows a table view lists. */
const TABLE_ROWS = 500;

/** Rows sorted by a value of theirs (their fitted value), ascending; rows without a finite one last. */
export function rowsInFittedOrder(rows: Uint32Array, fitted: (row: number) => number): Uint32Array {
  // Positions sorted by a typed array of the values: no map lookups in the comparator.
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = fitted(rows[i]);
    values[i] = Number.isFinite(value) ? value : Infinity;
  }
  const order = Uint32Array.from(rows.keys()).sort((a, b) => values[a] - values[b] || a - b);
  return order.map((position) => rows[position]);
}

export abstract class PointChart extends UplotChart {
  static override styles = [
    ...UplotChart.styles,
    css`
      .wrap {
        position: relative;
        border-radius: 6px;
      }
      .wrap:focus-visible {
        outline: 3px solid var(--bp-accent);
        outline-offset: 2px;
      }
      .tooltip {
        position: absolute;
        z-index: 2;
        pointer-events: none;
        background: var(--bp-surface);
        color: var(--bp-text);
        border: 1px solid var(--bp-control-border);
        border-radius: 6px;
        padding: 0.35rem 0.5rem;
        font-size: 0.8rem;
        line-height: 1.35;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
        white-space: nowrap;
      }
      /* A long name is cut (the whole of it is in the announcement below the plot). */
      .tooltip {
        max-width: min(20rem, 80vw);
      }
      .tooltip strong {
        display: block;
      }
      /* A legend entry naming a point ("Refitted without …") is cut too. */
      .u-legend .u-label {
        display: inline-block;
        max-width: 30rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        vertical-align: bottom;
      }
      .tooltip dl {
        display: grid;
        grid-template-columns: auto auto;
        gap: 0 0.6rem;
        margin: 0.15rem 0 0;
      }
      .tooltip dt {
        color: var(--bp-muted);
      }
      .tooltip dd {
        margin: 0;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
    visuallyHidden,
    truncate,
  ];

  @property({ attribute: false }) data: Dataset | null = null;
  /** The current line in raw units (training's live line or the model's), or null. */
  @property({ attribute: false }) line: Line | null = null;
  /** Rows labelled on the plot, e.g. the five furthest from the line. */
  @property({ attribute: false }) marked: readonly number[] = [];
  /** The selected row, or null. */
  @property({ attribute: false }) selected: number | null = null;

  /** The row the tooltip shows: under the pointer, or focused with the keyboard. */
  @state() protected active: number | null = null;
  private activeBy: 'pointer' | 'keyboard' | undefined;
  /** Position of the keyboard's point in `drawnRows`. */
  private keyboardAt = -1;
  /** The sampled rows in ascending x, recomputed when the data changes. */
  protected rowsByX: Uint32Array = new Uint32Array();
  /** The rows drawn, in the order of the chart's x values. */
  protected drawnRows: Uint32Array = new Uint32Array();
  /** Every feature column of the data, in order (one with one feature). */
  protected columns: Float64Array[] = [];
  /** The line as a plane over the data's features, or null without one (or of other columns). */
  protected plane: Hyperplane | null = null;

  /** The row's position in the chart's own coordinates, e.g. (x, y) or (fitted, residual). */
  protected abstract plotPoint(row: number): [number, number];
  /** Which of `rowsByX` are drawn, in ascending chart x. */
  protected orderRows(rowsByX: Uint32Array): Uint32Array {
    return rowsByX;
  }
  /** The table view's caption. */
  protected abstract tableCaption(): string;
  /** The column whose ascending order the drawn rows are sampled in: the first feature. */
  protected sampledColumn(data: Dataset): Float64Array {
    return data.x;
  }

  /**
   * The plane's prediction for a row (for one feature exactly slope·x + intercept); NaN without a line.
   * Kept per row until the line changes: ordering, drawing and the table each ask for the same rows,
   * and a sampled row of a big table reads every feature column far from the last (at a million rows
   * and 16 features, computing them anew each time took most of a 100 ms task per epoch drawn).
   */
  protected fittedAt(row: number): number {
    if (!this.plane) return Number.NaN;
    let value = this.fittedRows.get(row);
    if (value === undefined) {
      value = predictRow(this.plane, this.columns, row);
      this.fittedRows.set(row, value);
    }
    return value;
  }
  private fittedRows = new Map<number, number>();

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('data') || changed.has('line')) {
      this.columns = this.data ? featureColumns(this.data).map((column) => column.values) : [];
      this.plane = this.data ? planeOnData(this.data, this.line) : null;
      this.fittedRows.clear();
    }
    if (changed.has('data')) {
      this.rowsByX = this.data ? sampledRowsOf(this.sampledColumn(this.data)) : new Uint32Array();
      this.active = null;
      this.keyboardAt = -1;
      // Axis labels follow the chosen columns.
      this.rebuildOnNextUpdate();
    }
    if (changed.has('data') || changed.has('line')) this.drawnRows = this.orderRows(this.rowsByX);
  }

  /**
   * The series of the drawn points: x values and y values, in `drawnRows` order. A point whose place is
   * not a finite number (a fitted value that overflows for a diverging line) is left out of the y
   * series, and its x becomes its neighbour's: uPlot's x values must be finite and in order.
   */
  protected pointSeries(): [number[], (number | null)[]] {
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    for (const row of this.drawnRows) {
      const [px, py] = this.plotPoint(row);
      const finite = Number.isFinite(px);
      xs.push(finite ? px : (xs.at(-1) ?? 0));
      ys.push(finite ? finiteOrGap(py) : null);
    }
    return [xs, ys];
  }

  /** The first row with this label, or -1 (e.g. to find "Tonga"). */
  rowNamed(label: string): number {
    return this.data ? rowOfLabel(this.data, label) : -1;
  }

  /** Where a row is drawn, in client (viewport) pixels; undefined before the plot is drawn. */
  pointPosition(row: number): { x: number; y: number } | undefined {
    const plot = this.plot;
    if (!plot || !this.data || row < 0 || row >= this.data.x.length) return undefined;
    const [px, py] = this.plotPoint(row);
    const box = plot.over.getBoundingClientRect();
    return { x: box.left + plot.valToPos(px, 'x'), y: box.top + plot.valToPos(py, 'y') };
  }

  /** The drawn, marked or selected row nearest to a point of the plot area (CSS px), within reach. */
  private rowNear(plot: uPlot, left: number, top: number): number | null {
    let best: number | null = null;
    let bestDistance = HOVER_RADIUS * HOVER_RADIUS;
    const consider = (row: number) => {
      const [px, py] = this.plotPoint(row);
      const dx = plot.valToPos(px, 'x') - left;
      const dy = plot.valToPos(py, 'y') - top;
      const distance = dx * dx + dy * dy;
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = row;
      }
    };
    for (const row of this.drawnRows) consider(row);
    for (const row of this.marked) consider(row);
    if (this.selected !== null) consider(this.selected);
    return best;
  }

  /**
   * Scales with a margin on both sides, so points at the extremes are drawn whole and can be pointed at.
   * `alsoShow` gives values each axis must reach besides the data's (read whenever the data is set).
   * Any finite values give an axis uPlot can divide into ticks (see `axisRange`); others are ignored.
   */
  protected paddedScales(alsoShow: () => { x: number[]; y: number[] } = () => ({ x: [], y: [] })): uPlot.Scales {
    const pad =
      (axis: 'x' | 'y'): uPlot.Range.Function =>
      (_, dataMin, dataMax) => {
        const values = [dataMin, dataMax, ...alsoShow()[axis]].filter((value) => Number.isFinite(value));
        return values.length === 0 ? axisRange(null, null) : axisRange(Math.min(...values), Math.max(...values));
      };
    return { x: { time: false, range: pad('x') }, y: { range: pad('y') } };
  }

  /** The uPlot plugin: pointer tracking on the plot area and the marks drawn over the points. */
  /** The rows as dots in the points' colour, with no line between them: every point chart's main series. */
  protected dotsSeries(label: string, color: ColorOf): uPlot.Series {
    const points = color('--bp-points');
    return { label, stroke: points, fill: points, paths: () => null, points: { show: true, size: 6, stroke: points, fill: points } };
  }

  protected pointPlugin(color: ColorOf): uPlot.Plugin {
    return {
      hooks: {
        ready: [
          (plot) => {
            plot.over.addEventListener('mousemove', (event) => {
              const row = this.rowNear(plot, event.offsetX, event.offsetY);
              if (row !== null || this.activeBy === 'pointer') this.show(row, row === null ? undefined : 'pointer');
            });
            plot.over.addEventListener('mouseleave', () => {
              if (this.activeBy === 'pointer') this.show(null);
            });
            plot.over.addEventListener('click', (event) => {
              const row = this.rowNear(plot, event.offsetX, event.offsetY);
              if (row !== null || this.selected !== null) this.dispatchEvent(new PointSelectEvent(row));
            });
          },
        ],
        draw: [(plot) => this.drawMarks(plot, color)],
      },
    };
  }

  private drawMarks(plot: uPlot, color: ColorOf): void {
    const data = this.data;
    if (!data) return;
    const { ctx } = plot;
    const ratio = devicePixelRatio;
    const at = (row: number): [number, number] => {
      const [px, py] = this.plotPoint(row);
      return [plot.valToPos(px, 'x', true), plot.valToPos(py, 'y', true)];
    };
    const ring = (row: number, radius: number, stroke: string, width: number) => {
      const [cx, cy] = at(row);
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
      ctx.beginPath();
      ctx.arc(cx, cy, radius * ratio, 0, 2 * Math.PI);
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width * ratio;
      ctx.stroke();
    };
    ctx.save();
    const { left, top, width, height } = plot.bbox;
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.font = `${12 * ratio}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    // uPlot leaves its axes' alignment on the context.
    ctx.textAlign = 'left';
    const taken: [number, number, number, number][] = [];
    const overlaps = (x: number, y: number, w: number, h: number) =>
      taken.some(([tx, ty, tw, th]) => x < tx + tw && tx < x + w && y < ty + th && ty < y + h);
    for (const row of this.marked) {
      ring(row, 5, color('--bp-text'), 1.5);
      const [cx, cy] = at(row);
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
      const text = pointName(data, row);
      const textWidth = ctx.measureText(text).width;
      const lineHeight = 14 * ratio;
      // Labels go right of the point, or left near the right edge; a label that would cover another
      // moves down a line, then up, but not out of the plot (where the clip would hide it).
      const x = cx + 8 * ratio + textWidth > left + width ? cx - 8 * ratio - textWidth : cx + 8 * ratio;
      let y = cy;
      for (const shift of [0, 1, -1, 2, -2]) {
        const at = cy + shift * lineHeight;
        if (shift !== 0 && (at < top || at > top + height)) continue;
        y = at;
        if (!overlaps(x, y - lineHeight / 2, textWidth, lineHeight)) break;
      }
      taken.push([x, y - lineHeight / 2, textWidth, lineHeight]);
      ctx.lineWidth = 3 * ratio;
      ctx.strokeStyle = color('--bp-surface');
      ctx.strokeText(text, x, y);
      ctx.fillStyle = color('--bp-text');
      ctx.fillText(text, x, y);
    }
    if (this.selected !== null) ring(this.selected, 7, color('--bp-accent'), 3);
    if (this.active !== null) ring(this.active, 6, color('--bp-text'), 2);
    ctx.restore();
  }

  private show(row: number | null, by?: 'pointer' | 'keyboard'): void {
    this.active = row;
    this.activeBy = row === null ? undefined : by;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.drawnRows.length;
    if (count === 0) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
    let at = this.keyboardAt;
    if (event.key in moves) at = at < 0 ? 0 : Math.min(count - 1, Math.max(0, at + moves[event.key]));
    else if (event.key === 'Home') at = 0;
    else if (event.key === 'End') at = count - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      if (this.active !== null) this.dispatchEvent(new PointSelectEvent(this.active));
      event.preventDefault();
      return;
    } else if (event.key === 'Escape') {
      if (this.selected !== null) this.dispatchEvent(new PointSelectEvent(null));
      return;
    } else return;
    event.preventDefault();
    this.keyboardAt = at;
    this.show(this.drawnRows[at], 'keyboard');
  }

  private onFocus(event: FocusEvent): void {
    // A click focuses the plot too: only keyboard focus shows a point without the pointer on it.
    if (!(event.target as HTMLElement).matches(':focus-visible')) return;
    // Back where the keyboard left off, else the selected point, else the first.
    if (this.keyboardAt < 0) {
      const selectedAt = this.selected === null ? -1 : this.drawnRows.indexOf(this.selected);
      this.keyboardAt = Math.max(0, selectedAt);
    }
    const row = this.drawnRows[this.keyboardAt];
    if (row !== undefined) this.show(row, 'keyboard');
  }

  private onBlur(): void {
    if (this.activeBy === 'keyboard') this.show(null);
  }

  private renderTooltip() {
    const { plot, data, active } = this;
    if (!plot || !data || active === null || active >= data.x.length) return nothing;
    const [px, py] = this.plotPoint(active);
    const x = plot.over.offsetLeft + plot.valToPos(px, 'x');
    const y = plot.over.offsetTop + plot.valToPos(py, 'y');
    if (!Number.isFinite(x) || !Number.isFinite(y)) return nothing;
    const { name, facts } = pointFacts(data, active, this.line);
    // Right of the point, or left of it in the right half; above it in the lower half.
    const flip = x > plot.over.offsetLeft + plot.over.clientWidth / 2;
    const style = `${flip ? `right: calc(100% - ${x - 14}px)` : `left: ${x + 14}px`}; ${y > this.chartHeight / 2 ? `bottom: calc(100% - ${y - 8}px)` : `top: ${y + 8}px`}`;
    return html`<div class="tooltip" role="tooltip" data-tooltip style=${style}>
      <strong class="truncate">${name}</strong>
      <dl>${facts.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
    </div>`;
  }

  /** The table view's rows: every drawn row (up to 500) in data order. */
  private tableRows(): string[][] {
    const data = this.data;
    if (!data) return [];
    const rows = Array.from(this.rowsByX)
      .sort((a, b) => a - b)
      .slice(0, TABLE_ROWS);
    return rows.map((row) => {
      const { name, facts } = pointFacts(data, row, this.line);
      return [name, ...facts.map(([, value]) => value)];
    });
  }

  private tableColumns(): string[] {
    const data = this.data;
    if (!data) return [];
    return [
      data.labelName ?? 'Row',
      ...featureColumns(data).map((column) => columnLabel(column.name)),
      columnLabel(data.targetName),
      ...(this.plane ? ['Predicted', 'Residual'] : []),
    ];
  }

  private tableNote(): string {
    const rows = this.data?.x.length ?? 0;
    const listed = Math.min(this.rowsByX.length, TABLE_ROWS);
    return listed < rows ? `${listed.toLocaleString('en')} of ${rows.toLocaleString('en')} rows listed (an even sample).` : '';
  }

  protected override render() {
    const active = this.active !== null && this.data ? describePoint(this.data, this.active, this.line) : '';
    return html`<div
        class="wrap"
        tabindex=${this.data ? 0 : -1}
        role="group"
        aria-label=${this.tableCaption()}
        aria-describedby="keys"
        @keydown=${this.onKeyDown}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
      >
        <div class="chart" role="img" aria-label=${this.description()}></div>
        ${this.renderTooltip()}
      </div>
      <p id="keys" class="sr-only">Arrow keys move between the points, Enter selects one, Escape clears the selection.</p>
      <p class="sr-only" aria-live="polite" data-active>${active}</p>
      <chart-table caption=${this.tableCaption()} .columns=${this.tableColumns()} .rows=${() => this.tableRows()} note=${this.tableNote()}></chart-table>`;
  }
}
