/** Where training runs: a Web Worker (the default) or the page's own thread (to compare). */
export type EngineName = 'worker' | 'main';
export const ENGINES: readonly EngineName[] = ['worker', 'main'];
export const DEFAULT_ENGINE: EngineName = 'worker';
