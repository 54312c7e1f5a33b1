/**
 * The `intervals` object of a version 2 weights file: either what 95% intervals need (the numbers of
 * `IntervalBasis`) or `{ "unavailable": "why" }` for a model whose training rows cannot give them
 * (fewer than 3, or a constant feature). Checked here and in the JSON Schema alike.
 */
import {
  checkFields,
  fieldProblems,
  finiteNumber,
  fraction,
  nonEmptyText,
  nonNegativeNumber,
  positiveNumber,
  wholeNumberAtLeast,
  type Check,
} from './field-checks.ts';
import { isIntervalBasis, isJointIntervalBasis, type IntervalBasis, type IntervalStatistics } from '../stats/intervals.ts';
import type { Result } from '../result.ts';

/** Every field of the interval basis with its check; all are required. */
const BASIS_FIELDS: [path: keyof IntervalBasis, check: Check][] = [
  ['level', fraction],
  ['rows', wholeNumberAtLeast(3)],
  ['featureMean', finiteNumber],
  ['featureSumOfSquares', positiveNumber],
  ['residualStandardError', nonNegativeNumber],
  ['degreesOfFreedom', wholeNumberAtLeast(1)],
  ['tQuantile', positiveNumber],
];

/** The names of the interval basis fields, as the schema lists them. */
export const INTERVAL_BASIS_FIELDS: readonly string[] = BASIS_FIELDS.map(([path]) => path);

/** A fresh copy with only the known fields, so nothing unknown travels into a file or a model. */
export function intervalsForFile(intervals: IntervalStatistics): IntervalStatistics {
  if (isJointIntervalBasis(intervals)) {
    const { level, rows, featureMeans, inverseCrossProducts, residualStandardError, degreesOfFreedom, tQuantile } = intervals;
    return {
      level,
      rows,
      featureMeans: [...featureMeans],
      inverseCrossProducts: inverseCrossProducts.map((row) => [...row]),
      residualStandardError,
      degreesOfFreedom,
      tQuantile,
    };
  }
  if (!isIntervalBasis(intervals)) return { unavailable: intervals.unavailable };
  const { level, rows, featureMean, featureSumOfSquares, residualStandardError, degreesOfFreedom, tQuantile } = intervals;
  return { level, rows, featureMean, featureSumOfSquares, residualStandardError, degreesOfFreedom, tQuantile };
}

function fieldsOf(value: object): [string, Check][] {
  return Object.hasOwn(value, 'unavailable') ? [['unavailable', nonEmptyText]] : BASIS_FIELDS;
}

/**
 * What is wrong with a model's interval statistics before they are written (a number that is not
 * finite, say), in the words of the reader's messages, or undefined.
 */
export function intervalsProblem(intervals: IntervalStatistics): string | undefined {
  const { missing, wrong } = fieldProblems(intervals, fieldsOf(intervals), 'intervals.');
  const problems = [...missing.map((path) => `${path} is missing`), ...wrong];
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** Reads the `intervals` field of a version 2 file (`record` is the whole file). */
export function checkIntervals(record: Record<string, unknown>): Result<{ intervals: IntervalStatistics }> {
  if (!Object.hasOwn(record, 'intervals')) {
    return {
      ok: false,
      error: `The weights file is missing "intervals" (version ${String(record.version)} files carry the statistics of 95% intervals).`,
    };
  }
  const value = record.intervals;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'The weights file is invalid: "intervals" must be an object.' };
  }
  const error = checkFields(value, fieldsOf(value), 'intervals.');
  return error ? { ok: false, error } : { ok: true, intervals: intervalsForFile(value as IntervalStatistics) };
}
