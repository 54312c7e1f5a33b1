/**
 * The rows as the fused programs read them, and the rows' constants their loss identity needs: both
 * computed on the host once per column block (a data set's standardized columns are remembered per
 * data set and never change in place), since at a million rows × 64 features the transposition and
 * mean(x xᵀ) take longer than several epochs.
 */
import { elementFloats, featureVec4s, type RowLayout } from './fused-programs.ts';

/** Standardized rows: feature j of row i at `x[j * rows + i]` (column-major), float32 as the device holds them. */
export interface FeatureRows {
  x: Float32Array;
  y: Float32Array;
}

/** Rows padded to whole vec4s (at least one), so every vec4 load stays inside the buffer. */
export const paddedRows = (rows: number): number => Math.max(4, Math.ceil(rows / 4) * 4);

export interface DeviceRows {
  /** X in the layout's order, padded with zeros. */
  x: Float32Array;
  xShape: [number, number];
  /** y padded with zeros to whole vec4s. */
  y: Float32Array;
  /** Elements of X as the layout's programs read them (vec4s or floats) from one feature's column to the next (0 for row-major). */
  stride: number;
}

function layOut(rows: FeatureRows, features: number, layout: RowLayout): DeviceRows {
  const n = rows.y.length;
  const padded = paddedRows(n);
  const y = new Float32Array(padded);
  y.set(rows.y);
  if (layout !== 'rows') {
    const x = new Float32Array(features * padded);
    for (let j = 0; j < features; j++) x.set(rows.x.subarray(j * n, (j + 1) * n), j * padded);
    return { x, xShape: [features, padded], y, stride: padded / elementFloats(layout) };
  }
  const width = featureVec4s(features) * 4;
  const x = new Float32Array(padded * width);
  for (let j = 0; j < features; j++) {
    const column = rows.x.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) x[i * width + j] = column[i];
  }
  return { x, xShape: [padded, width], y, stride: 0 };
}

const laidOut = new WeakMap<Float32Array, Map<string, DeviceRows>>();

/** The rows in `layout`, once per column block and layout. */
export function deviceRows(rows: FeatureRows, features: number, layout: RowLayout): DeviceRows {
  let known = laidOut.get(rows.x);
  if (!known) laidOut.set(rows.x, (known = new Map<string, DeviceRows>()));
  const key = `${layout}:${features}:${rows.y.length}`;
  let value = known.get(key);
  if (!value) known.set(key, (value = layOut(rows, features, layout)));
  return value;
}

export interface RowMoments {
  /** mean(xⱼ) of every feature. */
  meanX: Float64Array;
  /** mean(xⱼ xₖ), features × features, row-major. */
  meanXX: Float64Array;
}

/** Rows per block of the cross products: a block of every column stays in the cache while all pairs use it. */
const MOMENT_BLOCK = 2048;

function momentsOf(x: Float32Array, rows: number, features: number): RowMoments {
  const meanX = new Float64Array(features);
  const meanXX = new Float64Array(features * features);
  for (let start = 0; start < rows; start += MOMENT_BLOCK) {
    const end = Math.min(rows, start + MOMENT_BLOCK);
    for (let j = 0; j < features; j++) {
      const a = j * rows;
      let sum = 0;
      for (let i = start; i < end; i++) sum += x[a + i];
      meanX[j] += sum;
      for (let k = 0; k <= j; k++) {
        const b = k * rows;
        let products = 0;
        for (let i = start; i < end; i++) products += x[a + i] * x[b + i];
        meanXX[j * features + k] += products;
      }
    }
  }
  const n = Math.max(1, rows);
  for (let j = 0; j < features; j++) {
    meanX[j] /= n;
    for (let k = 0; k <= j; k++) {
      const value = meanXX[j * features + k] / n;
      meanXX[j * features + k] = value;
      meanXX[k * features + j] = value;
    }
  }
  return { meanX, meanXX };
}

const knownMoments = new WeakMap<Float32Array, { rows: number; features: number; value: RowMoments }>();

/** mean(x) and mean(x xᵀ) of the rows in float64, once per column block. */
export function rowMoments(rows: FeatureRows, features: number): RowMoments {
  const n = rows.y.length;
  const known = knownMoments.get(rows.x);
  if (known?.rows === n && known.features === features) return known.value;
  const value = momentsOf(rows.x, n, features);
  knownMoments.set(rows.x, { rows: n, features, value });
  return value;
}
