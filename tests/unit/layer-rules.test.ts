import { describe, expect, it } from 'vitest';
import { importCycles, importsOf, layerOf, layerViolations } from '../../scripts/layer-rules.ts';

const check = (from: string, ...specifiers: string[]) => layerViolations(specifiers.map((specifier) => ({ from, specifier })));

describe('importsOf', () => {
  it('finds static, type-only, re-exported, dynamic and worker-URL imports', () => {
    const code = [
      "import type { A } from './a.ts';",
      "import { b } from '../b/b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "const e = await import('../e/e.ts');",
      "new Worker(new URL('../worker/f.ts', import.meta.url));",
      "import 'lit';",
    ].join('\n');
    expect(
      importsOf('src/x/y.ts', code)
        .map((ref) => ref.specifier)
        .sort(),
    ).toEqual(['../b/b.ts', '../e/e.ts', '../worker/f.ts', './a.ts', './c.ts', './d.ts', 'lit'].sort());
  });
});

describe('layerViolations', () => {
  it('names the layer of a path', () => {
    expect(layerOf('src/core/train/trainer.ts')).toBe('core');
    expect(layerOf('src/main.ts')).toBe('.');
  });

  it('accepts imports from the same layer or below', () => {
    expect(check('src/core/train/trainer.ts', '../model.ts', '@tensorflow/tfjs-core')).toEqual([]);
    expect(check('src/ui/bmi-app.ts', '../core/model.ts', '../app/download.ts', '../embed/define.ts', 'lit/decorators.js')).toEqual([]);
    expect(check('src/cli/serve.ts', '../server/predict-server.ts', 'node:fs/promises')).toEqual([]);
    expect(check('src/app/wasm-paths.ts', '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url')).toEqual([]);
  });

  it.each([
    ['src/core/model.ts', '../app/download.ts'],
    ['src/core/train/trainer.ts', '../../ui/events.ts'],
    ['src/core/model.ts', '../tfjs-browser/backend.ts'],
    ['src/core/model.ts', '../worker/csv-protocol.ts'],
    ['src/core/model.ts', '../cli/args.ts'],
    ['src/core/model.ts', '../server/predict-api.ts'],
    ['src/core/model.ts', '../embed/define.ts'],
    ['src/app/download.ts', '../ui/events.ts'],
    ['src/embed/bmi-predictor.ts', '../ui/define.ts'],
    ['src/embed/bmi-predictor.ts', '../app/download.ts'],
    ['src/server/predict-server.ts', '../app/model-store.ts'],
    ['src/cli/train.ts', '../tfjs-browser/backend.ts'],
    ['src/cli/train.ts', '../ui/events.ts'],
    ['src/tfjs-browser/backend.ts', '../app/wasm-paths.ts'],
  ])('refuses %s importing %s (upward)', (from, specifier) => {
    expect(check(from, specifier)).toEqual([expect.stringContaining(`${from} imports ${specifier}: src/`)]);
  });

  it.each([
    ['src/core/model.ts', 'lit'],
    ['src/core/model.ts', 'node:fs'],
    ['src/embed/bmi-predictor.ts', '@tensorflow/tfjs-core'],
    ['src/ui/data-panel.ts', 'node:path'],
    ['src/server/predict-server.ts', 'lit'],
    ['src/app/model-store.ts', 'lit'],
  ])('refuses %s importing the package %s', (from, specifier) => {
    expect(check(from, specifier)).toEqual([expect.stringContaining(`imports the package ${specifier}`)]);
  });

  it('refuses a folder no rule names, so a new layer is placed on purpose', () => {
    expect(check('src/widgets/x.ts', '../core/model.ts')).toEqual([expect.stringContaining('src/widgets/ is not a known layer')]);
  });

  it('ignores data files outside src/ but refuses code there', () => {
    expect(check('src/cli/load-dataset.ts', '../../public/bmi_and_life_expectancy.csv')).toEqual([]);
    expect(check('src/core/model.ts', '../../tests/unit/reference.ts')).toEqual([expect.stringContaining('code outside src/')]);
  });
});

describe('importCycles', () => {
  const refs = (edges: [string, string][]) => edges.map(([from, specifier]) => ({ from, specifier }));

  it('finds a two-file cycle, type-only imports included, once', () => {
    const cycles = importCycles(
      refs([
        ['src/core/stats/moments.ts', './stats.ts'],
        ['src/core/stats/stats.ts', './moments.ts'],
        ['src/core/stats/stats.ts', '../model/predict.ts'],
      ]),
    );
    expect(cycles).toEqual([['src/core/stats/moments.ts', 'src/core/stats/stats.ts']]);
  });

  it('finds a cycle through folders and ignores packages and a shared dependency', () => {
    expect(
      importCycles(
        refs([
          ['src/core/a/x.ts', '../b/y.ts'],
          ['src/core/b/y.ts', '../c/z.ts'],
          ['src/core/c/z.ts', '../a/x.ts'],
          ['src/core/c/z.ts', 'jstat'],
        ]),
      ),
    ).toEqual([['src/core/a/x.ts', 'src/core/b/y.ts', 'src/core/c/z.ts']]);
    expect(
      importCycles(
        refs([
          ['src/core/a.ts', './c.ts'],
          ['src/core/b.ts', './c.ts'],
          ['src/core/a.ts', './b.ts'],
        ]),
      ),
    ).toEqual([]);
  });
});
