/**
 * The typed events the app's elements send up to `<bmi-app>`. Each bubbles and crosses shadow roots.
 */
import type { TrainingSettings } from '../core/train/settings.ts';

const options: EventInit = { bubbles: true, composed: true };

/** A CSV file the user picked to replace the data. */
export class DataFileSelectedEvent extends Event {
  static readonly type = 'data-file-selected';
  constructor(readonly file: File) {
    super(DataFileSelectedEvent.type, options);
  }
}

/** The user asked to train with these settings, from scratch or continuing from the current model. */
export class TrainRequestEvent extends Event {
  static readonly type = 'train-request';
  constructor(
    readonly settings: TrainingSettings,
    readonly resume: boolean,
  ) {
    super(TrainRequestEvent.type, options);
  }
}

/**
 * Files the user picked or dropped, for the app to route by what they are: a CSV of data, a weights
 * file, or a TF.js model.json with its weights.bin.
 */
export class FilesChosenEvent extends Event {
  static readonly type = 'files-chosen';
  constructor(readonly files: readonly File[]) {
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

declare global {
  interface GlobalEventHandlersEventMap {
    [DataFileSelectedEvent.type]: DataFileSelectedEvent;
    [TrainRequestEvent.type]: TrainRequestEvent;
    [FilesChosenEvent.type]: FilesChosenEvent;
    [LibraryActionEvent.type]: LibraryActionEvent;
  }
}
