/**
 * What the app's page loads before its first paint must not carry TensorFlow.js (nor papaparse or
 * uPlot, once they are out of it): the guard reads Vite's build manifest, walks the static imports of
 * index.html's entry chunk (what the browser must fetch before the module runs; dynamic imports load
 * later) and looks inside each of those files for code only that library has.
 */

import { reachableChunks, type Manifest } from './vite-manifest.ts';

export type { Manifest, ManifestChunk } from './vite-manifest.ts';

/**
 * Identifiers from each library's own code that survive minification. Not the library's name: the
 * app's code says "tfjs" itself (`export-tfjs`, the lazy `tfjs-model-files` chunk).
 */
export const LIBRARY_CODE_MARKERS: readonly { library: string; pattern: RegExp }[] = [
  // TF.js flags and kernel registry: in every chunk with tfjs-core in it.
  { library: 'TensorFlow.js', pattern: /\bIS_BROWSER\b|\bkernelName\b|tfjsflags/ },
  { library: 'papaparse', pattern: /\bBAD_DELIMITERS\b|UndetectableDelimiter/ },
  // uPlot's public methods (its CSS class names also sit in the app's own chart styles).
  { library: 'uPlot', pattern: /\bposToVal\b|\bvalToPos\b/ },
];

/**
 * Libraries in the first paint today, on purpose for now: the bundled CSV is parsed on the page
 * (papaparse) and the scatter plot draws with the first view (uPlot). Listed so the guard still fails
 * when one of them leaves and is not taken off this list, which would let it come back unnoticed.
 */
export const FIRST_PAINT_ALLOWED: readonly string[] = ['papaparse', 'uPlot'];

/** The chunks index.html needs before it runs, each with the import path that reached it. */
export function firstPaintChunks(manifest: Manifest, entry = 'index.html'): Map<string, string[]> {
  return reachableChunks(manifest, entry);
}

/** What is wrong with the first-paint chunks; empty when nothing is. `read` gives a built file's text. */
export function checkFirstPaint(
  manifest: Manifest,
  read: (file: string) => string,
  allowed: readonly string[] = FIRST_PAINT_ALLOWED,
): string[] {
  const chunks = firstPaintChunks(manifest);
  const problems: string[] = [];
  for (const { library, pattern } of LIBRARY_CODE_MARKERS) {
    const found = [...chunks].flatMap(([file, path]) => {
      const match = pattern.exec(read(file));
      return match ? [`${file} ("${match[0]}", reached by ${path.join(' → ')})`] : [];
    });
    if (found.length > 0 && !allowed.includes(library)) problems.push(`${library} is in the first-paint chunks: ${found.join('; ')}.`);
    if (found.length === 0 && allowed.includes(library)) {
      problems.push(`${library} is no longer in the first-paint chunks: take it off FIRST_PAINT_ALLOWED so it cannot come back unnoticed.`);
    }
  }
  return problems;
}
