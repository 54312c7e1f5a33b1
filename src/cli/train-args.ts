/**
 * The `train` command's arguments: one table gives both the parsing and the help text.
 */
import { DEFAULT_FEATURE, DEFAULT_TARGET } from '../core/data/dataset.ts';
import { OPTIMIZERS, type OptimizerName } from '../core/model/model.ts';
import { BATCH_SIZE_OR_FULL_RULE, SETTING_RULES } from '../core/settings/training-settings-rules.ts';
import { DEFAULT_SETTINGS } from '../core/settings/training-settings.ts';
import { checkPositionals, formatOptions, parseArgs, parseNumber, type OptionSpec } from './args.ts';
import { CliError, withUsageHint } from './cli-error.ts';

export const DEFAULT_WEIGHTS_PATH = 'weights.json';

/** The app's rules (one source of truth), as the command line writes them. */
const RULES = SETTING_RULES;
/** --batch takes 0 for "every row" (the default), as the URL does; the app's form leaves the field empty. */
const BATCH_RULE = BATCH_SIZE_OR_FULL_RULE;
const range = (rule: { min: number; max: number }): string => `${rule.min} to ${rule.max}`;

export interface TrainArgs {
  epochs: number;
  weightsPath: string;
  /** The CSV to train on; undefined means the bundled data set. */
  dataPath: string | undefined;
  /** The (first) feature asked for. */
  feature: string | undefined;
  /** Every feature asked for, in order, when more than one (`--feature a --feature b`, or `--feature a,b`). */
  features?: string[] | undefined;
  target: string | undefined;
  learningRate: number;
  optimizer: OptimizerName;
  /** Fraction of rows held out for validation; 0 (the default, as in the app) trains on every row. */
  validationSplit: number;
  /** Rows per gradient step; 0 = every training row (full batch). */
  batchSize: number;
  seed: number;
  quiet: boolean;
}

export type TrainCommand = { help: true } | { help: false; args: TrainArgs };

const OPTIONS: readonly OptionSpec[] = [
  { name: 'data', value: '<csv>', description: 'Train on this CSV file (default: the bundled public/bmi_and_life_expectancy.csv).' },
  {
    name: 'feature',
    value: '<column>',
    repeatable: true,
    description: `Input column; repeat it, or separate names by commas, for several (default: ${DEFAULT_FEATURE}, or the weights file's features when resuming).`,
  },
  {
    name: 'target',
    value: '<column>',
    description: `Predicted column (default: ${DEFAULT_TARGET}, or the weights file's target when resuming).`,
  },
  {
    name: 'lr',
    value: '<rate>',
    description: `Learning rate, above ${RULES.learningRate.min} and at most ${RULES.learningRate.max} (default ${DEFAULT_SETTINGS.learningRate}).`,
  },
  { name: 'optimizer', value: '<name>', description: `${OPTIMIZERS.join(' or ')} (default ${DEFAULT_SETTINGS.optimizer}).` },
  {
    name: 'split',
    value: '<fraction>',
    description: `Fraction of rows held out for validation, ${range(RULES.validationSplit)} (default ${DEFAULT_SETTINGS.validationSplit}: train on every row).`,
  },
  {
    name: 'batch',
    value: '<n>',
    description: `Rows per gradient step, ${range(BATCH_RULE)} (default ${DEFAULT_SETTINGS.batchSize}: every training row at once).`,
  },
  {
    name: 'seed',
    value: '<n>',
    description: `Seed of the --split rows and the --batch shuffling, ${range(RULES.seed)} (default ${DEFAULT_SETTINGS.seed}).`,
  },
  { name: 'quiet', description: 'Print only the final summary, no loss while training.' },
  { name: 'help', alias: 'h', description: 'Show this help and exit.' },
];

export const TRAIN_HELP = `Usage: npm run train -- <epochs> [weights.json] [options]

Trains the linear regression (feature(s) -> target, by default BMI -> life expectancy) with
TensorFlow.js on the CPU, printing the loss as it goes, then R's summary of every coefficient.

  <epochs>         How many epochs to train: a whole number from ${range(RULES.epochs)}.
  [weights.json]   The weights file (default ${DEFAULT_WEIGHTS_PATH}). If it exists, training continues
                   from it and its epoch count grows; it is then replaced atomically, so an
                   interrupted run never leaves a broken file. The browser app reads the same file.

Options:
${formatOptions(OPTIONS)}

The loss is the mean squared error on the training rows, in the target's units squared; with
--split, the summary gives the held-out rows' MSE too; the same seed gives the same run. On a
terminal the loss updates in place; when piped, a line is printed about every quarter second.
Ctrl-C stops without saving; an existing weights file stays as it was.

Examples:
  npm run train -- 100
  npm run train -- 500 my-weights.json --lr 0.05
  npm run train -- 100 --split 0.2 --batch 16 --seed 7
  npm run train -- 200 w.json --data my.csv --feature Bmi --target LifeExpectancy --optimizer adam
  npm run train -- 500 cars.json --data cars.csv --feature wt --feature hp,qsec --target mpg
`;

/** Parses `train`'s arguments; a usage problem is a CliError with a pointer to --help. */
export function parseTrainArgs(argv: readonly string[]): TrainCommand {
  return withUsageHint('train', () => parse(argv));
}

function parse(argv: readonly string[]): TrainCommand {
  const parsedArgs = parseArgs(argv, OPTIONS);
  const { positionals, values, flags } = parsedArgs;
  if (flags.has('help')) return { help: true };
  checkPositionals(positionals, 2, 'Missing <epochs>: how many epochs to train.');
  const optimizer = values.get('optimizer') ?? DEFAULT_SETTINGS.optimizer;
  if (!OPTIMIZERS.includes(optimizer as OptimizerName)) {
    throw new CliError(`--optimizer must be ${OPTIMIZERS.join(' or ')} (got "${optimizer}").`);
  }
  const column = (name: 'feature' | 'target'): string | undefined => {
    const value = values.get(name);
    if (value?.trim() === '') throw new CliError(`--${name} needs a column name.`);
    return value?.trim();
  };
  const features = (parsedArgs.lists.get('feature') ?? []).flatMap((value) => value.split(',')).map((name) => name.trim());
  if (features.some((name) => name === '')) throw new CliError('--feature needs a column name (between commas too).');
  const twice = features.find((name, i) => features.indexOf(name) !== i);
  if (twice !== undefined) throw new CliError(`--feature "${twice}" is given twice; name each column once.`);
  const number = (name: string, what: string, rule: Parameters<typeof parseNumber>[2], fallback: number): number => {
    const text = values.get(name);
    return text === undefined ? fallback : parseNumber(text, what, rule);
  };
  return {
    help: false,
    args: {
      epochs: parseNumber(positionals[0], '<epochs>', RULES.epochs),
      weightsPath: positionals[1] ?? DEFAULT_WEIGHTS_PATH,
      dataPath: values.get('data'),
      feature: features.length > 0 ? features[0] : column('feature'),
      features: features.length > 1 ? features : undefined,
      target: column('target'),
      learningRate: number('lr', '--lr', RULES.learningRate, DEFAULT_SETTINGS.learningRate),
      optimizer: optimizer as OptimizerName,
      validationSplit: number('split', '--split', RULES.validationSplit, DEFAULT_SETTINGS.validationSplit),
      batchSize: number('batch', '--batch', BATCH_RULE, DEFAULT_SETTINGS.batchSize),
      seed: number('seed', '--seed', RULES.seed, DEFAULT_SETTINGS.seed),
      quiet: flags.has('quiet'),
    },
  };
}
