/**
 * The rows on the device, kept between runs: a run on rows the device already holds starts without
 * uploading them again. Uploading is a large share of a short run on a software adapter (a million rows
 * × 64 features, 256 MB, took about 0.55 s against about 0.3 s per epoch; × 16, 0.1 s against 0.08 s),
 * and the app trains the same rows again and again (another learning rate, Continue, Train again).
 *
 * The buffers are outside TF.js's pool: each run wraps them in tensors that do not own them
 * (`zeroCopy`), so a run's tensors come and go as before. The last few row sets stay: a run holds its
 * own (training and validation) until it is disposed, and a set whose rows were collected, or that
 * fell out of the last `KEPT_SETS`, is destroyed at the next run.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RowLayout } from './fused-programs.ts';
import { deviceRows, type FeatureRows } from './fused-rows.ts';
import { webgpuDevice } from './webgpu-queue.ts';

/** Row sets kept when no run holds them: a run's training and validation rows. */
const KEPT_SETS = 2;

interface Entry {
  rows: WeakRef<Float32Array>;
  key: string;
  device: GPUDevice;
  x: GPUBuffer;
  y: GPUBuffer;
  xShape: [number, number];
  yLength: number;
  /** Runs holding the set now. */
  holders: number;
}

/** Most recently used last. */
let entries: Entry[] = [];

function upload(device: GPUDevice, values: Float32Array): GPUBuffer {
  const buffer = device.createBuffer({
    size: values.byteLength,
    // What TF.js asks of a tensor it wraps; COPY_DST for the write.
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(buffer, 0, values);
  return buffer;
}

function destroy(entry: Entry): void {
  entry.x.destroy();
  entry.y.destroy();
}

/** Destroys sets no run holds whose rows are gone, and the oldest others beyond KEPT_SETS. */
function prune(): void {
  const kept: Entry[] = [];
  let idle = entries.filter((entry) => entry.holders === 0 && entry.rows.deref() !== undefined).length;
  for (const entry of entries) {
    const stale = entry.rows.deref() === undefined;
    if (entry.holders === 0 && (stale || idle > KEPT_SETS)) {
      if (!stale) idle--;
      destroy(entry);
    } else kept.push(entry);
  }
  entries = kept;
}

export interface ResidentRows {
  /** X and y as tensors over the kept buffers (the runner disposes them; the buffers stay). */
  x: tf.Tensor;
  y: tf.Tensor;
  /** The run is done with the rows (call once, after disposing the tensors). */
  release(): void;
}

/** The rows in `layout` on TF.js's WebGPU device, uploaded only when the device does not hold them yet. */
export function residentRows(rows: FeatureRows, features: number, layout: RowLayout): ResidentRows {
  const device = webgpuDevice();
  const key = `${layout}:${features}:${rows.y.length}`;
  let entry = entries.find((e) => e.rows.deref() === rows.x && e.key === key && e.device === device);
  if (entry) {
    entries = [...entries.filter((e) => e !== entry), entry];
  } else {
    const laid = deviceRows(rows, features, layout);
    entry = {
      rows: new WeakRef(rows.x),
      key,
      device,
      x: upload(device, laid.x),
      y: upload(device, laid.y),
      xShape: laid.xShape,
      yLength: laid.y.length,
      holders: 0,
    };
    entries.push(entry);
  }
  entry.holders++;
  prune();
  const held = entry;
  let released = false;
  return {
    x: tf.tensor({ buffer: held.x, zeroCopy: true }, held.xShape, 'float32'),
    y: tf.tensor({ buffer: held.y, zeroCopy: true }, [held.yLength], 'float32'),
    release() {
      if (released) return;
      released = true;
      held.holders--;
      prune();
    },
  };
}
