/**
 * Writes the weights file schema's checks of the interval block that JSON Schema can express (issue 22,
 * class 4): level 0.95, the field descriptions, and a band of allowed t quantiles per range of degrees of
 * freedom, from `tQuantile95` (R's values; see tests/r/t-quantile.R). The validator checks t exactly
 * (to 1e-6); the schema, which cannot compute, checks it to these bands. Run `npx tsx
 * scripts/schema-t-quantile-bands.ts && npx prettier --write schema/` after changing either.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tQuantile95, T_QUANTILE_TOLERANCE } from '../src/core/stats/t-quantile-95.ts';
const path = fileURLToPath(new URL('../schema/bmi-predictor-weights.schema.json', import.meta.url));
interface IntervalBasisSchema {
  properties: Record<string, Record<string, unknown>>;
  allOf?: unknown[];
}
const schema = JSON.parse(readFileSync(path, 'utf8')) as { $defs: Record<'intervalBasis' | 'jointIntervalBasis', IntervalBasisSchema> };
for (const [name, parameters] of [
  ['intervalBasis', 'n − 2'],
  ['jointIntervalBasis', 'n − p, p = the features + 1'],
] as const) {
  const basis = schema.$defs[name];
  basis.properties.level = {
    description: 'Coverage of the intervals: 0.95, the only level written and read (the t quantile is checked for it).',
    const: 0.95,
  };
  basis.properties.rows.description =
    'n: the training rows; must equal training.rows (the validator checks it: JSON Schema cannot relate two fields).';
  basis.properties.degreesOfFreedom.description = `${parameters} (the validator checks it against rows).`;
  basis.properties.tQuantile = {
    description:
      'Student-t quantile at 0.975 with degreesOfFreedom (1.9748 for 161). The validator checks it to 1e-6 relative; this schema checks it to a band per range of degrees of freedom (allOf below).',
    $ref: '#/$defs/positiveNumber',
  };
  const slack = (t: number, sign: number) => Number((t * (1 + sign * 2 * T_QUANTILE_TOLERANCE)).toPrecision(9));
  const bands: [number, number | null][] = [];
  bands.push(
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 8],
    [9, 12],
    [13, 20],
    [21, 30],
    [31, 60],
    [61, 120],
    [121, 250],
    [251, 1000],
    [1001, null],
  );
  basis.allOf = bands.map(([low, high]) => ({
    if: {
      properties: { degreesOfFreedom: high === null ? { type: 'number', minimum: low } : { type: 'number', minimum: low, maximum: high } },
      required: ['degreesOfFreedom'],
    },
    then: {
      properties: {
        tQuantile: {
          type: 'number',
          minimum: slack(high === null ? 1.959963984540054 : tQuantile95(high), -1),
          maximum: slack(tQuantile95(low), 1),
        },
      },
    },
  }));
}
writeFileSync(path, JSON.stringify(schema, null, 2) + '\n');
