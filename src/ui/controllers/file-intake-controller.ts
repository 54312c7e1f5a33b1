/**
 * The one intake for files the user gives (the file pickers, a drop on the page): each `files-chosen`
 * event is handed on by what its files are (`app/file-routing.ts`): a CSV to the data, a weights file
 * or TF.js model files to the model library, and files that are none of these are refused with why.
 * Files picked as the data (the data panel's CSV picker) go to the data whatever they look like, so a
 * file that is not a CSV gets the data's own refusal.
 */
import type { ReactiveControllerHost } from 'lit';
import { routeFiles } from '../../app/file-routing.ts';
import { FilesChosenEvent } from '../events.ts';
import { onHostEvent } from './host-events.ts';

/** Where the files go. */
export interface FileIntakeHost {
  /** A CSV of data. */
  csv(file: File): void;
  /** A bmi-predictor weights file. */
  weights(file: File): void;
  /** A TF.js model.json with its weights.bin. */
  tfjs(json: File, bin: File): void;
  /** Files that are none of these (or could not be read to tell): why, in a sentence. */
  refused(error: string): void;
}

export class FileIntakeController {
  constructor(
    host: ReactiveControllerHost & EventTarget,
    private readonly page: FileIntakeHost,
  ) {
    onHostEvent(host, FilesChosenEvent.type, (event) => void this.take(event.files, event.intent));
  }

  /** Hands each file given on to what reads it. */
  async take(files: readonly File[], intent: FilesChosenEvent['intent'] = 'any'): Promise<void> {
    if (intent === 'data' && files.length === 1) {
      this.page.csv(files[0]);
      return;
    }
    const route = await routeFiles(files);
    switch (route.kind) {
      case 'csv':
        this.page.csv(route.file);
        return;
      case 'weights':
        this.page.weights(route.file);
        return;
      case 'tfjs':
        this.page.tfjs(route.json, route.bin);
        return;
      case 'refused':
        this.page.refused(route.error);
        return;
    }
  }
}
