/**
 * The fused training programs: WGSL compute shaders run through the WebGPU backend's
 * `runWebGPUProgram`, so TF.js keeps owning the device, its buffers, its command encoder and its
 * pipeline cache. One linear model, MSE loss, standardized rows:
 *
 * - `PartialsProgram` sums r = w·x + b − y, r·x and r² over the training rows (or a batch of them) and
 *   over the validation rows, one vec4 of sums per workgroup, and copies the state it used.
 * - `FinishProgram` (one workgroup) adds the partial sums, applies the SGD or Adam update and writes
 *   the new state with the losses of the UPDATED weights into a slot of the history buffer.
 * - `EpochsProgram` (one workgroup) does both for many epochs in one dispatch, for small data sets.
 *
 * The losses of the updated weights come from the same pass: MSE is quadratic in (w, b), so with
 * Δw = w′ − w and Δb = b′ − b, L(w′, b′) = mean(r²) + 2Δw·mean(r·x) + 2Δb·mean(r) + Δw²·mean(x²)
 * + 2ΔwΔb·mean(x) + Δb², where mean(x) and mean(x²) are constants of the rows (computed in float64).
 *
 * Float32 accuracy comes from blocked two-level summation: each invocation sums blocks of 64 rows
 * (16 vec4 loads), adds block sums, and workgroups add invocations with a tree, so no long serial sum.
 *
 * No program has a `size` field: TF.js reads one as a request for an extra uniform.
 * Program objects are made per call (TF.js rewrites `shaderKey` in place on every run), and every value
 * that changes between calls is a uniform, so each program compiles once per workgroup size.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';

/** Floats per state slot: w, b, Adam's m_w, m_b, v_w, v_b, β1^t, β2^t, train loss, validation loss, 2 spare. */
export const STATE_SIZE = 12;
/** Rows per summation block: 16 vec4 loads. */
export const BLOCK_ROWS = 64;
/** Finish flags: write the incoming state with its own losses first; then apply an update. */
export const MEASURE = 1;
export const UPDATE = 2;

/** The optimizer's constants, the same every call of a run. */
export interface UpdateUniforms {
  adam: boolean;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** mean(x) and mean(x²) of the training and validation rows (standardized), for the loss identity. */
  trainMeanX: number;
  trainMeanXX: number;
  validationMeanX: number;
  validationMeanXX: number;
}

export interface ProgramUniform {
  type: 'int32' | 'float32';
  data: number[];
}

const UPDATE_UNIFORMS =
  'adam : i32, learningRate : f32, beta1 : f32, beta2 : f32, oneMinusBeta1 : f32, oneMinusBeta2 : f32, epsilon : f32, trainMeanX : f32, trainMeanXX : f32, validationMeanX : f32, validationMeanXX : f32,';

export function updateUniformValues(u: UpdateUniforms): ProgramUniform[] {
  const f = (value: number): ProgramUniform => ({ type: 'float32', data: [value] });
  return [
    { type: 'int32', data: [u.adam ? 1 : 0] },
    f(u.learningRate),
    f(u.beta1),
    f(u.beta2),
    // As TF.js's Adam computes them: in float64, then used as float32 constants.
    f(1 - u.beta1),
    f(1 - u.beta2),
    f(u.epsilon),
    f(u.trainMeanX),
    f(u.trainMeanXX),
    f(u.validationMeanX),
    f(u.validationMeanXX),
  ];
}

/** Sums (Σr, Σr·x, Σr², 0) over one block of 64 rows starting at vec4 index `first4`, rows in [lo, hi). */
function blockSumsSnippet(name: string, xs: string, ys: string): string {
  return `
  fn ${name}(first4 : i32, lo : i32, hi : i32, w : f32, b : f32) -> vec4<f32> {
    var s = vec4<f32>(0.0);
    for (var i = 0; i < ${BLOCK_ROWS / 4}; i++) {
      let q = first4 + i;
      if (q * 4 >= hi) { break; }
      let row = vec4<i32>(q * 4) + vec4<i32>(0, 1, 2, 3);
      let inside = (row >= vec4<i32>(lo)) & (row < vec4<i32>(hi));
      let x = ${xs}[q];
      let r = select(vec4<f32>(0.0), w * x + vec4<f32>(b) - ${ys}[q], inside);
      s += vec4<f32>(dot(r, vec4<f32>(1.0)), dot(r, x), dot(r, r), 0.0);
    }
    return s;
  }`;
}

/** Tree sum of `array` over the workgroup; all invocations must reach it. */
function treeSumSnippet(workgroupSize: number, arrays: string[]): string {
  return `
    for (var stride = ${workgroupSize / 2}; stride > 0; stride = stride / 2) {
      workgroupBarrier();
      if (local < stride) {
        ${arrays.map((a) => `${a}[local] = ${a}[local] + ${a}[local + stride];`).join('\n        ')}
      }
    }
    workgroupBarrier();`;
}

/**
 * The state after one epoch from sums at the incoming weights: losses of the incoming weights
 * (`measure`) or the update and the losses of the updated weights. Runs in one invocation.
 */
const EPOCH_MATH = `
  fn fusedMeasure(s : array<f32, ${STATE_SIZE}>, t : vec4<f32>, v : vec4<f32>, nT : f32, nV : f32) -> array<f32, ${STATE_SIZE}> {
    var o = s;
    o[8] = t.z / nT;
    o[9] = v.z / max(nV, 1.0);
    return o;
  }

  fn fusedLoss(sums : vec4<f32>, n : f32, dw : f32, db : f32, meanX : f32, meanXX : f32) -> f32 {
    let meanR = sums.x / n;
    let meanRX = sums.y / n;
    let meanRR = sums.z / n;
    return meanRR + 2.0 * dw * meanRX + 2.0 * db * meanR + dw * dw * meanXX + 2.0 * dw * db * meanX + db * db;
  }

  fn fusedUpdate(s : array<f32, ${STATE_SIZE}>, t : vec4<f32>, v : vec4<f32>, nT : f32, nV : f32) -> array<f32, ${STATE_SIZE}> {
    var o = s;
    let gw = 2.0 * (t.y / nT);
    let gb = 2.0 * (t.x / nT);
    if (uniforms.adam == 1) {
      // TF.js's Adam: moments, bias correction by 1 − β^t, then β^t advances.
      o[2] = s[2] * uniforms.beta1 + gw * uniforms.oneMinusBeta1;
      o[3] = s[3] * uniforms.beta1 + gb * uniforms.oneMinusBeta1;
      o[4] = s[4] * uniforms.beta2 + (gw * gw) * uniforms.oneMinusBeta2;
      o[5] = s[5] * uniforms.beta2 + (gb * gb) * uniforms.oneMinusBeta2;
      let c1 = 1.0 - s[6];
      let c2 = 1.0 - s[7];
      o[0] = ((o[2] / c1) / (sqrt(o[4] / c2) + uniforms.epsilon)) * -uniforms.learningRate + s[0];
      o[1] = ((o[3] / c1) / (sqrt(o[5] / c2) + uniforms.epsilon)) * -uniforms.learningRate + s[1];
      o[6] = s[6] * uniforms.beta1;
      o[7] = s[7] * uniforms.beta2;
    } else {
      o[0] = gw * -uniforms.learningRate + s[0];
      o[1] = gb * -uniforms.learningRate + s[1];
    }
    let dw = o[0] - s[0];
    let db = o[1] - s[1];
    o[8] = fusedLoss(t, nT, dw, db, uniforms.trainMeanX, uniforms.trainMeanXX);
    o[9] = select(0.0, fusedLoss(v, max(nV, 1.0), dw, db, uniforms.validationMeanX, uniforms.validationMeanXX), nV > 0.0);
    return o;
  }

  fn fusedWrite(at : i32, s : array<f32, ${STATE_SIZE}>) {
    for (var k = 0; k < ${STATE_SIZE}; k++) { result[at + k] = s[k]; }
  }`;

/**
 * How to cover `rows` rows with workgroups of `workgroupSize` invocations: each invocation sums at least
 * `minBlocks` blocks (a workgroup has a fixed cost of its own), and at most `maxGroups` groups run.
 */
export function groupLayout(rows: number, workgroupSize: number, maxGroups: number, minBlocks = 1): { groups: number; blocks: number } {
  const blocks = Math.max(minBlocks, Math.ceil(rows / (workgroupSize * BLOCK_ROWS * maxGroups)));
  return { groups: Math.max(1, Math.ceil(rows / (workgroupSize * BLOCK_ROWS * blocks))), blocks };
}

/**
 * Partial sums. Inputs: trainX, trainY, valX, valY (vec4), state (f32). Output: [state copy (12), then
 * one vec4 per group: training groups first, then validation groups].
 */
export class PartialsProgram implements WebGPUProgram {
  variableNames = ['trainX', 'trainY', 'valX', 'valY', 'state'];
  variableComponents = [4, 4, 4, 4, 1];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms = 'trainStart : i32, trainEnd : i32, valRows : i32, trainGroups : i32, valGroups : i32, blocks : i32, stateAt : i32,';

  constructor(
    private readonly lanes: number,
    groups: number,
  ) {
    this.workgroupSize = [lanes, 1, 1];
    this.outputShape = [STATE_SIZE + groups * 4];
    this.dispatch = [groups, 1, 1];
    this.shaderKey = `bmiFusedPartials_${lanes}`;
  }

  getUserCode(): string {
    const size = this.lanes;
    return `
  var<workgroup> fusedSums : array<vec4<f32>, ${size}>;
  ${blockSumsSnippet('trainBlock', 'trainX', 'trainY')}
  ${blockSumsSnippet('valBlock', 'valX', 'valY')}

  fn main(index : i32) {
    let group = i32(workgroupId.x + workgroupId.y * numWorkgroups.x + workgroupId.z * numWorkgroups.x * numWorkgroups.y);
    let local = i32(localIndex);
    let at = uniforms.stateAt * ${STATE_SIZE};
    let w = state[at];
    let b = state[at + 1];
    let groups = uniforms.trainGroups + uniforms.valGroups;
    var total = vec4<f32>(0.0);
    if (group < uniforms.trainGroups) {
      let base4 = uniforms.trainStart / 4;
      for (var j = 0; j < uniforms.blocks; j++) {
        total += trainBlock(base4 + ((group * uniforms.blocks + j) * ${size} + local) * ${BLOCK_ROWS / 4}, uniforms.trainStart, uniforms.trainEnd, w, b);
      }
    } else if (group < groups) {
      let g = group - uniforms.trainGroups;
      for (var j = 0; j < uniforms.blocks; j++) {
        total += valBlock(((g * uniforms.blocks + j) * ${size} + local) * ${BLOCK_ROWS / 4}, 0, uniforms.valRows, w, b);
      }
    }
    fusedSums[local] = total;
    ${treeSumSnippet(size, ['fusedSums'])}
    if (local == 0 && group < groups) {
      let sums = fusedSums[0];
      let out = ${STATE_SIZE} + group * 4;
      result[out] = sums.x;
      result[out + 1] = sums.y;
      result[out + 2] = sums.z;
      result[out + 3] = 0.0;
    }
    if (local == 0 && group == 0) {
      for (var k = 0; k < ${STATE_SIZE}; k++) { result[k] = state[at + k]; }
    }
  }`;
  }
}

/** Adds the partials, updates, writes slots of the history buffer (the output, passed in). */
export class FinishProgram implements WebGPUProgram {
  variableNames = ['partials'];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number] = [1, 1, 1];
  workgroupSize: [number, number, number];
  uniforms = `trainGroups : i32, valGroups : i32, outAt : i32, flags : i32, trainRows : f32, valRows : f32, ${UPDATE_UNIFORMS}`;

  constructor(
    private readonly lanes: number,
    historyLength: number,
  ) {
    this.workgroupSize = [lanes, 1, 1];
    this.outputShape = [historyLength];
    this.shaderKey = `bmiFusedFinish_${lanes}`;
  }

  getUserCode(): string {
    const size = this.lanes;
    return `
  var<workgroup> fusedT : array<vec4<f32>, ${size}>;
  var<workgroup> fusedV : array<vec4<f32>, ${size}>;
  ${EPOCH_MATH}

  fn partialAt(i : i32) -> vec4<f32> {
    let at = ${STATE_SIZE} + i * 4;
    return vec4<f32>(partials[at], partials[at + 1], partials[at + 2], 0.0);
  }

  // Two levels again: blocks of 64 partials, then the block sums.
  fn sumGroups(first : i32, count : i32, local : i32) -> vec4<f32> {
    var total = vec4<f32>(0.0);
    var block = vec4<f32>(0.0);
    var n = 0;
    for (var i = local; i < count; i += ${size}) {
      block += partialAt(first + i);
      n++;
      if (n == 64) { total += block; block = vec4<f32>(0.0); n = 0; }
    }
    return total + block;
  }

  fn main(index : i32) {
    let local = i32(localIndex);
    fusedT[local] = sumGroups(0, uniforms.trainGroups, local);
    fusedV[local] = sumGroups(uniforms.trainGroups, uniforms.valGroups, local);
    ${treeSumSnippet(size, ['fusedT', 'fusedV'])}
    if (local == 0) {
      var s : array<f32, ${STATE_SIZE}>;
      for (var k = 0; k < ${STATE_SIZE}; k++) { s[k] = partials[k]; }
      var at = uniforms.outAt * ${STATE_SIZE};
      if ((uniforms.flags & ${MEASURE}) != 0) {
        fusedWrite(at, fusedMeasure(s, fusedT[0], fusedV[0], uniforms.trainRows, uniforms.valRows));
        at += ${STATE_SIZE};
      }
      if ((uniforms.flags & ${UPDATE}) != 0) {
        fusedWrite(at, fusedUpdate(s, fusedT[0], fusedV[0], uniforms.trainRows, uniforms.valRows));
      }
    }
  }`;
  }
}

/**
 * Many full-batch epochs in one dispatch of one workgroup: each epoch sums all rows, updates, writes its
 * slot, and shares the new weights through workgroup memory. Reads its starting state from the history
 * buffer itself (the output), at `stateAt`.
 */
export class EpochsProgram implements WebGPUProgram {
  variableNames = ['trainX', 'trainY', 'valX', 'valY'];
  variableComponents = [4, 4, 4, 4];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number] = [1, 1, 1];
  workgroupSize: [number, number, number];
  uniforms = `trainRowCount : i32, valRowCount : i32, epochs : i32, stateAt : i32, outAt : i32, flags : i32, trainRows : f32, valRows : f32, ${UPDATE_UNIFORMS}`;

  constructor(
    private readonly lanes: number,
    historyLength: number,
  ) {
    this.workgroupSize = [lanes, 1, 1];
    this.outputShape = [historyLength];
    this.shaderKey = `bmiFusedEpochs_${lanes}`;
  }

  getUserCode(): string {
    const size = this.lanes;
    const stride4 = size * (BLOCK_ROWS / 4);
    return `
  var<workgroup> fusedT : array<vec4<f32>, ${size}>;
  var<workgroup> fusedV : array<vec4<f32>, ${size}>;
  var<workgroup> fusedState : array<f32, ${STATE_SIZE}>;
  ${EPOCH_MATH}
  ${blockSumsSnippet('trainBlock', 'trainX', 'trainY')}
  ${blockSumsSnippet('valBlock', 'valX', 'valY')}

  fn main(index : i32) {
    let local = i32(localIndex);
    if (local == 0) {
      for (var k = 0; k < ${STATE_SIZE}; k++) { fusedState[k] = result[uniforms.stateAt * ${STATE_SIZE} + k]; }
    }
    var at = uniforms.outAt * ${STATE_SIZE};
    let rounds = max(uniforms.epochs, 1);
    for (var e = 0; e < rounds; e++) {
      workgroupBarrier();
      let w = fusedState[0];
      let b = fusedState[1];
      var t = vec4<f32>(0.0);
      for (var q = local * ${BLOCK_ROWS / 4}; q * 4 < uniforms.trainRowCount; q += ${stride4}) {
        t += trainBlock(q, 0, uniforms.trainRowCount, w, b);
      }
      var v = vec4<f32>(0.0);
      for (var q = local * ${BLOCK_ROWS / 4}; q * 4 < uniforms.valRowCount; q += ${stride4}) {
        v += valBlock(q, 0, uniforms.valRowCount, w, b);
      }
      fusedT[local] = t;
      fusedV[local] = v;
      ${treeSumSnippet(size, ['fusedT', 'fusedV'])}
      if (local == 0) {
        var s : array<f32, ${STATE_SIZE}>;
        for (var k = 0; k < ${STATE_SIZE}; k++) { s[k] = fusedState[k]; }
        if (e == 0 && (uniforms.flags & ${MEASURE}) != 0) {
          fusedWrite(at, fusedMeasure(s, fusedT[0], fusedV[0], uniforms.trainRows, uniforms.valRows));
          at += ${STATE_SIZE};
        }
        if (e < uniforms.epochs) {
          let o = fusedUpdate(s, fusedT[0], fusedV[0], uniforms.trainRows, uniforms.valRows);
          fusedWrite(at, o);
          at += ${STATE_SIZE};
          for (var k = 0; k < ${STATE_SIZE}; k++) { fusedState[k] = o[k]; }
        }
      }
    }
  }`;
  }
}
