/**
 * `npm run train -- <epochs> [weights.json] [options]`: trains on a CSV (the bundled one by default),
 * continuing from the weights file when it exists, and saves it atomically. See `--help`.
 */
import { relative } from 'node:path';
import { DEFAULT_FEATURE, DEFAULT_TARGET } from '../core/data/dataset.ts';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../core/settings/training-settings.ts';
import type { AtomicWriteOptions } from './atomic-write.ts';
import { runCommand } from './cli-error.ts';
import { standardOutput } from './terminal-output.ts';
import { BUNDLED_CSV, describeSkipped, loadDataset } from './load-dataset.ts';
import { ProgressPrinter } from './progress.ts';
import { checkSameColumns, resumedFeatures } from './resume.ts';
import { fitSummaryText } from './coefficient-table.ts';
import { formatStart, formatSummary } from './summary.ts';
import { parseTrainArgs, TRAIN_HELP } from './train-args.ts';
import { trainFrom, useCpuBackend } from './training-run.ts';
import { checkCanSaveTo, readWeightsOnDisk, saveWeights } from './weights-io.ts';

/**
 * Test hook, not a feature: with this variable set to a number of ms, the save stops that long (or
 * until the process gets SIGUSR2) after the temporary file is complete and before the rename, so a
 * test can interrupt the process right there, or let another run save meanwhile.
 */
const PAUSE_BEFORE_RENAME_ENV = 'BMI_PREDICTOR_TEST_PAUSE_BEFORE_RENAME_MS';

function testPauseHook(): AtomicWriteOptions {
  const ms = Number(process.env[PAUSE_BEFORE_RENAME_ENV]);
  if (!(ms > 0)) return {};
  return {
    beforeRename: async (tempPath) => {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          process.off('SIGUSR2', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        // Listening before saying so: a test may signal the moment it reads the line.
        process.on('SIGUSR2', done);
        standardOutput().stderr.line(`[test hook] paused before renaming ${tempPath}`);
      });
    },
  };
}

await runCommand('train', async () => {
  const { stdout } = standardOutput();
  const command = parseTrainArgs(process.argv.slice(2));
  if (command.help) {
    stdout.block(TRAIN_HELP);
    return;
  }
  const { args } = command;
  const say = (line: string): void => {
    if (line !== '' && !args.quiet) stdout.line(line);
  };

  // Everything that can be wrong is checked before training, so a mistake costs no waiting.
  const readBefore = await readWeightsOnDisk(args.weightsPath, ' It was left unchanged; name another file to start afresh.');
  const previous = readBefore.model;
  if (previous) checkSameColumns(previous, args, args.weightsPath);
  const dataPath = args.dataPath ?? BUNDLED_CSV;
  const dataName = args.dataPath ?? relative(process.cwd(), BUNDLED_CSV);
  // Without --feature/--target: the weights file's columns when resuming, else the bundled data's. Never
  // a guess at "the first two columns", which could silently train on the wrong ones.
  const features = previous ? resumedFeatures(previous, args) : (args.features ?? [args.feature ?? DEFAULT_FEATURE]);
  const { dataset, skipped } = await loadDataset(dataPath, dataName, {
    feature: features[0],
    features,
    target: args.target ?? previous?.target.name ?? DEFAULT_TARGET,
  });
  await checkCanSaveTo(args.weightsPath);

  const settings: TrainingSettings = {
    ...DEFAULT_SETTINGS,
    epochs: args.epochs,
    learningRate: args.learningRate,
    optimizer: args.optimizer,
    seed: args.seed,
    validationSplit: args.validationSplit,
    batchSize: args.batchSize,
  };
  say(formatStart(dataset, dataName, settings, previous, args.weightsPath));
  say(describeSkipped(skipped, dataset));

  await useCpuBackend();
  const lastEpoch = (previous?.training.epochs ?? 0) + args.epochs;
  const progress = args.quiet ? undefined : new ProgressPrinter(stdout, lastEpoch);
  const result = await trainFrom(dataset, settings, previous, (epoch, loss) => progress?.add(epoch, loss));
  progress?.finish();

  await saveWeights(args.weightsPath, result.model, { ...testPauseHook(), readBefore });
  stdout.block(formatSummary(result, args.weightsPath));
  stdout.block(`\n${fitSummaryText(result.model, dataset, settings)}`);
});
