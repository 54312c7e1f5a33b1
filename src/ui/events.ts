/**
 * The typed events the app's elements send up to `<bmi-app>`. Each bubbles and crosses shadow roots.
 */
import type { BackendName } from '../core/settings/backends.ts';
import type { RunControl, RunStart } from '../core/train/protocol.ts';
import type { TrainingSettings } from '../core/settings/training-settings.ts';

const options: EventInit = { bubbles: true, composed: true };

/** The user asked to train with these settings, from scratch or continuing from the current model. */
export class TrainRequestEvent extends Event {
  static readonly type = 'train-request';
  constructor(
    readonly settings: TrainingSettings,
    readonly resume: boolean,
    /** 'step' runs one epoch and pauses (the Step button before any run). */
    readonly start: RunStart = 'run',
  ) {
    super(TrainRequestEvent.type, options);
  }
}

/**
 * The user gave files (picked or dropped), for the app's one intake (file-intake-controller.ts) to
 * hand on by what they are: a CSV of data, a weights file, or a TF.js model.json with its weights.bin.
 */
export class FilesChosenEvent extends Event {
  static readonly type = 'files-chosen';
  constructor(
    readonly files: readonly File[],
    /** 'data': picked as the data (the data panel's CSV picker), so read as a CSV whatever it looks like. */
    readonly intent: 'data' | 'any' = 'any',
  ) {
    super(FilesChosenEvent.type, options);
  }
}

/** What the model library can ask the app to do with models. */
export type LibraryAction =
  | { kind: 'save'; name: string }
  | { kind: 'load'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'download-weights' }
  | { kind: 'export-tfjs' };

/** The user asked the model library to save, load, delete, download or export a model. */
export class LibraryActionEvent extends Event {
  static readonly type = 'library-action';
  constructor(readonly action: LibraryAction) {
    super(LibraryActionEvent.type, options);
  }
}

/** Pause, Resume, Step or Stop the current run, or Reset the model to untrained. */
export class RunControlEvent extends Event {
  static readonly type = 'run-control';
  constructor(readonly action: RunControl | 'reset') {
    super(RunControlEvent.type, options);
  }
}

/** The user changed a training setting (every field valid). */
export class SettingsChangeEvent extends Event {
  static readonly type = 'settings-change';
  constructor(readonly settings: TrainingSettings) {
    super(SettingsChangeEvent.type, options);
  }
}

/** The user chose the backend to try first; undefined means the best available. */
export class BackendChangeEvent extends Event {
  static readonly type = 'backend-change';
  constructor(readonly backend: BackendName | undefined) {
    super(BackendChangeEvent.type, options);
  }
}

/**
 * The user chose other feature and target columns of the loaded table (one feature, or several in
 * `features`, the first being `feature`), and the label column (null: none).
 */
export class ColumnsChangeEvent extends Event {
  static readonly type = 'columns-change';
  constructor(readonly columns: { feature: string; features?: readonly string[]; target: string; label?: string | null }) {
    super(ColumnsChangeEvent.type, options);
  }
}

/** The user asked to undo the last replacement of the model (or deletion of a saved one). */
export class ModelUndoEvent extends Event {
  static readonly type = 'model-undo';
  constructor() {
    super(ModelUndoEvent.type, options);
  }
}

/** The user chose to use a failed run's last good line instead of the model kept. */
export class UseLastGoodLineEvent extends Event {
  static readonly type = 'use-last-good-line';
  constructor() {
    super(UseLastGoodLineEvent.type, options);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [TrainRequestEvent.type]: TrainRequestEvent;
    [FilesChosenEvent.type]: FilesChosenEvent;
    [LibraryActionEvent.type]: LibraryActionEvent;
    [RunControlEvent.type]: RunControlEvent;
    [SettingsChangeEvent.type]: SettingsChangeEvent;
    [BackendChangeEvent.type]: BackendChangeEvent;
    [ColumnsChangeEvent.type]: ColumnsChangeEvent;
    [ModelUndoEvent.type]: ModelUndoEvent;
    [UseLastGoodLineEvent.type]: UseLastGoodLineEvent;
  }
}
