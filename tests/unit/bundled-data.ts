import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv, type Dataset } from '../../src/core/data/dataset.ts';

/** The CSV the app ships in public/. */
export const bundledCsv = readFileSync(fileURLToPath(new URL('../../public/bmi_and_life_expectancy.csv', import.meta.url)), 'utf8');

/** The bundled CSV parsed with the default columns (Bmi → LifeExpectancy). */
export const bundledDataset: Dataset = (() => {
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.dataset;
})();
