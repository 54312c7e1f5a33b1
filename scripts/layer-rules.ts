/**
 * The layers of `src/` and what each may import, checked by `check-layers.ts` in `npm test`. Each
 * folder names the folders and packages it may import (an allow-list: a new folder or package is
 * refused until someone decides where it sits). Lower layers never import higher ones:
 *
 *   core ← tfjs-browser ← worker ← app ← ui ← main.ts
 *   core ← embed ← ui            core ← server ← cli
 */
import { parseSync } from 'vite';

export interface LayerRule {
  /** Folders under src/ this layer may import from (its own included). */
  folders: readonly string[];
  /** Packages it may import (a bare specifier's first path part, or `node:` for Node's modules). */
  packages: readonly string[];
}

const TFJS = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-backend-wasm',
];

/** Keyed by the first folder under src/; `.` is a file directly in src/ (the entry). */
export const LAYER_RULES: Readonly<Record<string, LayerRule>> = {
  // Plain TypeScript for page, workers and Node: no DOM (tsconfig.core.json), no Lit, no Node modules.
  // jstat (plain JavaScript) gives the fit summary its t and F distributions.
  core: { folders: ['core'], packages: ['@tensorflow/tfjs-core', 'papaparse', 'jstat'] },
  // Backend choice and registration: browser TF.js, on top of core.
  'tfjs-browser': { folders: ['core', 'tfjs-browser'], packages: TFJS },
  // Worker entries and their message types.
  worker: { folders: ['core', 'tfjs-browser', 'worker'], packages: ['papaparse', ...TFJS] },
  // Browser glue without elements or Lit: engines, storage, files.
  // (virtual:pwa-register is vite-plugin-pwa's service worker registration, on workbox-window.)
  app: { folders: ['core', 'tfjs-browser', 'worker', 'app'], packages: ['idb-keyval', 'virtual:pwa-register', ...TFJS] },
  // The embeddable element: small and without TF.js, so core and Lit only.
  embed: { folders: ['core', 'embed'], packages: ['lit'] },
  // The app's elements and their controllers.
  ui: { folders: ['core', 'app', 'embed', 'ui'], packages: ['lit', 'uplot', 'd3-contour'] },
  // The HTTP prediction server (Node).
  server: { folders: ['core', 'server'], packages: ['node:'] },
  // The commands (Node).
  cli: { folders: ['core', 'server', 'cli'], packages: ['node:', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-cpu'] },
  '.': { folders: ['ui', '.'], packages: [] },
};

export interface ImportRef {
  /** The file that imports, relative to the repository, e.g. `src/core/model/model.ts`. */
  from: string;
  /** The specifier as written, e.g. `../app/x.ts`, `lit/decorators.js`, `node:fs`. */
  specifier: string;
}

/** Every module a TypeScript file names: static and type imports, re-exports, `import()` and `new URL(…, import.meta.url)`. */
export function importsOf(path: string, code: string): ImportRef[] {
  const { module, errors } = parseSync(path, code);
  if (errors.length > 0) throw new Error(`${path} does not parse: ${errors[0].message}`);
  const specifiers = [
    ...module.staticImports.map((entry) => entry.moduleRequest.value),
    ...module.staticExports.flatMap((entry) => entry.entries.flatMap((e) => (e.moduleRequest ? [e.moduleRequest.value] : []))),
    ...module.dynamicImports
      .map(({ moduleRequest }) => code.slice(moduleRequest.start, moduleRequest.end))
      .flatMap((text) => {
        const literal = /^\s*(['"`])([^'"`]+)\1\s*$/.exec(text);
        return literal ? [literal[2]] : [];
      }),
    ...[...code.matchAll(/new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g)].map((match) => match[2]),
  ];
  return [...new Set(specifiers)].map((specifier) => ({ from: path, specifier }));
}

/** The first folder under src/ of a path like `src/core/train/x.ts` (`.` for `src/main.ts`). */
export function layerOf(path: string): string {
  const parts = path.split('/');
  const at = parts.indexOf('src');
  return parts.length - at > 2 ? parts[at + 1] : '.';
}

function resolveRelative(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** One sentence per import that breaks a rule; none when the layers hold. */
export function layerViolations(refs: readonly ImportRef[], rules: Readonly<Record<string, LayerRule>> = LAYER_RULES): string[] {
  const problems: string[] = [];
  for (const { from, specifier } of refs) {
    const layer = layerOf(from);
    const rule = rules[layer];
    if (!rule) {
      problems.push(`${from}: src/${layer}/ is not a known layer; add it to LAYER_RULES in scripts/layer-rules.ts.`);
      continue;
    }
    const bare = specifier.replace(/\?.*$/, '');
    if (bare.startsWith('.')) {
      const target = resolveRelative(from, bare);
      if (!target.split('/').includes('src')) {
        // A data file (the bundled CSV) is not a layer; code from outside src/ is refused.
        if (/\.[cm]?[jt]s$/.test(target)) problems.push(`${from} imports ${specifier}, code outside src/.`);
        continue;
      }
      const targetLayer = layerOf(target);
      if (!rule.folders.includes(targetLayer)) {
        problems.push(
          `${from} imports ${specifier}: ${layer === '.' ? 'src/' : `src/${layer}/`} may import only from ${rule.folders.map((f) => (f === '.' ? 'src/' : `src/${f}/`)).join(', ')}.`,
        );
      }
    } else if (!rule.packages.includes(packageOf(bare))) {
      problems.push(
        `${from} imports the package ${specifier}: ${layer === '.' ? 'src/' : `src/${layer}/`} may import only ${rule.packages.join(', ') || 'no packages'}.`,
      );
    }
  }
  return problems;
}

/**
 * The import cycles among the given files (type-only imports included: they tie the files' meanings
 * together just the same), each as the list of files around it, starting from its smallest name.
 */
export function importCycles(refs: readonly ImportRef[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, specifier } of refs) {
    const bare = specifier.replace(/\?.*$/, '');
    if (!bare.startsWith('.')) continue;
    const target = resolveRelative(from, bare);
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(target);
  }
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const ring = path.slice(path.indexOf(next));
        const start = ring.indexOf([...ring].sort()[0]);
        const canonical = [...ring.slice(start), ...ring.slice(0, start)];
        cycles.set(canonical.join(' → '), canonical);
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...edges.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles.values()];
}
