/**
 * Fails `npm test` when a file under src/ imports from a layer above its own (see layer-rules.ts):
 * e.g. core from app or ui, app from ui, the embed from ui or app, the server or CLI from the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importsOf, LAYER_RULES, layerViolations } from './layer-rules.ts';

const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.ts$/.test(name) && !name.endsWith('.d.ts'))
  .map((name) => join('src', name).split('\\').join('/'))
  .sort();
const problems = layerViolations(files.flatMap((file) => importsOf(file, readFileSync(file, 'utf8'))));
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.error(`${problems.length} import${problems.length === 1 ? '' : 's'} across the layers (rules in scripts/layer-rules.ts).`);
  process.exit(1);
}
console.log(`✓ ${files.length} files in src/ import only from their own layer or below (${Object.keys(LAYER_RULES).length} layers).`);
