/**
 * The built app's first-paint chunks (index.html's entry and its static imports, from Vite's manifest)
 * carry no TensorFlow.js; the lazy chunks that do are really kept out of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFirstPaint, firstPaintChunks, LIBRARY_CODE_MARKERS, type Manifest } from '../../scripts/first-paint-check.ts';
import { reachableChunks, readManifest } from '../../scripts/vite-manifest.ts';

const manifest = (): Manifest => readManifest();
const read = (file: string): string => readFileSync(`dist/${file}`, 'utf8');
const marker = (library: string): RegExp => LIBRARY_CODE_MARKERS.find((known) => known.library === library)!.pattern;
const TFJS = marker('TensorFlow.js');

describe('the first-paint chunks of the built app', () => {
  it('carry no TensorFlow.js nor uPlot (nor papaparse beyond the allowed list), within their byte budget', () => {
    expect(checkFirstPaint(manifest(), read)).toEqual([]);
  });

  it('are walked from the entry through static imports only, and the markers find TF.js where it is', () => {
    const built = manifest();
    const initial = firstPaintChunks(built);
    expect(initial.get(built['index.html'].file)).toEqual(['index.html']);
    // The lazy engine chunks do carry TF.js, so the marker would see it had they been static imports.
    const lazy = (built['index.html'].dynamicImports ?? []).map((key) => built[key].file);
    expect(lazy.length).toBeGreaterThan(0);
    expect(lazy.filter((file) => !initial.has(file) && TFJS.test(read(file))).length).toBeGreaterThan(0);
    // uPlot too: the charts load it after the first paint, and its marker finds it there.
    const later = [...reachableChunks(built, 'index.html', { dynamic: true }).keys()].filter((file) => !initial.has(file));
    expect(later.filter((file) => marker('uPlot').test(read(file))).length).toBeGreaterThan(0);
  });
});
