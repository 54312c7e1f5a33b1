/**
 * Vite's build manifest (`dist/.vite/manifest.json`) and the one walk over it that the first-paint
 * guard and the bench share: the chunks an entry reaches through its imports.
 */
import { readFileSync } from 'node:fs';

export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** The manifest of a build in `dist`. */
export function readManifest(dist = 'dist'): Manifest {
  return JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Manifest;
}

/**
 * The chunk files `entry` reaches, each with the import path that first reached it (manifest keys from
 * the entry). Static imports only by default (what the browser fetches before the entry runs); with
 * `dynamic`, also what it may load later. Cycles are walked once.
 */
export function reachableChunks(manifest: Manifest, entry = 'index.html', { dynamic = false } = {}): Map<string, string[]> {
  if (!manifest[entry]) throw new Error(`The build manifest has no entry "${entry}".`);
  const reached = new Map<string, string[]>();
  const visit = (key: string, path: string[]): void => {
    const chunk = manifest[key];
    if (!chunk || reached.has(chunk.file)) return;
    const here = [...path, key];
    reached.set(chunk.file, here);
    for (const imported of chunk.imports ?? []) visit(imported, here);
    if (dynamic) for (const imported of chunk.dynamicImports ?? []) visit(imported, here);
  };
  visit(entry, []);
  return reached;
}
