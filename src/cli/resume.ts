/**
 * Continuing training from a weights file: it must describe the same columns. (Its epoch count carries
 * over in the Trainer.)
 */
import type { ColumnChoice } from '../core/data/dataset.ts';
import type { Model } from '../core/model/model.ts';
import { CliError } from './cli-error.ts';

/** Refuses to continue a model of other columns than the ones asked for: its line would mean something else. */
export function checkSameColumns(previous: Model, chosen: ColumnChoice, weightsPath: string): void {
  const feature = chosen.feature ?? previous.feature.name;
  const target = chosen.target ?? previous.target.name;
  if (previous.feature.name === feature && previous.target.name === target) return;
  throw new CliError(
    `${weightsPath} predicts ${previous.target.name} from ${previous.feature.name}, but this run asks for ${target} from ${feature}. ` +
      'Choose matching --feature/--target, or another weights file to start afresh. The file was left unchanged.',
  );
}
