import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The CSV the app ships in public/. */
export const bundledCsv = readFileSync(fileURLToPath(new URL('../../public/bmi_and_life_expectancy.csv', import.meta.url)), 'utf8');
