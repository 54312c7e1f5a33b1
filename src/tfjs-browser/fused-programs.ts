/**
 * The fused training programs: WGSL compute shaders run through the WebGPU backend's
 * `runWebGPUProgram`, so TF.js keeps owning the device, its buffers, its command encoder and its
 * pipeline cache. One linear model with d features and an intercept, MSE loss, standardized rows:
 *
 * - `PartialsProgram` sums r = w·x + b − y, r·xⱼ (every feature j) and r² over the training rows (or a
 *   batch of them) and over the validation rows, one record of sums per workgroup, and copies the state
 *   it used.
 * - `FinishProgram` (one workgroup) adds the partial sums, applies the SGD or Adam update to all d + 1
 *   parameters and writes the new state with the losses of the UPDATED weights into a slot of the
 *   history buffer.
 * - `EpochsProgram` (one workgroup) does both for many epochs in one dispatch, for small data sets.
 *
 * The losses of the updated weights come from the same pass: MSE is quadratic in the parameters, so with
 * Δw = w′ − w and Δb = b′ − b, L(w′, b′) = mean(r²) + 2Δw·mean(r x) + 2Δb·mean(r) + Δwᵀ mean(x xᵀ) Δw
 * + 2Δb Δw·mean(x) + Δb², where mean(x) and mean(x xᵀ) are constants of the rows (computed in float64,
 * passed as a small tensor: a uniform block holds too few values for them).
 *
 * Shapes of the rows (`RowLayout`, chosen in kernel-choice.ts): X column-major (each column padded to
 * whole vec4s), each invocation taking 4 rows at a time as a vec4 per feature and keeping all d + 2
 * running sums, the features unrolled (up to 16 features on a software adapter), or one row per
 * invocation (a GPU); X row-major with the features of a row read as vec4s (more features: a 64-feature
 * shader unrolled over columns compiles slowly).
 *
 * Float32 accuracy comes from blocked summation: each invocation sums blocks of 64 rows, adds block
 * sums in groups of 64 blocks, and workgroups add invocations with a tree, so no long serial sum.
 *
 * No program has a `size` field: TF.js reads one as a request for an extra uniform. Every input a
 * program declares is used by its shader (TF.js binds all of them, and an unused binding breaks the bind
 * group). Program objects are made per call (TF.js rewrites `shaderKey` in place on every run), and
 * every value that changes between calls is a uniform, so each program compiles once per shape.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import { BufferLayout, UniformBlock } from './fused-layout.ts';

/** Rows per summation block: 16 vec4 loads. */
export const BLOCK_ROWS = 64;
/** Finish flags: write the incoming state with its own losses first; then apply an update. */
export const MEASURE = 1;
export const UPDATE = 2;

/**
 * How X lies in its buffer and is read: column-major (feature j of row i at j·stride + i) with 4 rows per
 * invocation as vec4s (`columns`) or one row per invocation (`lanes`), or row-major, a row's features as
 * vec4s (`rows`).
 */
export type RowLayout = 'columns' | 'lanes' | 'rows';

/** Floats per element of X and y as a program declares them: one row per invocation reads floats, else vec4s. */
export const elementFloats = (layout: RowLayout): number => (layout === 'lanes' ? 1 : 4);

/** What a program is compiled for. */
export interface ProgramShape {
  /** Invocations per workgroup. */
  lanes: number;
  features: number;
  layout: RowLayout;
}

/** vec4s of features per row (the sums keep one float per feature, padded to whole vec4s). */
export const featureVec4s = (features: number): number => Math.ceil(features / 4);

/** One state slot: the parameters (weights, then the intercept), Adam's moments and β powers, both losses. */
export function stateLayout(features: number) {
  const parameters = features + 1;
  return new BufferLayout('STATE', {
    params: parameters,
    adamM: parameters,
    adamV: parameters,
    beta1Power: 1,
    beta2Power: 1,
    trainLoss: 1,
    validationLoss: 1,
  });
}
export type StateLayout = ReturnType<typeof stateLayout>;

/**
 * One workgroup's sums: Σr·xⱼ for every feature (whole vec4s), then the vec4 (Σr, Σr², 0, 0). The
 * shaders keep them as `SUM_VEC4S` vec4s in this order.
 */
export function sumsLayout(features: number) {
  return new BufferLayout('SUMS', { residualTimesX: featureVec4s(features) * 4, residual: 1, squaredResidual: 1 });
}

/** The rows' constants for the loss identity (standardized units, float64 before the upload). */
export function momentsLayout(features: number) {
  return new BufferLayout('MOMENTS', {
    trainMeanX: features,
    trainMeanXX: features * features,
    validationMeanX: features,
    validationMeanXX: features * features,
  });
}

/** The optimizer's constants, the same every call of a run. */
export const UPDATE_UNIFORMS = new UniformBlock({
  adam: 'i32',
  learningRate: 'f32',
  beta1: 'f32',
  beta2: 'f32',
  oneMinusBeta1: 'f32',
  oneMinusBeta2: 'f32',
  epsilon: 'f32',
});

export const PARTIALS_UNIFORMS = new UniformBlock({
  trainStart: 'i32',
  trainEnd: 'i32',
  /** Elements of X (vec4s or floats) between one feature's column and the next (column-major only). */
  trainStride: 'i32',
  valRows: 'i32',
  valStride: 'i32',
  trainGroups: 'i32',
  valGroups: 'i32',
  blocks: 'i32',
  stateAt: 'i32',
});

export const FINISH_UNIFORMS = new UniformBlock({
  trainGroups: 'i32',
  valGroups: 'i32',
  outAt: 'i32',
  flags: 'i32',
  trainRows: 'f32',
  valRows: 'f32',
}).with(UPDATE_UNIFORMS);

export const EPOCHS_UNIFORMS = new UniformBlock({
  trainRowCount: 'i32',
  valRowCount: 'i32',
  trainStride: 'i32',
  valStride: 'i32',
  epochs: 'i32',
  stateAt: 'i32',
  outAt: 'i32',
  flags: 'i32',
  trainRows: 'f32',
  valRows: 'f32',
}).with(UPDATE_UNIFORMS);

/** `code(k)` for k = 0 … count − 1, one statement each: constant indices keep private arrays in registers. */
function unrolled(count: number, code: (k: number) => string, separator = '\n    '): string {
  return Array.from({ length: count }, (_, k) => code(k)).join(separator);
}

/**
 * Constants and per-invocation sums shared by all three programs. Every index into the per-invocation
 * arrays below is a constant (the generator unrolls the loops over them): on a software adapter one
 * dynamic index puts the whole array in memory, which made 64 features several times slower.
 */
function commonSnippet(features: number): string {
  const d4 = featureVec4s(features);
  const sums = sumsLayout(features);
  if (sums.offset.residual !== d4 * 4 || sums.offset.squaredResidual !== d4 * 4 + 1 || sums.size !== (d4 + 1) * 4) {
    throw new Error('The sums layout must be whole vec4s of Σr·x, then (Σr, Σr², 0, 0).');
  }
  const s4 = d4 + 1;
  return `
  const FEATURES : i32 = ${features};
  const FEATURE_VEC4S : i32 = ${d4};
  const SUM_VEC4S : i32 = ${s4};
  ${stateLayout(features).wgsl}
  ${sums.wgsl}
  ${momentsLayout(features).wgsl}

  // This invocation's weights (padded with zeros to whole vec4s) and intercept.
  var<private> weights4 : array<vec4<f32>, ${d4}>;
  var<private> bias : f32;
  // Sums of the current block of 64 rows, of up to 64 blocks, and of all of them.
  var<private> blockSums : array<vec4<f32>, ${s4}>;
  var<private> midSums : array<vec4<f32>, ${s4}>;
  var<private> totalSums : array<vec4<f32>, ${s4}>;

  fn clearSums() {
    ${unrolled(s4, (k) => `blockSums[${k}] = vec4<f32>(0.0); midSums[${k}] = vec4<f32>(0.0); totalSums[${k}] = vec4<f32>(0.0);`)}
  }

  // After the \`count\`-th block: into the middle level, and every 64 blocks into the total.
  fn endBlock(count : i32) {
    ${unrolled(s4, (k) => `midSums[${k}] += blockSums[${k}]; blockSums[${k}] = vec4<f32>(0.0);`)}
    if (count % 64 == 0) {
      ${unrolled(s4, (k) => `totalSums[${k}] += midSums[${k}]; midSums[${k}] = vec4<f32>(0.0);`, '\n      ')}
    }
  }`;
}

/** Stores this invocation's sums at `array[local * SUM_VEC4S …]` of a workgroup array. */
function storeSumsSnippet(features: number, array: string): string {
  return unrolled(featureVec4s(features) + 1, (k) => `${array}[local * SUM_VEC4S + ${k}] = totalSums[${k}] + midSums[${k}];`);
}

/** Sets `weights4` and `bias` from a state slot read through `at(index)`. */
function loadWeightsSnippet(features: number, at: (index: string) => string): string {
  const weight = (j: number): string => (j < features ? at(`STATE_PARAMS + ${j}`) : '0.0');
  return `
    ${unrolled(featureVec4s(features), (k) => `weights4[${k}] = vec4<f32>(${[0, 1, 2, 3].map((c) => weight(4 * k + c)).join(', ')});`)}
    bias = ${at('STATE_PARAMS + FEATURES')};`;
}

const COMPONENTS = ['x', 'y', 'z', 'w'];

/**
 * Adds rows [lo, hi) of the 64-row block starting at vec4 `first4` into `blockSums`. Column-major: 4
 * rows at a time, a vec4 per feature, the features unrolled.
 */
function columnBlockSnippet(name: string, xs: string, ys: string, features: number): string {
  const js = Array.from({ length: features }, (_, j) => j);
  const weight = (j: number): string => `weights4[${j >> 2}].${COMPONENTS[j & 3]}`;
  const vec4Sums = Array.from({ length: featureVec4s(features) }, (_, k) => {
    const dots = [0, 1, 2, 3].map((c) => (4 * k + c < features ? `dot(r, x${4 * k + c})` : '0.0'));
    return `blockSums[${k}] += vec4<f32>(${dots.join(', ')});`;
  });
  return `
  fn ${name}(start : i32, local : i32, lo : i32, hi : i32, stride4 : i32) {
    ${js.map((j) => `let w${j} = ${weight(j)};`).join(' ')}
    let first4 = start / 4 + local * ${BLOCK_ROWS / 4};
    for (var i = 0; i < ${BLOCK_ROWS / 4}; i++) {
      let q = first4 + i;
      if (q * 4 >= hi) { break; }
      let row = vec4<i32>(q * 4) + vec4<i32>(0, 1, 2, 3);
      let inside = (row >= vec4<i32>(lo)) & (row < vec4<i32>(hi));
      ${js.map((j) => `let x${j} = ${xs}[q${j === 0 ? '' : ` + ${j} * stride4`}];`).join('\n      ')}
      let r = select(vec4<f32>(0.0), ${js.map((j) => `w${j} * x${j}`).join(' + ')} + vec4<f32>(bias) - ${ys}[q], inside);
      ${vec4Sums.join('\n      ')}
      blockSums[FEATURE_VEC4S] += vec4<f32>(dot(r, vec4<f32>(1.0)), dot(r, r), 0.0, 0.0);
    }
  }`;
}

/** The same over row-major X: a row's features as FEATURE_VEC4S vec4s (unrolled), the rows in loops. */
function rowBlockSnippet(name: string, xs: string, ys: string, features: number): string {
  const d4 = featureVec4s(features);
  return `
  fn ${name}(start : i32, local : i32, lo : i32, hi : i32, stride : i32) {
    ${unrolled(d4, (k) => `let w${k} = weights4[${k}];`, ' ')}
    let first4 = start / 4 + local * ${BLOCK_ROWS / 4};
    for (var i = 0; i < ${BLOCK_ROWS / 4}; i++) {
      let q = first4 + i;
      if (q * 4 >= hi) { break; }
      let y4 = ${ys}[q];
      for (var t = 0; t < 4; t++) {
        // Rows outside [lo, hi) count as r = 0: a select, not a branch around the sums (on a software
        // adapter, stores under a divergent branch are masked read-modify-writes).
        let row = q * 4 + t;
        let base = row * FEATURE_VEC4S;
        ${unrolled(d4, (k) => `let x${k} = ${xs}[base + ${k}];`, '\n        ')}
        let f = ${unrolled(d4, (k) => `w${k} * x${k}`, ' + ')};
        let r = select(0.0, dot(f, vec4<f32>(1.0)) + bias - y4[t], row >= lo && row < hi);
        ${unrolled(d4, (k) => `blockSums[${k}] += r * x${k};`, '\n        ')}
        blockSums[FEATURE_VEC4S] += vec4<f32>(r, r * r, 0.0, 0.0);
      }
    }
  }`;
}

/**
 * Column-major X read one row per invocation: the invocations of a workgroup take consecutive rows, so
 * their loads of a feature are consecutive floats (one vector load on a software adapter, coalesced on
 * a GPU). The workgroup's block is `lanes` × 64 rows from `start`.
 */
function laneBlockSnippet(name: string, xs: string, ys: string, features: number, lanes: number): string {
  const js = Array.from({ length: features }, (_, j) => j);
  const weight = (j: number): string => `weights4[${j >> 2}].${COMPONENTS[j & 3]}`;
  const vec4Sums = Array.from({ length: featureVec4s(features) }, (_, k) => {
    const products = [0, 1, 2, 3].map((c) => (4 * k + c < features ? `r * x${4 * k + c}` : '0.0'));
    return `blockSums[${k}] += vec4<f32>(${products.join(', ')});`;
  });
  return `
  fn ${name}(start : i32, local : i32, lo : i32, hi : i32, stride : i32) {
    ${js.map((j) => `let w${j} = ${weight(j)};`).join(' ')}
    for (var i = 0; i < ${BLOCK_ROWS}; i++) {
      let row = start + i * ${lanes} + local;
      if (start + i * ${lanes} >= hi) { break; }
      ${js.map((j) => `let x${j} = ${xs}[row${j === 0 ? '' : ` + ${j} * stride`}];`).join('\n      ')}
      let r = select(0.0, ${js.map((j) => `w${j} * x${j}`).join(' + ')} + bias - ${ys}[row], row >= lo && row < hi);
      ${vec4Sums.join('\n      ')}
      blockSums[FEATURE_VEC4S] += vec4<f32>(r, r * r, 0.0, 0.0);
    }
  }`;
}

function blockSnippet(shape: ProgramShape, name: string, xs: string, ys: string): string {
  if (shape.layout === 'lanes') return laneBlockSnippet(name, xs, ys, shape.features, shape.lanes);
  return shape.layout === 'columns' ? columnBlockSnippet(name, xs, ys, shape.features) : rowBlockSnippet(name, xs, ys, shape.features);
}

/** Tree sum over the workgroup of `SUM_VEC4S` vec4s per invocation in each of `arrays`; all invocations must reach it. */
function treeSumSnippet(lanes: number, arrays: string[]): string {
  return `
    for (var stride = ${lanes / 2}; stride > 0; stride = stride / 2) {
      workgroupBarrier();
      if (local < stride) {
        for (var k = 0; k < SUM_VEC4S; k++) {
          ${arrays.map((a) => `${a}[local * SUM_VEC4S + k] += ${a}[(local + stride) * SUM_VEC4S + k];`).join('\n          ')}
        }
      }
    }
    workgroupBarrier();`;
}

/**
 * The state after one epoch from sums at the incoming weights (`state`, in one invocation): the losses
 * of the incoming weights (`measureState`) or the update and the losses of the updated weights
 * (`updateState`). Both leave the result in `next`.
 */
const EPOCH_MATH = `
  var<private> current : array<f32, STATE_SIZE>;
  var<private> next : array<f32, STATE_SIZE>;
  var<private> trainTotals : array<vec4<f32>, SUM_VEC4S>;
  var<private> valTotals : array<vec4<f32>, SUM_VEC4S>;
  var<private> delta : array<f32, FEATURES + 1>;

  fn measureState(nT : f32, nV : f32) {
    next = current;
    next[STATE_TRAIN_LOSS] = trainTotals[FEATURE_VEC4S].y / nT;
    next[STATE_VALIDATION_LOSS] = valTotals[FEATURE_VEC4S].y / max(nV, 1.0);
  }

  // mean(r²) of the parameters moved by \`delta\`, from sums at the old ones and the rows' moments.
  fn lossAfter(s : array<vec4<f32>, SUM_VEC4S>, n : f32, meanX : i32, meanXX : i32) -> f32 {
    let db = delta[FEATURES];
    var rx = 0.0;
    var quadratic = 0.0;
    var dx = 0.0;
    for (var j = 0; j < FEATURES; j++) {
      let dj = delta[j];
      rx += dj * (s[j / 4][j % 4] / n);
      var mj = 0.0;
      for (var k = 0; k < FEATURES; k++) { mj += moments[meanXX + j * FEATURES + k] * delta[k]; }
      quadratic += dj * mj;
      dx += dj * moments[meanX + j];
    }
    let meanR = s[FEATURE_VEC4S].x / n;
    let meanRR = s[FEATURE_VEC4S].y / n;
    return meanRR + 2.0 * rx + 2.0 * db * meanR + quadratic + 2.0 * db * dx + db * db;
  }

  fn gradient(j : i32, nT : f32) -> f32 {
    if (j < FEATURES) { return 2.0 * (trainTotals[j / 4][j % 4] / nT); }
    return 2.0 * (trainTotals[FEATURE_VEC4S].x / nT);
  }

  fn updateState(nT : f32, nV : f32) {
    next = current;
    if (uniforms.adam == 1) {
      // TF.js's Adam: moments, bias correction by 1 − β^t, then β^t advances.
      let c1 = 1.0 - current[STATE_BETA1_POWER];
      let c2 = 1.0 - current[STATE_BETA2_POWER];
      for (var j = 0; j <= FEATURES; j++) {
        let g = gradient(j, nT);
        let m = current[STATE_ADAM_M + j] * uniforms.beta1 + g * uniforms.oneMinusBeta1;
        let v = current[STATE_ADAM_V + j] * uniforms.beta2 + (g * g) * uniforms.oneMinusBeta2;
        next[STATE_ADAM_M + j] = m;
        next[STATE_ADAM_V + j] = v;
        next[STATE_PARAMS + j] = ((m / c1) / (sqrt(v / c2) + uniforms.epsilon)) * -uniforms.learningRate + current[STATE_PARAMS + j];
      }
      next[STATE_BETA1_POWER] = current[STATE_BETA1_POWER] * uniforms.beta1;
      next[STATE_BETA2_POWER] = current[STATE_BETA2_POWER] * uniforms.beta2;
    } else {
      for (var j = 0; j <= FEATURES; j++) {
        next[STATE_PARAMS + j] = gradient(j, nT) * -uniforms.learningRate + current[STATE_PARAMS + j];
      }
    }
    for (var j = 0; j <= FEATURES; j++) { delta[j] = next[STATE_PARAMS + j] - current[STATE_PARAMS + j]; }
    next[STATE_TRAIN_LOSS] = lossAfter(trainTotals, nT, MOMENTS_TRAIN_MEAN_X, MOMENTS_TRAIN_MEAN_XX);
    next[STATE_VALIDATION_LOSS] = select(0.0, lossAfter(valTotals, max(nV, 1.0), MOMENTS_VALIDATION_MEAN_X, MOMENTS_VALIDATION_MEAN_XX), nV > 0.0);
  }

  fn writeNext(at : i32) {
    for (var k = 0; k < STATE_SIZE; k++) { result[at + k] = next[k]; }
  }`;

/**
 * How to cover `rows` rows with workgroups of `workgroupSize` invocations: each invocation sums at least
 * `minBlocks` blocks (a workgroup has a fixed cost of its own), and at most `maxGroups` groups run.
 */
export function groupLayout(rows: number, workgroupSize: number, maxGroups: number, minBlocks = 1): { groups: number; blocks: number } {
  const blocks = Math.max(minBlocks, Math.ceil(rows / (workgroupSize * BLOCK_ROWS * maxGroups)));
  return { groups: Math.max(1, Math.ceil(rows / (workgroupSize * BLOCK_ROWS * blocks))), blocks };
}

const shapeKey = (shape: ProgramShape): string => `${shape.lanes}_${shape.layout}_${shape.features}`;

/**
 * Partial sums. Inputs: trainX, trainY, valX, valY (vec4), state (f32). Output: [state copy, then one
 * record of sums per group: training groups first, then validation groups].
 */
export class PartialsProgram implements WebGPUProgram {
  variableNames = ['trainX', 'trainY', 'valX', 'valY', 'state'];
  variableComponents: number[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms = PARTIALS_UNIFORMS.declarations;

  constructor(
    private readonly shape: ProgramShape,
    groups: number,
  ) {
    this.workgroupSize = [shape.lanes, 1, 1];
    const e = elementFloats(shape.layout);
    this.variableComponents = [e, e, e, e, 1];
    this.outputShape = [stateLayout(shape.features).size + groups * sumsLayout(shape.features).size];
    this.dispatch = [groups, 1, 1];
    this.shaderKey = `bmiFusedPartials_${shapeKey(shape)}`;
  }

  getUserCode(): string {
    const lanes = this.shape.lanes;
    return `
  ${commonSnippet(this.shape.features)}
  var<workgroup> groupSums : array<vec4<f32>, ${lanes * (featureVec4s(this.shape.features) + 1)}>;
  ${blockSnippet(this.shape, 'trainBlock', 'trainX', 'trainY')}
  ${blockSnippet(this.shape, 'valBlock', 'valX', 'valY')}

  fn main(index : i32) {
    let group = i32(workgroupId.x + workgroupId.y * numWorkgroups.x + workgroupId.z * numWorkgroups.x * numWorkgroups.y);
    let local = i32(localIndex);
    let at = uniforms.stateAt * STATE_SIZE;
    ${loadWeightsSnippet(this.shape.features, (i) => `state[at + ${i}]`)}
    clearSums();
    let groups = uniforms.trainGroups + uniforms.valGroups;
    if (group < uniforms.trainGroups) {
      let base4 = uniforms.trainStart / 4;
      for (var j = 0; j < uniforms.blocks; j++) {
        trainBlock(base4 * 4 + (group * uniforms.blocks + j) * ${lanes * BLOCK_ROWS}, local, uniforms.trainStart, uniforms.trainEnd, uniforms.trainStride);
        endBlock(j + 1);
      }
    } else if (group < groups) {
      let g = group - uniforms.trainGroups;
      for (var j = 0; j < uniforms.blocks; j++) {
        valBlock((g * uniforms.blocks + j) * ${lanes * BLOCK_ROWS}, local, 0, uniforms.valRows, uniforms.valStride);
        endBlock(j + 1);
      }
    }
    ${storeSumsSnippet(this.shape.features, 'groupSums')}
    ${treeSumSnippet(lanes, ['groupSums'])}
    if (local == 0 && group < groups) {
      let out = STATE_SIZE + group * SUMS_SIZE;
      for (var k = 0; k < SUM_VEC4S; k++) {
        let s = groupSums[k];
        result[out + 4 * k] = s.x;
        result[out + 4 * k + 1] = s.y;
        result[out + 4 * k + 2] = s.z;
        result[out + 4 * k + 3] = s.w;
      }
    }
    if (local == 0 && group == 0) {
      for (var k = 0; k < STATE_SIZE; k++) { result[k] = state[at + k]; }
    }
  }`;
  }
}

/** Adds the partials, updates, writes slots of the history buffer (the output, passed in). Inputs: partials (vec4), moments (f32). */
export class FinishProgram implements WebGPUProgram {
  variableNames = ['partials', 'moments'];
  variableComponents = [4, 1];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number] = [1, 1, 1];
  workgroupSize: [number, number, number];
  uniforms = FINISH_UNIFORMS.declarations;

  constructor(
    private readonly shape: ProgramShape,
    historyLength: number,
  ) {
    this.workgroupSize = [shape.lanes, 1, 1];
    this.outputShape = [historyLength];
    this.shaderKey = `bmiFusedFinish_${shapeKey(shape)}`;
  }

  getUserCode(): string {
    const lanes = this.shape.lanes;
    const size = lanes * (featureVec4s(this.shape.features) + 1);
    return `
  ${commonSnippet(this.shape.features)}
  var<workgroup> trainSums : array<vec4<f32>, ${size}>;
  var<workgroup> valSums : array<vec4<f32>, ${size}>;
  ${EPOCH_MATH}

  // Two levels again: blocks of 64 partials, then the block sums.
  fn sumGroups(first : i32, count : i32, local : i32) {
    clearSums();
    var n = 0;
    for (var i = local; i < count; i += ${lanes}) {
      let at = (STATE_SIZE + (first + i) * SUMS_SIZE) / 4;
      ${unrolled(featureVec4s(this.shape.features) + 1, (k) => `blockSums[${k}] += partials[at + ${k}];`, '\n      ')}
      n++;
      if (n % 64 == 0) { endBlock(64); }
    }
    endBlock(64);
  }

  fn main(index : i32) {
    let local = i32(localIndex);
    sumGroups(0, uniforms.trainGroups, local);
    ${storeSumsSnippet(this.shape.features, 'trainSums')}
    sumGroups(uniforms.trainGroups, uniforms.valGroups, local);
    ${storeSumsSnippet(this.shape.features, 'valSums')}
    ${treeSumSnippet(lanes, ['trainSums', 'valSums'])}
    if (local == 0) {
      for (var k = 0; k < STATE_SIZE / 4; k++) {
        let s = partials[k];
        current[4 * k] = s.x;
        current[4 * k + 1] = s.y;
        current[4 * k + 2] = s.z;
        current[4 * k + 3] = s.w;
      }
      for (var k = 0; k < SUM_VEC4S; k++) {
        trainTotals[k] = trainSums[k];
        valTotals[k] = valSums[k];
      }
      var at = uniforms.outAt * STATE_SIZE;
      if ((uniforms.flags & ${MEASURE}) != 0) {
        measureState(uniforms.trainRows, uniforms.valRows);
        writeNext(at);
        at += STATE_SIZE;
      }
      if ((uniforms.flags & ${UPDATE}) != 0) {
        updateState(uniforms.trainRows, uniforms.valRows);
        writeNext(at);
      }
    }
  }`;
  }
}

/**
 * Many full-batch epochs in one dispatch of one workgroup: each epoch sums all rows, updates, writes its
 * slot, and shares the new state through workgroup memory. Reads its starting state from the history
 * buffer itself (the output), at `stateAt`. Inputs: trainX, trainY, valX, valY (vec4), moments (f32).
 */
export class EpochsProgram implements WebGPUProgram {
  variableNames = ['trainX', 'trainY', 'valX', 'valY', 'moments'];
  variableComponents: number[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number] = [1, 1, 1];
  workgroupSize: [number, number, number];
  uniforms = EPOCHS_UNIFORMS.declarations;

  constructor(
    private readonly shape: ProgramShape,
    historyLength: number,
  ) {
    this.workgroupSize = [shape.lanes, 1, 1];
    const e = elementFloats(shape.layout);
    this.variableComponents = [e, e, e, e, 1];
    this.outputShape = [historyLength];
    this.shaderKey = `bmiFusedEpochs_${shapeKey(shape)}`;
  }

  getUserCode(): string {
    const lanes = this.shape.lanes;
    const size = lanes * (featureVec4s(this.shape.features) + 1);
    return `
  ${commonSnippet(this.shape.features)}
  var<workgroup> trainSums : array<vec4<f32>, ${size}>;
  var<workgroup> valSums : array<vec4<f32>, ${size}>;
  var<workgroup> sharedState : array<f32, STATE_SIZE>;
  ${EPOCH_MATH}
  ${blockSnippet(this.shape, 'trainBlock', 'trainX', 'trainY')}
  ${blockSnippet(this.shape, 'valBlock', 'valX', 'valY')}

  fn main(index : i32) {
    let local = i32(localIndex);
    if (local == 0) {
      for (var k = 0; k < STATE_SIZE; k++) { sharedState[k] = result[uniforms.stateAt * STATE_SIZE + k]; }
    }
    var at = uniforms.outAt * STATE_SIZE;
    // The trip count comes from a uniform: the loop holds barriers.
    let rounds = max(uniforms.epochs, 1);
    for (var e = 0; e < rounds; e++) {
      workgroupBarrier();
      ${loadWeightsSnippet(this.shape.features, (i) => `sharedState[${i}]`)}
      clearSums();
      var count = 0;
      for (var start = 0; start < uniforms.trainRowCount; start += ${lanes * BLOCK_ROWS}) {
        trainBlock(start, local, 0, uniforms.trainRowCount, uniforms.trainStride);
        count++;
        endBlock(count);
      }
      ${storeSumsSnippet(this.shape.features, 'trainSums')}
      clearSums();
      count = 0;
      for (var start = 0; start < uniforms.valRowCount; start += ${lanes * BLOCK_ROWS}) {
        valBlock(start, local, 0, uniforms.valRowCount, uniforms.valStride);
        count++;
        endBlock(count);
      }
      ${storeSumsSnippet(this.shape.features, 'valSums')}
      ${treeSumSnippet(lanes, ['trainSums', 'valSums'])}
      if (local == 0) {
        for (var k = 0; k < STATE_SIZE; k++) { current[k] = sharedState[k]; }
        for (var k = 0; k < SUM_VEC4S; k++) {
          trainTotals[k] = trainSums[k];
          valTotals[k] = valSums[k];
        }
        if (e == 0 && (uniforms.flags & ${MEASURE}) != 0) {
          measureState(uniforms.trainRows, uniforms.valRows);
          writeNext(at);
          at += STATE_SIZE;
        }
        if (e < uniforms.epochs) {
          updateState(uniforms.trainRows, uniforms.valRows);
          writeNext(at);
          at += STATE_SIZE;
          for (var k = 0; k < STATE_SIZE; k++) { sharedState[k] = next[k]; }
        }
      }
    }
  }`;
  }
}
