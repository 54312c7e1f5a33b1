import { defineConfig } from 'vite';

/**
 * The browser tests' own pages (the fused-training checks), built into `dist-test-pages/`, apart from
 * the app: the published site neither ships nor precaches them. The tests serve this folder beside dist/.
 */
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist-test-pages',
    emptyOutDir: true,
    // TF.js is large by nature; this page is never published.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: {
        'fused-training': 'tests/browser/pages/fused-training.html',
        'fused-features': 'tests/browser/pages/fused-features.html',
      },
    },
  },
  worker: { format: 'es' },
});
