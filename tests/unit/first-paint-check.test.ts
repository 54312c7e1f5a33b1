import { describe, expect, it } from 'vitest';
import { checkFirstPaint, firstPaintChunks, type Manifest } from '../../scripts/first-paint-check.ts';

/** index.html's entry imports a shared chunk statically and an engine chunk dynamically. */
const MANIFEST: Manifest = {
  'index.html': { file: 'assets/main.js', imports: ['_shared.js'], dynamicImports: ['src/engine.ts'] },
  '_shared.js': { file: 'assets/shared.js', imports: ['_leaf.js'] },
  '_leaf.js': { file: 'assets/leaf.js', imports: ['index.html'] },
  'src/engine.ts': { file: 'assets/engine.js', imports: ['_tf.js'] },
  '_tf.js': { file: 'assets/tf.js' },
};

const TF_CODE = 'var f={IS_BROWSER:!0};';
const files = (overrides: Record<string, string>) => (file: string) => overrides[file] ?? 'export const x=1;';

describe('the first-paint guard', () => {
  it('walks static imports (through cycles), not dynamic ones', () => {
    expect([...firstPaintChunks(MANIFEST)]).toEqual([
      ['assets/main.js', ['index.html']],
      ['assets/shared.js', ['index.html', '_shared.js']],
      ['assets/leaf.js', ['index.html', '_shared.js', '_leaf.js']],
    ]);
  });

  it('passes when TF.js is only in lazy chunks', () => {
    expect(checkFirstPaint(MANIFEST, files({ 'assets/tf.js': TF_CODE }), [])).toEqual([]);
  });

  it('fails, naming the file and the import path, when TF.js reaches a static import', () => {
    expect(checkFirstPaint(MANIFEST, files({ 'assets/leaf.js': TF_CODE }), [])).toEqual([
      'TensorFlow.js is in the first-paint chunks: assets/leaf.js ("IS_BROWSER", reached by index.html → _shared.js → _leaf.js).',
    ]);
  });

  it('is not fooled by the app saying "tfjs" itself', () => {
    expect(checkFirstPaint(MANIFEST, files({ 'assets/main.js': 'case`export-tfjs`:import("./tfjs-model-files.js")' }), [])).toEqual([]);
  });

  it.each([
    ['papaparse', 'o.BAD_DELIMITERS.indexOf(t)'],
    ['uPlot', 'u.syncRect(!0)'],
  ])('fails on %s unless it is allowed, and fails when an allowed one has gone', (library, code) => {
    expect(checkFirstPaint(MANIFEST, files({ 'assets/shared.js': code }), [])).toEqual([
      expect.stringContaining(`${library} is in the first-paint chunks: assets/shared.js`),
    ]);
    expect(checkFirstPaint(MANIFEST, files({ 'assets/shared.js': code }), [library])).toEqual([]);
    expect(checkFirstPaint(MANIFEST, files({}), [library])).toEqual([
      expect.stringContaining(`${library} is no longer in the first-paint chunks`),
    ]);
  });

  it('fails when the first-paint chunks together weigh more than the budget, and not when only a lazy chunk does', () => {
    const heavy = 'x'.repeat(600);
    expect(checkFirstPaint(MANIFEST, files({ 'assets/main.js': heavy, 'assets/leaf.js': heavy }), [], 1000)).toEqual([
      expect.stringMatching(/^The first-paint chunks weigh \d+ bytes, over the budget of 1000\.$/),
    ]);
    expect(checkFirstPaint(MANIFEST, files({ 'assets/main.js': heavy, 'assets/engine.js': heavy }), [], 1000)).toEqual([]);
  });
});
