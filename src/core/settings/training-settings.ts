/**
 * Training settings and their defaults, apart from TensorFlow.js so forms can show them before it loads.
 */
import type { OptimizerName } from '../model/model.ts';

export interface EarlyStoppingSettings {
  /** Epochs without enough improvement before the run stops. */
  patience: number;
  /** The relative drop in loss that counts as an improvement (0.0001 = 0.01 %). */
  minImprovement: number;
}

export interface TrainingSettings {
  epochs: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** Rows per gradient step; `0` means the whole training set (full batch). */
  batchSize: number;
  /** Fraction of rows held out for validation (0 = train on all rows). */
  validationSplit: number;
  /** Seed of the validation split and of mini-batch shuffling. */
  seed: number;
  /**
   * Stop when the loss (validation loss when there are validation rows, else training loss) stops
   * improving, and restore the best weights. Absent or null: run every epoch.
   */
  earlyStopping?: EarlyStoppingSettings | null;
}

/** Used when the user turns early stopping on without changing its settings. */
export const DEFAULT_EARLY_STOPPING: Readonly<EarlyStoppingSettings> = Object.freeze({ patience: 10, minImprovement: 0.0001 });

/**
 * The defaults: on standardized data, plain SGD at 0.1 converges to the optimum in well under 30
 * epochs. Every row is trained on, as the command line and the original tool do, so the app's default
 * run gives their line; holding rows out for validation (shuffled with the seed) is a setting to turn on.
 */
export const DEFAULT_SETTINGS: Readonly<TrainingSettings> = Object.freeze({
  epochs: 50,
  learningRate: 0.1,
  optimizer: 'sgd',
  batchSize: 0,
  validationSplit: 0,
  seed: 42,
  earlyStopping: null,
});
