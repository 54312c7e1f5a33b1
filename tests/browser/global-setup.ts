/**
 * Serves the built app (`dist/`, made by `npm run build` before the tests) on a free loopback port for
 * the browser tests, and hands them its URL.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from './static-server.ts';

let server: PreviewServer | undefined;
let testPages: StaticServer | undefined;

/**
 * What `npm run build` makes: the app, the embeddable element and its manifest. `npx vite build` alone
 * makes only the first and empties dist/ of the others, which would fail the embed tests confusingly.
 */
const BUILT_FILES = [
  'dist/index.html',
  'dist/bmi-predictor.js',
  'dist/custom-elements.json',
  'dist-test-pages/tests/browser/pages/fused-training.html',
  'dist-test-pages/tests/browser/pages/fused-features.html',
];

export async function setup(project: TestProject): Promise<void> {
  const missing = BUILT_FILES.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} missing: run \`npm run build\` first (npm test does; \`npx vite build\` alone builds only the app).`,
    );
  }
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report a URL.');
  project.provide('appUrl', url);
  // The tests' own pages, built apart from the site (vite.test-pages.config.ts).
  testPages = await serveStatic('dist-test-pages');
  project.provide('testPagesUrl', testPages.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await testPages?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** Where dist-test-pages/ is served. */
    testPagesUrl: string;
  }
}
