/** Custom Elements Manifest of the embeddable element, generated into dist/ by `npm run build`. */
export default {
  globs: ['src/embed/bmi-predictor.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json already points at dist/custom-elements.json; the analyzer must not rewrite it.
  packagejson: false,
};
