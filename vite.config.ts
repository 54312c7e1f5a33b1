import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs, so the built app works from any folder of a static server.
  base: './',
  build: {
    target: 'es2022',
    // Lets the bench find which chunks load lazily.
    manifest: true,
    // TF.js is large by nature; it loads lazily after the first paint, so its chunk size is expected.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // The app, the demo page of the embeddable <bmi-predictor> element, and the fused-training test page.
      input: { main: 'index.html', embed: 'embed.html', 'fused-training': 'tests/browser/pages/fused-training.html' },
    },
  },
  worker: { format: 'es' },
});
