/**
 * Writes public/sample-weights.json: the exact least-squares model of the bundled data, in the weights
 * file format, for the embed demo page. Run `npm run sample-weights` after the data or the format changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closedFormModel } from '../src/core/model/closed-form-model.ts';
import { parseCsv } from '../src/core/data/dataset.ts';
import { serializeWeights } from '../src/core/model/weights-file.ts';

const csvPath = fileURLToPath(new URL('../public/bmi_and_life_expectancy.csv', import.meta.url));
const outPath = fileURLToPath(new URL('../public/sample-weights.json', import.meta.url));

const outcome = parseCsv(readFileSync(csvPath, 'utf8'));
if (!outcome.ok) throw new Error(`The bundled data did not parse: ${outcome.error}`);
const model = closedFormModel(outcome.dataset, new Date());
writeFileSync(outPath, serializeWeights(model));
console.log(`Wrote public/sample-weights.json: slope ${model.slope}, intercept ${model.intercept}, MSE ${model.training.trainMse}`);
