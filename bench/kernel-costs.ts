/**
 * What one pass over the rows costs on the device, apart from everything else an epoch does: the fused
 * partial-sums pass alone, and three stripped programs beside it. Runs in the bench worker; the driver
 * reads the GPU process's CPU time around each call (bench/gpu-process-cpu.ts), so a pass's cost is
 * also known as CPU time per row and feature, which a loaded machine changes far less than wall time.
 *
 * - `fused`: the project's partial-sums pass (`PartialsProgram`, the shape `chooseKernels` picks).
 * - `probe`: the issue's probe shape, as plainly as it can be written: X column-major, each invocation
 *   its own run of rows, 4 rows at a time as vec4s, all d + 2 running sums in registers, no masks.
 * - `loads`: the same program reading X and y and adding them up, without the residuals.
 * - `arithmetic`: the same program computing the residuals and sums on made-up values, reading nothing.
 *
 * The stripped programs' sums are meaningless; they only time what they keep.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import { chooseBackend } from '../src/tfjs-browser/backend.ts';
import { BLOCK_ROWS, groupLayout, PARTIALS_UNIFORMS, PartialsProgram, stateLayout } from '../src/tfjs-browser/fused-programs.ts';
import { deviceRows } from '../src/tfjs-browser/fused-rows.ts';
import { chooseKernels } from '../src/tfjs-browser/kernel-choice.ts';
import { settleWebgpuQueue, webgpuBackend } from '../src/tfjs-browser/webgpu-queue.ts';
import type { KernelCostResult, KernelVariant } from './kernel-variants.ts';

const lines = (count: number, code: (k: number) => string, separator = '\n      '): string =>
  Array.from({ length: count }, (_, k) => code(k)).join(separator);

/** The probe-shaped pass and its stripped forms: one record of d + 2 sums per invocation. */
class ProbeShapeProgram implements WebGPUProgram {
  variableNames = ['X', 'Y', 'W'];
  variableComponents = [4, 4, 1];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms = 'stride : i32, blocks : i32,';

  constructor(
    private readonly variant: Exclude<KernelVariant, 'fused'>,
    private readonly features: number,
    private readonly lanes: number,
    groups: number,
  ) {
    this.outputShape = [groups * lanes * (features + 2)];
    this.dispatch = [groups, 1, 1];
    this.workgroupSize = [lanes, 1, 1];
    this.shaderKey = `bmiBenchProbe_${variant}_${features}_${lanes}`;
  }

  getUserCode(): string {
    const d = this.features;
    const x = (j: number): string =>
      this.variant === 'arithmetic' ? `vec4<f32>(f32((q + ${j}) & 255)) * vec4<f32>(0.01, 0.02, 0.03, 0.04)` : `X[q + ${j} * stride]`;
    const y = this.variant === 'arithmetic' ? 'vec4<f32>(0.5)' : 'Y[q]';
    const body =
      this.variant === 'loads'
        ? `s0 += ${lines(d, (j) => `x${j}`, ' + ')} + ${y} + vec4<f32>(b);`
        : [
            `let r = ${lines(d, (j) => `w${j} * x${j}`, ' + ')} + vec4<f32>(b) - ${y};`,
            ...Array.from({ length: d }, (_, j) => `s${j} += r * x${j};`),
            `s${d} += r;`,
            `s${d + 1} += r * r;`,
          ].join('\n        ');
    return `
  fn main(index : i32) {
    let invocation = i32(workgroupId.x) * ${this.lanes} + i32(localIndex);
    ${lines(d, (j) => `let w${j} = W[${j}];`, ' ')}
    let b = W[${d}];
    ${lines(d + 2, (j) => `var s${j} = vec4<f32>(0.0); var t${j} = vec4<f32>(0.0);`, ' ')}
    let stride = uniforms.stride;
    let first = invocation * uniforms.blocks * ${BLOCK_ROWS / 4};
    for (var block = 0; block < uniforms.blocks; block++) {
      for (var i = 0; i < ${BLOCK_ROWS / 4}; i++) {
        let q = first + block * ${BLOCK_ROWS / 4} + i;
        ${lines(d, (j) => `let x${j} = ${x(j)};`, '\n        ')}
        ${body}
      }
      ${lines(d + 2, (j) => `t${j} += s${j}; s${j} = vec4<f32>(0.0);`, ' ')}
    }
    ${this.variant === 'arithmetic' ? 't0 += X[0] + Y[0];' : ''}
    let out = invocation * ${d + 2};
    ${lines(d + 2, (j) => `result[out + ${j}] = dot(t${j}, vec4<f32>(1.0));`, ' ')}
  }`;
  }
}

/** `length` values in [-1, 1) from a seeded linear congruential generator: fast enough for 64M values. */
function noise(length: number, seed: number): Float32Array {
  const values = new Float32Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = state / 2 ** 31 - 1;
  }
  return values;
}

/**
 * `passes` passes of `variant` over `rows` × `features` seeded rows, after one that compiles and
 * uploads; wall time per pass. The driver calls it twice (few and many passes) and takes the
 * difference, so the upload and the first pass drop out of the CPU time it reads.
 */
export async function kernelCost(variant: KernelVariant, rows: number, features: number, passes: number): Promise<KernelCostResult> {
  const choice = await chooseBackend({ preferred: 'webgpu' });
  if (choice.name !== 'webgpu' || !choice.device) throw new Error('Kernel costs need WebGPU.');
  const kernels = chooseKernels(choice.device, features);
  const lanes = kernels.workgroupSize;
  const backend = webgpuBackend();
  const run = (program: WebGPUProgram, inputs: tf.Tensor[], uniforms: { type: 'int32'; data: number[] }[]): void => {
    const info = (backend.runWebGPUProgram as (...args: unknown[]) => tf.TensorInfo)(program, inputs, 'float32', uniforms);
    backend.disposeData(info.dataId);
  };
  let pass: () => void;
  let covered = rows;
  let shape: string;
  const tensors: tf.Tensor[] = [];
  if (variant === 'fused') {
    const x = noise(rows * features, 1);
    const y = noise(rows, 2);
    const laid = deviceRows({ x, y }, features, kernels.layout);
    const none = deviceRows({ x: new Float32Array(0), y: new Float32Array(0) }, features, kernels.layout);
    const inputs = [
      tf.tensor2d(laid.x, laid.xShape),
      tf.tensor1d(laid.y),
      tf.tensor2d(none.x, none.xShape),
      tf.tensor1d(none.y),
      tf.tensor1d(new Float32Array(stateLayout(features).size)),
    ];
    tensors.push(...inputs);
    const { blocks } = groupLayout(rows, lanes, kernels.maxGroups, kernels.minBlocks);
    const groups = Math.ceil(rows / (lanes * BLOCK_ROWS * blocks));
    const uniforms = PARTIALS_UNIFORMS.values({
      trainStart: 0,
      trainEnd: rows,
      trainStride: laid.stride,
      valRows: 0,
      valStride: none.stride,
      trainGroups: groups,
      valGroups: 0,
      blocks,
      stateAt: 0,
    }) as { type: 'int32'; data: number[] }[];
    const programShape = { lanes, features, layout: kernels.layout };
    pass = () => run(new PartialsProgram(programShape, groups), inputs, uniforms);
    shape = `${groups} groups of ${lanes}, ${blocks} blocks each, ${kernels.layout}`;
  } else {
    const groups = kernels.maxGroups;
    const blocks = Math.ceil(rows / (groups * lanes * BLOCK_ROWS));
    covered = groups * lanes * BLOCK_ROWS * blocks;
    const inputs = [
      tf.tensor1d(noise(covered * features, 1)),
      tf.tensor1d(noise(covered, 2)),
      tf.tensor1d(Float32Array.from({ length: features + 1 }, (_, j) => 0.01 * j)),
    ];
    tensors.push(...inputs);
    const uniforms: { type: 'int32'; data: number[] }[] = [
      { type: 'int32', data: [covered / 4] },
      { type: 'int32', data: [blocks] },
    ];
    pass = () => run(new ProbeShapeProgram(variant, features, lanes, groups), inputs, uniforms);
    shape = `${groups} groups of ${lanes}, ${blocks} blocks each, vec4 columns`;
  }
  try {
    pass();
    await settleWebgpuQueue();
    const start = performance.now();
    for (let i = 0; i < passes; i++) pass();
    await settleWebgpuQueue();
    return { ms: (performance.now() - start) / passes, rows: covered, shape };
  } finally {
    tf.dispose(tensors);
  }
}
