/**
 * The `intervals` object of a version 2 weights file: either what 95% intervals need (the numbers of
 * `IntervalBasis`) or `{ "unavailable": "why" }` for a model whose training rows cannot give them
 * (fewer than 3, or a constant feature). Checked here and in the JSON Schema alike.
 */
import {
  checkFields,
  fieldProblems,
  finiteNumber,
  nonEmptyText,
  nonNegativeNumber,
  positiveNumber,
  wholeNumberAtLeast,
  type Check,
} from './field-checks.ts';
import {
  INTERVAL_LEVEL,
  intervalOverflow,
  isIntervalBasis,
  isJointIntervalBasis,
  type IntervalBasis,
  type IntervalStatistics,
} from '../stats/intervals.ts';
import { isTQuantile95, tQuantile95 } from '../stats/t-quantile-95.ts';
import type { InputRange, Line } from './predict.ts';
import type { Result } from '../result.ts';

/** The intervals are 95% intervals: the level every writer uses, and the one the t quantile is checked for. */
export const level95: Check = (v) => (v === INTERVAL_LEVEL ? undefined : String(INTERVAL_LEVEL));

/** Every field of the interval basis with its check; all are required. */
const BASIS_FIELDS: [path: keyof IntervalBasis, check: Check][] = [
  ['level', level95],
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
  // A block that says why there are no intervals is that, whatever else a hand-edited file put in it.
  if ('unavailable' in intervals) return { unavailable: intervals.unavailable };
  if (isJointIntervalBasis(intervals)) {
    const { level, rows, featureMeans, inverseCrossProducts, residualStandardError, degreesOfFreedom, tQuantile, maxLeverage } = intervals;
    return {
      level,
      rows,
      featureMeans: [...featureMeans],
      inverseCrossProducts: inverseCrossProducts.map((row) => [...row]),
      residualStandardError,
      degreesOfFreedom,
      tQuantile,
      ...(maxLeverage === undefined ? {} : { maxLeverage }),
    };
  }
  const { level, rows, featureMean, featureSumOfSquares, residualStandardError, degreesOfFreedom, tQuantile } = intervals;
  return { level, rows, featureMean, featureSumOfSquares, residualStandardError, degreesOfFreedom, tQuantile };
}

function fieldsOf(value: object): [string, Check][] {
  return Object.hasOwn(value, 'unavailable') ? [['unavailable', nonEmptyText]] : BASIS_FIELDS;
}

/** What the interval block is checked against in the rest of the file: the line, its rows, its feature's range. */
export interface IntervalContext extends Line {
  training: { rows: number };
  feature: InputRange & { name: string };
}

/**
 * What is wrong with a model's interval statistics before they are written (a number that is not
 * finite, say, or a block that disagrees with itself or the model), in the words of the reader's
 * messages, or undefined.
 */
export function intervalsProblem(intervals: IntervalStatistics, model: IntervalContext): string | undefined {
  const { missing, wrong } = fieldProblems(intervals, fieldsOf(intervals), 'intervals.');
  const problems = [...missing.map((path) => `${path} is missing`), ...wrong];
  if (problems.length > 0) return problems.join('; ');
  return isIntervalBasis(intervals) ? basisProblem(intervals, model) : undefined;
}

/**
 * What is wrong with the counts of a basis whose every field is fine alone (one feature's or several's):
 * its rows must be the model's training rows and its degrees of freedom rows − p (p the line's or
 * plane's parameters). Whether its t quantile is the 95% quantile of those degrees of freedom is
 * `tQuantileProblem`'s, which every reader but `<bmi-predictor>` (its size budget) applies. Names the
 * field; the JSON Schema cannot relate fields.
 */
export function countsProblem(
  basis: Pick<IntervalBasis, 'rows' | 'degreesOfFreedom'>,
  trainingRows: number,
  parameters: number,
): string | undefined {
  const { rows, degreesOfFreedom: df } = basis;
  if (rows !== trainingRows) return `"intervals.rows" must equal "training.rows", ${trainingRows} (found ${rows})`;
  if (df !== rows - parameters) return `"intervals.degreesOfFreedom" must be rows − ${parameters} = ${rows - parameters} (found ${df})`;
  return undefined;
}

/**
 * Whether a basis's t quantile is the 95% quantile of its degrees of freedom (see `isTQuantile95`), or
 * what it must be, naming the field; undefined without a basis.
 */
export function tQuantileProblem(intervals: IntervalStatistics | undefined): string | undefined {
  if (intervals === undefined || 'unavailable' in intervals) return undefined;
  const { tQuantile, degreesOfFreedom: df } = intervals;
  if (isTQuantile95(tQuantile, df)) return undefined;
  return `"intervals.tQuantile" must be the 95% Student-t quantile with ${df} degrees of freedom, ${tQuantile95(df).toPrecision(7)} (found ${tQuantile})`;
}

/**
 * What is wrong with a one-feature basis taken as a whole: its counts (see `countsProblem`), and every
 * interval it gives across the range the model answers for must be a finite number.
 */
function basisProblem(basis: IntervalBasis, model: IntervalContext): string | undefined {
  const counts = countsProblem(basis, model.training.rows, 2);
  if (counts) return counts;
  const overflow = intervalOverflow(model, basis, model.feature);
  if (overflow) {
    return `"intervals.${overflow.field}" makes the 95% interval overflow at ${model.feature.name} ${Number(overflow.at.toPrecision(3))}`;
  }
  return undefined;
}

/** Reads the `intervals` field of a version 2 file (`record` is the whole file, its other fields already valid). */
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
  if (error) return { ok: false, error };
  const intervals = intervalsForFile(value as IntervalStatistics);
  const problem = isIntervalBasis(intervals) ? basisProblem(intervals, record as unknown as IntervalContext) : undefined;
  return problem ? { ok: false, error: `The weights file is invalid: ${problem}.` } : { ok: true, intervals };
}
