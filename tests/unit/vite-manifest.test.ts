/** The one walk over Vite's build manifest, shared by the first-paint guard and the bench. */
import { describe, expect, it } from 'vitest';
import { reachableChunks, type Manifest } from '../../scripts/vite-manifest.ts';

/** index.html imports a shared chunk statically and an engine chunk dynamically; a test page has its own chunk. */
const MANIFEST: Manifest = {
  'index.html': { file: 'assets/main.js', imports: ['_shared.js'], dynamicImports: ['src/engine.ts'] },
  '_shared.js': { file: 'assets/shared.js', imports: ['index.html'] },
  'src/engine.ts': { file: 'assets/engine.js', imports: ['_tf.js'], dynamicImports: ['src/lazy.ts'] },
  '_tf.js': { file: 'assets/tf.js' },
  'src/lazy.ts': { file: 'assets/lazy.js' },
  'test.html': { file: 'assets/test.js', imports: ['_tf.js'] },
};

describe('reachableChunks', () => {
  it('follows static imports only by default, each file with the path that reached it, through cycles', () => {
    expect([...reachableChunks(MANIFEST)]).toEqual([
      ['assets/main.js', ['index.html']],
      ['assets/shared.js', ['index.html', '_shared.js']],
    ]);
  });

  it('with dynamic imports, everything the entry may load later, and nothing only another entry loads', () => {
    expect([...reachableChunks(MANIFEST, 'index.html', { dynamic: true }).keys()]).toEqual([
      'assets/main.js',
      'assets/shared.js',
      'assets/engine.js',
      'assets/tf.js',
      'assets/lazy.js',
    ]);
  });

  it('refuses an entry the manifest does not have', () => {
    expect(() => reachableChunks(MANIFEST, 'other.html')).toThrow('The build manifest has no entry "other.html".');
  });
});
