/**
 * Which fused WebGPU programs to run, from the adapter, the rows and the features. Pure, so it is tested
 * in Node.
 *
 * - Workgroup size: 4 on a software or fallback adapter (SwiftShader runs wide workgroups 10–30×
 *   slower than 4-wide ones), 64 on a hardware GPU (fewer where the workgroup's sums of many features
 *   would not fit the 16 KiB of workgroup memory every adapter has).
 * - On a software adapter each workgroup also has a cost of its own: 196 groups of 2 blocks took
 *   100,000 rows 1.7 ms per epoch, 13 groups of 32 blocks 1.0 ms. So there, few busy groups: with one
 *   feature at least 32 blocks each and at most 64 groups; with several, whose rows cost more, 8 groups.
 * - One pass (many epochs in one dispatch of one workgroup) while rows × features are few: per-dispatch
 *   cost dominates there. Past the limit, one workgroup is too little parallelism and each epoch runs as
 *   two passes (partial sums over many workgroups, then one workgroup that adds them and updates).
 * - Mini-batch epochs always run two passes per batch (the batches follow each other in the queue).
 * - The rows' shape: up to 16 features X column-major, a vec4 of 4 rows per feature, the features
 *   unrolled; beyond, row-major with a row's features read as vec4s. Measured on the software adapter:
 *   splitting the features across invocations lost 2–5×, a 64-feature shader unrolled over columns
 *   compiles slowly, and one row per invocation (neighbouring invocations reading neighbouring floats,
 *   what a GPU wants) was 1.3–1.7× slower than vec4 columns up to 16 features.
 */
import type { RowLayout } from './fused-programs.ts';

export interface AdapterFacts {
  /** A software or fallback adapter (SwiftShader, llvmpipe, WARP…): no GPU. */
  software: boolean;
}

export interface KernelChoice {
  workgroupSize: number;
  /** Full-batch runs over at most this many values (rows, training plus validation, × features) use the one-pass program. */
  onePassMaxValues: number;
  /** Most workgroups of a partial-sums pass; more rows make each invocation sum more blocks. */
  maxGroups: number;
  /** Fewest 64-row blocks each invocation of a partial-sums pass sums: fewer, busier workgroups. */
  minBlocks: number;
  features: number;
  layout: RowLayout;
}

/** Up to this many features X is column-major (vec4s of rows), beyond it row-major (vec4s of features). */
export const MAX_COLUMN_FEATURES = 16;

/** Workgroup memory every adapter offers (WebGPU's default `maxComputeWorkgroupStorageSize`). */
const WORKGROUP_BYTES = 16_384;

/** Bytes of workgroup memory per invocation: two arrays of (features in vec4s + 1) vec4 sums. */
const bytesPerLane = (features: number): number => 2 * (Math.ceil(features / 4) + 1) * 16;

export function chooseKernels(adapter: AdapterFacts, features = 1): KernelChoice {
  if (adapter.software) {
    const layout: RowLayout = features <= MAX_COLUMN_FEATURES ? 'columns' : 'rows';
    return features === 1
      ? { workgroupSize: 4, onePassMaxValues: 32_768, maxGroups: 64, minBlocks: 32, features, layout }
      : { workgroupSize: 4, onePassMaxValues: 32_768, maxGroups: 8, minBlocks: 1, features, layout };
  }
  // A GPU reads best when neighbouring invocations read neighbouring floats: one row per invocation
  // (one feature keeps the vec4 columns it has always had there).
  const layout: RowLayout = features === 1 ? 'columns' : features <= MAX_COLUMN_FEATURES ? 'lanes' : 'rows';
  // The state shared in one workgroup (3 × (features + 1) + 4 floats) needs room too.
  let lanes = 64;
  while (lanes > 4 && lanes * bytesPerLane(features) + (3 * features + 8) * 4 > WORKGROUP_BYTES) lanes /= 2;
  return { workgroupSize: lanes, onePassMaxValues: 4_096, maxGroups: 1024, minBlocks: 1, features, layout };
}

export type Passes = 'one' | 'two';

export function passesFor(choice: KernelChoice, rows: number, miniBatch: boolean): Passes {
  return !miniBatch && rows * choice.features <= choice.onePassMaxValues ? 'one' : 'two';
}

const LAYOUT_WORDS: Record<RowLayout, string> = {
  columns: 'vec4 columns',
  lanes: 'one row per invocation',
  rows: 'row-major vec4s',
};

/** How X is read, for several features: "16 features as vec4 columns". */
function describeShape(choice: KernelChoice): string {
  return `${choice.features} features as ${LAYOUT_WORDS[choice.layout]}`;
}

/** "WebGPU · fused, 2 passes, workgroup 4" — what runs one particular run (with its shape, for several features). */
export function describeKernel(choice: KernelChoice, rows: number, miniBatch: boolean): string {
  const passes = passesFor(choice, rows, miniBatch);
  const how = passes === 'one' ? '1 pass for many epochs' : miniBatch ? '2 passes per batch' : '2 passes';
  const shape = choice.features > 1 ? `, ${describeShape(choice)}` : '';
  return `WebGPU · fused, ${how}, workgroup ${choice.workgroupSize}${shape}`;
}

/** The rule, for the backend status: "fused kernels, workgroup 4: 1 pass for many epochs up to 32,768 rows, else 2 passes". */
export function describeKernelRule(choice: KernelChoice): string {
  return `fused kernels, workgroup ${choice.workgroupSize}: 1 pass for many epochs up to ${choice.onePassMaxValues.toLocaleString('en')} rows, else 2 passes`;
}

/** How several features change it, for the backend status. */
export function describeFeatureRule(choice: KernelChoice): string {
  return `with several features, 1 pass up to ${choice.onePassMaxValues.toLocaleString('en')} rows × features; X as vec4 columns up to ${MAX_COLUMN_FEATURES} features, row-major vec4s beyond`;
}
