/**
 * Fails `npm test` when a file under src/ imports from a layer above its own (see layer-rules.ts):
 * e.g. core from app or ui, app from ui, the embed from ui or app, the server or CLI from the browser;
 * and when files in src/core/ import each other in a cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCycles, importsOf, LAYER_RULES, layerViolations } from './layer-rules.ts';

const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
  .map((name) => join('src', name).split('\\').join('/'))
  .sort();
const refs = files.flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));
const problems = [
  ...layerViolations(refs),
  // Core is the shared base: its modules must read in one order, so none may (even for a type) need another that needs it.
  ...importCycles(refs.filter((ref) => ref.from.startsWith('src/core/'))).map(
    (cycle) => `an import cycle in src/core/: ${[...cycle, cycle[0]].join(' → ')}`,
  ),
];
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.error(`${problems.length} import${problems.length === 1 ? '' : 's'} across the layers (rules in scripts/layer-rules.ts).`);
  process.exit(1);
}
console.log(
  `✓ ${files.length} files in src/ import only from their own layer or below (${Object.keys(LAYER_RULES).length} layers); no import cycle in src/core/.`,
);
