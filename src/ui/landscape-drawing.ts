/**
 * The loss landscape's canvas drawing: the heat map with its contour lines and axes (drawn once per
 * window and size), and over it the optimizer's paths and the optimum's cross. Every position comes
 * from one `LandscapeFrame`, every colour of the heat map from `heatColour`: cells, lines and marks
 * that overflow are drawn at the scale's top or far off the canvas, never as an exception.
 */
import type { ContourMultiPolygon } from 'd3-contour';
import type { Line } from '../core/model/predict.ts';
import { contourLevels, type LossGrid } from '../core/stats/loss-landscape.ts';
import { heatColour } from '../core/view/heat-scale.ts';
import type { LandscapeFrame } from '../core/view/landscape-frame.ts';
import { niceTicks, tickLabels } from '../core/view/tick-labels.ts';

/** The colours and words of the axes. */
export interface AxisStyle {
  text: string;
  border: string;
  slopeLabel: string;
  interceptLabel: string;
  /** Room under the plot area for the tick labels and the axis name (CSS px). */
  bottomMargin: number;
}

/** A path of lines (in the space's units) and how it is drawn. */
export interface PathStyle {
  stroke: string;
  width: number;
  dash: number[];
  alpha: number;
}

/**
 * The heat map, contours and axes on a new canvas of `width` × `height` device pixels (`ratio` device
 * pixels per CSS pixel); `optimumMse` is the lowest MSE, where the contour levels start. Drawn in
 * steps with `pause()` before each contour level: together they take tens of milliseconds on a phone,
 * each alone a few (the heat map is a step of its own too). d3-contour loads with the first
 * background, not with the page.
 */
export async function drawBackground(
  grid: LossGrid,
  frame: LandscapeFrame,
  optimumMse: number,
  size: { width: number; height: number; ratio: number },
  axes: AxisStyle,
  pause: () => Promise<void>,
): Promise<HTMLCanvasElement> {
  const { contours } = await import('d3-contour');
  await pause();
  const background = document.createElement('canvas');
  background.width = size.width;
  background.height = size.height;
  const ctx = background.getContext('2d')!;
  ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
  drawHeatMap(ctx, grid, frame);
  // Contour lines: d3-contour's marching squares over the same grid, one level at a time.
  const contour = contours().size([grid.columns, grid.rows]);
  // Cells that overflow count as higher than every level.
  const values = Array.from(grid.values, (value) => (Number.isFinite(value) ? value : grid.max));
  for (const level of contourLevels(optimumMse, grid.max, 9)) {
    await pause();
    drawContour(ctx, grid, frame, contour.contour(values, level));
  }
  drawAxes(ctx, frame, axes);
  return background;
}

function drawHeatMap(ctx: CanvasRenderingContext2D, grid: LossGrid, frame: LandscapeFrame): void {
  const cells = document.createElement('canvas');
  cells.width = grid.columns;
  cells.height = grid.rows;
  const image = cells.getContext('2d')!.createImageData(grid.columns, grid.rows);
  const pixels = image.data;
  for (let i = 0; i < grid.values.length; i++) {
    const [r, g, b] = heatColour(grid.values[i], grid.min, grid.max);
    pixels[i * 4] = r;
    pixels[i * 4 + 1] = g;
    pixels[i * 4 + 2] = b;
    pixels[i * 4 + 3] = 255;
  }
  cells.getContext('2d')!.putImageData(image, 0, 0);
  const { left, top, width, height } = frame.area;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, left, top, width, height);
}

/** One contour line (grid coordinates), clipped to the plot area. */
function drawContour(ctx: CanvasRenderingContext2D, grid: LossGrid, frame: LandscapeFrame, contour: ContourMultiPolygon): void {
  ctx.save();
  clipToArea(ctx, frame);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.45)';
  ctx.lineWidth = 1;
  for (const polygon of contour.coordinates) {
    for (const ring of polygon) {
      ctx.beginPath();
      ring.forEach(([gx, gy], i) => {
        const [x, y] = frame.pixelAt(gx / grid.columns, gy / grid.rows);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.stroke();
    }
  }
  ctx.restore();
}

function drawAxes(ctx: CanvasRenderingContext2D, frame: LandscapeFrame, axes: AxisStyle): void {
  const { bounds } = frame;
  const { left, top, width, height } = frame.area;
  ctx.fillStyle = axes.text;
  ctx.strokeStyle = axes.border;
  ctx.font = '11px system-ui, sans-serif';
  const xTicks = niceTicks(bounds.slope.min, bounds.slope.max, Math.max(3, Math.floor(width / 80)));
  const yTicks = niceTicks(bounds.intercept.min, bounds.intercept.max, 5);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  tickLabels(xTicks).forEach((label, i) => {
    const x = frame.x(xTicks[i]);
    ctx.fillRect(x, top + height, 1, 4);
    ctx.fillText(label, x, top + height + 6);
  });
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  tickLabels(yTicks).forEach((label, i) => {
    const y = frame.y(yTicks[i]);
    ctx.fillRect(left - 4, y, 4, 1);
    ctx.fillText(label, left - 6, y);
  });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(axes.slopeLabel, left + width / 2, top + height + axes.bottomMargin);
  ctx.save();
  ctx.translate(12, top + height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(axes.interceptLabel, 0, 0);
  ctx.restore();
}

function clipToArea(ctx: CanvasRenderingContext2D, frame: LandscapeFrame): void {
  const { left, top, width, height } = frame.area;
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
}

/**
 * The background copied onto the canvas, then, clipped to the plot area, each path (a line through
 * its steps, the start as a hollow circle, the latest weights as a dot; later paths on top) and the
 * optimum's cross (none for a slice without one). `ctx` draws in device pixels; `ratio` device pixels per CSS pixel.
 */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  background: HTMLCanvasElement,
  ratio: number,
  frame: LandscapeFrame,
  paths: readonly { path: readonly Line[]; style: PathStyle }[],
  optimum: Line | undefined,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.drawImage(background, 0, 0);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.save();
  clipToArea(ctx, frame);
  for (const { path, style } of paths) drawPath(ctx, frame, path, style);
  if (optimum) drawOptimum(ctx, frame.position(optimum));
  ctx.restore();
}

function drawPath(ctx: CanvasRenderingContext2D, frame: LandscapeFrame, path: readonly Line[], style: PathStyle): void {
  if (path.length === 0) return;
  ctx.save();
  ctx.globalAlpha = style.alpha;
  ctx.strokeStyle = style.stroke;
  ctx.fillStyle = style.stroke;
  ctx.lineWidth = style.width;
  ctx.setLineDash(style.dash);
  ctx.beginPath();
  path.forEach((line, i) => {
    const [x, y] = frame.position(line);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
  ctx.setLineDash([]);
  const [sx, sy] = frame.position(path[0]);
  ctx.beginPath();
  ctx.arc(sx, sy, 4, 0, 2 * Math.PI);
  ctx.stroke();
  const [ex, ey] = frame.position(path.at(-1)!);
  ctx.beginPath();
  ctx.arc(ex, ey, 3.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.restore();
}

function drawOptimum(ctx: CanvasRenderingContext2D, [x, y]: [number, number]): void {
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
