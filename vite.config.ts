import { defineConfig } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import { WEB_APP_MANIFEST } from './src/app/web-app-manifest.ts';

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
      // The app and the demo page of the embeddable <bmi-predictor> element (the tests' own pages are
      // built apart, by vite.test-pages.config.ts, so the site never ships them).
      input: { main: 'index.html', embed: 'embed.html' },
    },
  },
  worker: { format: 'es' },
  plugins: [
    // The app's embed snippets load bmi-predictor.js from beside its page; the build puts the file
    // there (vite.embed.config.ts), and the dev server of `npm start` answers with the element's source.
    {
      name: 'embed-script-in-dev',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use('/bmi-predictor.js', (_request, response) => {
          response.writeHead(307, { Location: '/src/embed/bmi-predictor.ts' }).end();
        });
      },
    },
    // Offline after one visit: a Workbox service worker precaches every file of the build.
    VitePWA({
      // A new version waits until the user asks for it (src/app/service-worker.ts), so code never
      // changes under a running training.
      registerType: 'prompt',
      injectRegister: false,
      manifest: WEB_APP_MANIFEST as Partial<ManifestOptions>,
      includeManifestIcons: false,
      workbox: {
        // The page, both workers, TF.js's chunks and WASM binaries, the bundled CSV, the sample weights,
        // the icons (the plugin adds the web app manifest); not Vite's build manifest.
        globPatterns: ['**/*.{html,js,css,wasm,csv,json,svg,png}'],
        globIgnores: ['.vite/**', 'custom-elements.json'],
        // The training worker bundles TF.js (about 1.8 MB); the default limit (2 MiB) is too close.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Links carry the settings in the query (?epochs=100…): any navigation gets the app's page.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/embed\.html$/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
