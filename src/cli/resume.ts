/**
 * Continuing training from a weights file: it must describe the same columns. (Its epoch count carries
 * over in the Trainer.)
 */
import type { ColumnChoice } from '../core/data/dataset.ts';
import type { Model } from '../core/model/model.ts';
import { modelFeatureNames } from '../core/model/model-features.ts';
import { CliError } from './cli-error.ts';

/** The features a run on `chosen` columns trains, continuing `previous`: the ones asked for, else the model's. */
export function resumedFeatures(previous: Model, chosen: ColumnChoice): string[] {
  if (chosen.features !== undefined && chosen.features.length > 0) return [...chosen.features];
  return chosen.feature === undefined ? modelFeatureNames(previous) : [chosen.feature];
}

/**
 * Refuses to continue a model of other columns than the ones asked for: its coefficients would mean
 * something else. The features it left out because of singularities may be asked for again (they are
 * left out again).
 */
export function checkSameColumns(previous: Model, chosen: ColumnChoice, weightsPath: string): void {
  const asked = resumedFeatures(previous, chosen);
  const left = new Set(previous.aliasedFeatures ?? []);
  const features = asked.filter((name) => !left.has(name));
  const has = modelFeatureNames(previous);
  const target = chosen.target ?? previous.target.name;
  const sameFeatures = features.length === has.length && features.every((name, j) => name === has[j]);
  if (sameFeatures && previous.target.name === target) return;
  throw new CliError(
    `${weightsPath} predicts ${previous.target.name} from ${has.join(', ')}, but this run asks for ${target} from ${asked.join(', ')}. ` +
      'Choose matching --feature/--target (the same features in the same order), or another weights file to start afresh. The file was left unchanged.',
  );
}
