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

declare global {
  interface GlobalEventHandlersEventMap {
    [DataFileSelectedEvent.type]: DataFileSelectedEvent;
    [TrainRequestEvent.type]: TrainRequestEvent;
  }
}
