/** The programs bench/kernel-costs.ts times, and what it reports (no TF.js here: the Node driver reads these too). */
export const KERNEL_VARIANTS = ['fused', 'probe', 'loads', 'arithmetic'] as const;
export type KernelVariant = (typeof KERNEL_VARIANTS)[number];

export interface KernelCostResult {
  /** Wall time per pass. */
  ms: number;
  /** Rows the pass covered (rounded up to whole blocks of every invocation for the probe shapes). */
  rows: number;
  /** "8 groups of 4, 489 blocks each, columns" and the like. */
  shape: string;
}
