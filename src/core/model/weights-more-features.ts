/**
 * What a version 3 weights file adds to version 2: the features after the first (`moreFeatures`, each
 * with its column, training range, scaling and coefficient, as a `Model` holds them), the features left
 * out because of singularities (`aliasedFeatures`), and the joint interval statistics (x̄ of every
 * feature and S⁻¹). The version 2 fields (`slope`, `feature`, `normalization.feature`) describe the
 * first feature. Checked here and in the JSON Schema alike, except what a schema cannot say: that the
 * sizes agree, and that S⁻¹ is symmetric positive definite.
 */
import { choleskyFactor } from '../stats/cholesky.ts';
import {
  describe,
  fieldProblems,
  finiteNumber,
  nonEmptyText,
  nonNegativeNumber,
  positiveNumber,
  text,
  wholeNumberAtLeast,
  type Check,
} from './field-checks.ts';
import { isJsonObject } from '../json-object.ts';
import type { JointIntervalBasis } from '../stats/intervals.ts';
import type { ModelFeature } from './model.ts';
import type { Result } from '../result.ts';
import { intervalsForFile, level95 } from './weights-intervals.ts';

/** Every field of one entry of `moreFeatures`, with its check; all are required. */
const MORE_FEATURE_FIELDS: [path: string, check: Check][] = [
  ['feature.name', nonEmptyText],
  ['feature.unit', text],
  ['feature.min', finiteNumber],
  ['feature.max', finiteNumber],
  ['scaling.mean', finiteNumber],
  ['scaling.std', positiveNumber],
  ['coefficient', finiteNumber],
];

/** The dotted paths of an entry of `moreFeatures`, as the schema lists them. */
export const MORE_FEATURE_FIELD_PATHS: readonly string[] = MORE_FEATURE_FIELDS.map(([path]) => path);

/** The joint interval basis's single numbers with their checks (the sizes depend on the features). */
const JOINT_BASIS_NUMBERS: [path: keyof JointIntervalBasis, check: Check][] = [
  ['level', level95],
  ['rows', wholeNumberAtLeast(4)],
  ['residualStandardError', nonNegativeNumber],
  ['degreesOfFreedom', wholeNumberAtLeast(1)],
  ['tQuantile', positiveNumber],
];

/** The joint interval basis's required fields, as the schema lists them. */
export const JOINT_BASIS_REQUIRED_FIELDS: readonly string[] = [
  ...JOINT_BASIS_NUMBERS.map(([path]) => path),
  'featureMeans',
  'inverseCrossProducts',
];

/** Every field of the joint interval basis, as the schema lists them: the required ones and `maxLeverage` (absent from older files). */
export const JOINT_BASIS_FIELDS: readonly string[] = [...JOINT_BASIS_REQUIRED_FIELDS, 'maxLeverage'];

/** A row's leverage lies in (0, 1]: so does the largest of them. */
const leverage: Check = (v) => (typeof v === 'number' && v > 0 && v <= 1 ? undefined : 'a number above 0 and at most 1');

/** A fresh copy of the features after the first, with only the known fields. */
export function moreFeaturesForFile(moreFeatures: readonly ModelFeature[]): ModelFeature[] {
  return moreFeatures.map(({ feature, scaling, coefficient }) => ({
    feature: { name: feature.name, unit: feature.unit, min: feature.min, max: feature.max },
    scaling: { mean: scaling.mean, std: scaling.std },
    coefficient,
  }));
}

/**
 * What is wrong with `moreFeatures` and `aliasedFeatures` of a version 3 file (`record` is the whole
 * file, its version 2 fields already checked), or undefined.
 */
export function moreFeaturesProblem(record: Record<string, unknown>): string | undefined {
  const { moreFeatures, aliasedFeatures } = record;
  if (!Array.isArray(moreFeatures) || moreFeatures.length === 0) {
    return `"moreFeatures" must be a list of at least one feature (found ${describe(moreFeatures)}): version 3 is for models of two or more features`;
  }
  const wrong: string[] = [];
  // Array.from: a hole in a sparse list is checked as undefined, not skipped.
  Array.from(moreFeatures as unknown[]).forEach((entry, i) => {
    const at = `moreFeatures.${i}.`;
    if (!isJsonObject(entry)) wrong.push(`"${at.slice(0, -1)}" must be an object (found ${describe(entry)})`);
    else {
      const problems = fieldProblems(entry, MORE_FEATURE_FIELDS, at);
      wrong.push(...problems.missing.map((path) => `${path} is missing`), ...problems.wrong);
    }
  });
  if (wrong.length > 0) return wrong.join('; ');
  const names = [(record.feature as { name: string }).name, ...(moreFeatures as ModelFeature[]).map((entry) => entry.feature.name)];
  const twice = names.find((name, i) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) !== i);
  if (twice !== undefined) return `the feature "${twice}" is named twice (names are matched without regard to case)`;
  if (
    aliasedFeatures !== undefined &&
    !(Array.isArray(aliasedFeatures) && aliasedFeatures.every((name) => nonEmptyText(name) === undefined))
  ) {
    return `"aliasedFeatures" must be a list of feature names (found ${describe(aliasedFeatures)})`;
  }
  return undefined;
}

/** A list of `size` finite numbers, or what is wrong with it. */
function numbersProblem(value: unknown, size: number, path: string): string | undefined {
  if (!Array.isArray(value) || value.length !== size) {
    return `"${path}" must be a list of ${size} numbers, one per feature (found ${Array.isArray(value) ? `${value.length}` : describe(value)})`;
  }
  const at = value.findIndex((v) => finiteNumber(v) !== undefined);
  return at < 0 ? undefined : `"${path}.${at}" must be a finite number (found ${describe(value[at])})`;
}

/** Matrices written here are exactly symmetric; a hand-edited one may differ in its last digits. */
const SYMMETRY_TOLERANCE = 1e-9;

/** What is wrong with a joint interval basis of `d` features, or undefined. */
export function jointIntervalsProblem(value: Record<string, unknown>, d: number): string | undefined {
  const { missing, wrong } = fieldProblems(
    value,
    [...JOINT_BASIS_NUMBERS, ['featureMeans', () => undefined], ['inverseCrossProducts', () => undefined]],
    'intervals.',
  );
  if (Object.hasOwn(value, 'maxLeverage')) wrong.push(...fieldProblems(value, [['maxLeverage', leverage]], 'intervals.').wrong);
  if (missing.length > 0 || wrong.length > 0) return [...missing.map((path) => `${path} is missing`), ...wrong].join('; ');
  const basis = value as unknown as JointIntervalBasis;
  if (basis.rows < d + 2) return `"intervals.rows" must be at least ${d + 2} for ${d} features (found ${basis.rows})`;
  const means = numbersProblem(basis.featureMeans, d, 'intervals.featureMeans');
  if (means) return means;
  const matrix: unknown = basis.inverseCrossProducts;
  if (!Array.isArray(matrix) || matrix.length !== d) {
    return `"intervals.inverseCrossProducts" must be ${d} rows of ${d} numbers (found ${Array.isArray(matrix) ? `${matrix.length} rows` : describe(matrix)})`;
  }
  for (let i = 0; i < d; i++) {
    const row = numbersProblem(matrix[i], d, `intervals.inverseCrossProducts.${i}`);
    if (row) return row;
  }
  const rows = matrix as number[][];
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const scale = Math.max(Math.abs(rows[i][j]), Math.abs(rows[j][i]));
      if (Math.abs(rows[i][j] - rows[j][i]) > SYMMETRY_TOLERANCE * scale) {
        return `"intervals.inverseCrossProducts" must be symmetric, but row ${i} column ${j} is ${rows[i][j]} and row ${j} column ${i} is ${rows[j][i]}`;
      }
    }
  }
  if (!choleskyFactor(rows.flat(), d))
    return '"intervals.inverseCrossProducts" must be positive definite (an inverse of cross-products is), and it is not';
  return undefined;
}

/** Reads the joint `intervals` of a version 3 file of `d` features. */
export function checkJointIntervals(value: unknown, d: number): Result<{ intervals: JointIntervalBasis | { unavailable: string } }> {
  if (!isJsonObject(value)) return { ok: false, error: 'The weights file is invalid: "intervals" must be an object.' };
  if (Object.hasOwn(value, 'unavailable')) {
    const problem = nonEmptyText(value.unavailable);
    return problem
      ? {
          ok: false,
          error: `The weights file is invalid: "intervals.unavailable" must be ${problem} (found ${describe(value.unavailable)}).`,
        }
      : { ok: true, intervals: { unavailable: value.unavailable as string } };
  }
  const problem = jointIntervalsProblem(value, d);
  if (problem) return { ok: false, error: `The weights file is invalid: ${problem}.` };
  return { ok: true, intervals: intervalsForFile(value as unknown as JointIntervalBasis) as JointIntervalBasis };
}
