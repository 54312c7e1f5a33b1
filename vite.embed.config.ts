import { defineConfig } from 'vite';

/**
 * `dist/bmi-predictor.js`: the `<bmi-predictor>` element alone, as one ES module with Lit inside and
 * no TensorFlow.js, for any page to load with a script tag. Built after the app into the same dist/.
 */
export default defineConfig({
  // The app build already copied public/; this build adds one file beside it.
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    lib: {
      entry: 'src/embed/bmi-predictor.ts',
      formats: ['es'],
      fileName: () => 'bmi-predictor.js',
    },
    rolldownOptions: {
      output: {
        // One self-contained file: a page adds one script tag and nothing else.
        codeSplitting: false,
        // Library mode keeps whitespace and pure annotations for bundlers that tree-shake further;
        // this file is loaded as it is, so it is minified fully.
        minify: true,
        comments: false,
      },
    },
  },
});
