import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkEmbedBundle, checkManifest, EMBED_GZIP_BUDGET_BYTES } from '../../scripts/embed-check.ts';

const CLEAN = 'var e=globalThis;class t extends HTMLElement{};customElements.define(`bmi-predictor`,t);export{t as BmiPredictor};';

describe('the embed bundle check run by npm test', () => {
  it('passes a small self-contained bundle and reports its gzipped size', () => {
    const code = CLEAN.repeat(100);
    const report = checkEmbedBundle(code);
    expect(report.problems).toEqual([]);
    // Measured compressed, as a server sends it: repetitive code shrinks a lot.
    expect(report.gzipBytes).toBeGreaterThan(0);
    expect(report.gzipBytes).toBeLessThan(code.length / 10);
  });

  it('fails a bundle over the gzipped budget', () => {
    // Random bytes barely compress: 20 KB of them gzip to more than 15 KB.
    const code = `${CLEAN}/*${randomBytes(20 * 1024).toString('base64')}*/`;
    const report = checkEmbedBundle(code);
    expect(report.gzipBytes).toBeGreaterThan(EMBED_GZIP_BUDGET_BYTES);
    expect(report.problems.join('\n')).toMatch(/gzipped, over the 15\.00 KB budget/);
  });

  it.each([
    ['TensorFlow.js', 'var a="@tensorflow/tfjs-core";'],
    ['TensorFlow.js', 'function registerKernel(k){}'],
    ['TensorFlow.js', 'var v={"tfjs-core":"4.22.0"};'],
    ['papaparse', 'var d="UndetectableDelimiter";'],
    ['uPlot', 'el.className="u-legend";'],
  ])('fails a bundle that contains %s (%s)', (library, snippet) => {
    expect(checkEmbedBundle(CLEAN + snippet).problems.join('\n')).toContain(`contains ${library}`);
  });

  it.each(['import("./chunk-abc.js")', 'import{x as y}from"./lit-abc.js";'])(
    'fails a bundle that imports another module: %s',
    (snippet) => {
      expect(checkEmbedBundle(snippet + CLEAN).problems.join('\n')).toMatch(/imports another module/);
    },
  );

  it('fails a manifest that lacks the element, an attribute or an event', () => {
    const manifest = {
      modules: [
        { declarations: [{ tagName: 'bmi-predictor', attributes: [{ name: 'weights-src' }], events: [{ name: 'bmi-prediction' }] }] },
      ],
    };
    expect(checkManifest(manifest, ['weights-src'], ['bmi-prediction'])).toEqual([]);
    expect(checkManifest(manifest, ['weights-src', 'value'], ['bmi-prediction', 'bmi-predictor-error'])).toEqual([
      'custom-elements.json lacks the attribute "value".',
      'custom-elements.json lacks the event "bmi-predictor-error".',
    ]);
    expect(checkManifest({ modules: [] }, [], [])).toEqual(['custom-elements.json declares no <bmi-predictor>.']);
  });
});
