/**
 * Which fused WebGPU programs to run, from the adapter and the data size. Pure, so it is tested in Node.
 *
 * - Workgroup size: 4 on a software or fallback adapter (SwiftShader runs wide workgroups 10–30×
 *   slower than 4-wide ones), 64 on a hardware GPU.
 * - On a software adapter each workgroup also has a cost of its own: 196 groups of 2 blocks took
 *   100,000 rows 1.7 ms per epoch, 13 groups of 32 blocks 1.0 ms. So there, few busy groups.
 * - One pass (many epochs in one dispatch of one workgroup) while the rows are few: per-dispatch cost
 *   dominates there. Past the limit, one workgroup is too little parallelism and each epoch runs as two
 *   passes (partial sums over many workgroups, then one workgroup that adds them and updates).
 * - Mini-batch epochs always run two passes per batch (the batches follow each other in the queue).
 */
export interface AdapterFacts {
  /** A software or fallback adapter (SwiftShader, llvmpipe, WARP…): no GPU. */
  software: boolean;
}

export interface KernelChoice {
  workgroupSize: number;
  /** Full-batch runs over at most this many rows (training plus validation) use the one-pass program. */
  onePassMaxRows: number;
  /** Most workgroups of a partial-sums pass; more rows make each invocation sum more blocks. */
  maxGroups: number;
  /** Fewest 64-row blocks each invocation of a partial-sums pass sums: fewer, busier workgroups. */
  minBlocks: number;
}

export function chooseKernels(adapter: AdapterFacts): KernelChoice {
  return adapter.software
    ? { workgroupSize: 4, onePassMaxRows: 32_768, maxGroups: 64, minBlocks: 32 }
    : { workgroupSize: 64, onePassMaxRows: 4_096, maxGroups: 1024, minBlocks: 1 };
}

export type Passes = 'one' | 'two';

export function passesFor(choice: KernelChoice, rows: number, miniBatch: boolean): Passes {
  return !miniBatch && rows <= choice.onePassMaxRows ? 'one' : 'two';
}

/** "WebGPU · fused, 2 passes, workgroup 4" — what runs one particular run. */
export function describeKernel(choice: KernelChoice, rows: number, miniBatch: boolean): string {
  const passes = passesFor(choice, rows, miniBatch);
  const how = passes === 'one' ? '1 pass for many epochs' : miniBatch ? '2 passes per batch' : '2 passes';
  return `WebGPU · fused, ${how}, workgroup ${choice.workgroupSize}`;
}

/** The rule, for the backend status: "fused kernels, workgroup 4: 1 pass for many epochs up to 32,768 rows, else 2 passes". */
export function describeKernelRule(choice: KernelChoice): string {
  return `fused kernels, workgroup ${choice.workgroupSize}: 1 pass for many epochs up to ${choice.onePassMaxRows.toLocaleString('en')} rows, else 2 passes`;
}
