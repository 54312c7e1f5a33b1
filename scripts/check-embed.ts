/**
 * Fails `npm test` when the built dist/bmi-predictor.js is over budget, carries TensorFlow.js (or
 * papaparse, uPlot), imports another module, or when dist/custom-elements.json misses its API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkEmbedBundle, checkManifest, EMBED_GZIP_BUDGET_BYTES, formatKb } from './embed-check.ts';

const BUNDLE = 'dist/bmi-predictor.js';
const MANIFEST = 'dist/custom-elements.json';

if (!existsSync(BUNDLE) || !existsSync(MANIFEST)) {
  console.error(`${BUNDLE} or ${MANIFEST} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const { gzipBytes, problems } = checkEmbedBundle(readFileSync(BUNDLE, 'utf8'));
problems.push(
  ...checkManifest(
    JSON.parse(readFileSync(MANIFEST, 'utf8')),
    ['weights-src', 'weights', 'value', 'label', 'decimals', 'no-drop', 'no-interval', 'population'],
    ['bmi-prediction', 'bmi-predictor-error'],
  ),
);
console.log(`${BUNDLE}: ${gzipBytes} bytes gzipped (${formatKb(gzipBytes)} of ${formatKb(EMBED_GZIP_BUDGET_BYTES)}).`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
console.log('✓ no TensorFlow.js, papaparse or uPlot; self-contained; custom-elements.json describes the element.');
