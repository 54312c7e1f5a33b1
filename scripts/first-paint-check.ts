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
  // uPlot's own methods that the app never calls (the app calls valToPos, and its chart styles carry
  // uPlot's CSS class names).
  { library: 'uPlot', pattern: /\bsyncRect\b|\bposToIdx\b/ },
];

/**
 * Libraries in the first paint today, on purpose for now: the bundled CSV is parsed on the page
 * (papaparse, about 7 kB gzipped; parsing 163 rows takes a few milliseconds, and the CSV worker would
 * add a round trip before the data shows). uPlot loads after the first paint, when the charts are
 * built. Listed so the guard still fails when one of them leaves and is not taken off this list,
 * which would let it come back unnoticed.
 */
export const FIRST_PAINT_ALLOWED: readonly string[] = ['papaparse'];

/**
 * The most the first-paint chunks may weigh together, in bytes before compression: 308 kB before
 * uPlot, d3-contour and the Fit and Model cards' elements left the first paint, 232 kB after, 265 kB
 * with the several-feature views since. The budget leaves room for ordinary growth, not for a
 * library coming back (uPlot alone is 51 kB). Lower it when the first paint gets lighter, so what was
 * gained is not lost unnoticed.
 */
export const FIRST_PAINT_BUDGET_BYTES = 280_000;

/** The chunks index.html needs before it runs, each with the import path that reached it. */
export function firstPaintChunks(manifest: Manifest, entry = 'index.html'): Map<string, string[]> {
  return reachableChunks(manifest, entry);
}

/** What is wrong with the first-paint chunks; empty when nothing is. `read` gives a built file's text. */
export function checkFirstPaint(
  manifest: Manifest,
  read: (file: string) => string,
  allowed: readonly string[] = FIRST_PAINT_ALLOWED,
  budget = FIRST_PAINT_BUDGET_BYTES,
): string[] {
  const chunks = firstPaintChunks(manifest);
  const problems: string[] = [];
  const encoder = new TextEncoder();
  const bytes = [...chunks.keys()].reduce((sum, file) => sum + encoder.encode(read(file)).length, 0);
  if (bytes > budget) problems.push(`The first-paint chunks weigh ${bytes} bytes, over the budget of ${budget}.`);
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
