/**
 * Keeps models beyond one page view: saved under a name in the browser, restored on the next visit,
 * downloaded and loaded as weights files, exported and imported as TF.js model files, and dropped on
 * the page (the file intake hands those on). A Lit controller of `<bmi-app>`: the history owns the
 * current model; this asks it to use one, and keeps what is current for the next visit.
 *
 * Every refusal leaves the current model and data as they were and says what was wrong.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { columnLabel } from '../../core/data/columns.ts';
import { errorMessage } from '../../core/text.ts';
import type { Dataset } from '../../core/data/dataset.ts';
import { fitsColumns, type Model } from '../../core/model/model.ts';
import { isJsonObject } from '../../core/json-object.ts';
import {
  checkLinearModelJson,
  expectedInputs,
  manifestWeightsName,
  modelFromTfjsHyperplane,
  tfjsModelName,
} from '../../core/model/tfjs-model-json.ts';
import { parseJson, parseWeights, serializeWeights, weightsFileName, weightsFileSizeError } from '../../core/model/weights-file.ts';
import { LibraryActionEvent, type LibraryAction } from '../events.ts';
import { onHostEvent } from './host-events.ts';
import { downloadText } from '../../app/download.ts';
import { ModelStore, describeStorageError, type SavedModelList } from '../../app/model-store.ts';
import { withIntervalsFrom } from '../../app/model-intervals.ts';

export type StorageState = { state: 'opening' } | { state: 'on' } | { state: 'off'; reason: string };

export interface LibraryMessage {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

/** What the controller needs from the app. */
export interface ModelLibraryHost {
  /** The current model (the history's); what is kept for the next visit follows it. */
  model(): Model | null;
  data(): Dataset | null;
  /** True while a training run is going; loading a model then is refused. */
  training(): boolean;
  /** Makes `model` the current model (`origin` says where it came from): predictions, the plotted line and "continue" use it. */
  useModel(model: Model, origin: string): void;
  /** The model kept from the last visit, when there is no other yet. */
  restoreModel(model: Model, origin: string): void;
  /** A saved model was deleted (so Undo can save it again). */
  deletedSaved(name: string, model: Model): void;
}

const KEPT = 'The current model is kept.';
const TRAINING_REFUSAL = `Training is running; load a model when it has finished. ${KEPT}`;

export class ModelLibraryController implements ReactiveController {
  storage: StorageState = { state: 'opening' };
  saved: SavedModelList = { models: [], damaged: [] };
  message: LibraryMessage | null = null;

  private store: ModelStore | undefined;
  /** The model last kept for the next visit (null: none); undefined until the store is open. */
  private kept: Model | null | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly app: ModelLibraryHost,
  ) {
    host.addController(this);
    onHostEvent(host, LibraryActionEvent.type, (event) => void this.act(event.action));
  }

  hostConnected(): void {
    void this.openStore();
  }

  /** Before each render: what is kept for the next visit follows the current model (none after Reset). */
  hostUpdate(): void {
    const model = this.app.model();
    if (!this.store || this.kept === undefined || model === this.kept) return;
    this.kept = model;
    void this.remember(model);
  }

  /** The run ended: a refusal that said training was running no longer holds. */
  runEnded(): void {
    if (this.message?.text !== TRAINING_REFUSAL) return;
    this.message = null;
    this.host.requestUpdate();
  }

  private say(kind: LibraryMessage['kind'], text: string): void {
    this.message = { kind, text };
    this.host.requestUpdate();
  }

  private async openStore(): Promise<void> {
    const opening = await ModelStore.open();
    if (!opening.ok) {
      this.storage = { state: 'off', reason: opening.error };
      this.host.requestUpdate();
      return;
    }
    this.store = opening.store;
    // A model current before the store opened was never kept: only changes from now on are.
    this.kept = this.app.model();
    await this.refreshList();
    await this.restoreCurrent();
    // "On" once the model from the last visit (if any) is back, so the page (or a test) can tell.
    this.storage = { state: 'on' };
    this.host.requestUpdate();
  }

  private async restoreCurrent(): Promise<void> {
    try {
      const current = await this.store?.loadCurrent();
      if (!current) return;
      if (!current.ok) {
        this.say('error', `The model kept from your last visit could not be restored: ${current.error}`);
      } else if (!this.app.model() && !this.app.training()) {
        // It is what is kept already: restoring it writes nothing.
        this.kept = current.model;
        this.app.restoreModel(current.model, 'restored from your last visit');
        this.host.requestUpdate();
      }
    } catch (error) {
      this.say('error', `The model kept from your last visit could not be read: ${describeStorageError(error)}.`);
    }
  }

  private async refreshList(): Promise<void> {
    if (!this.store) return;
    try {
      this.saved = await this.store.list();
    } catch (error) {
      this.say('error', `Could not list the saved models: ${describeStorageError(error)}.`);
    }
    this.host.requestUpdate();
  }

  /**
   * Keeps the current model for the next visit (none: forgets it, as after Reset); a failure only
   * warns, since nothing is lost yet.
   */
  private async remember(model: Model | null): Promise<void> {
    if (!this.store) return;
    try {
      if (model) await this.store.saveCurrent(model);
      else await this.store.clearCurrent();
    } catch (error) {
      if (!model) {
        this.say('warning', `The reset could not be kept for your next visit: ${describeStorageError(error)}.`);
        return;
      }
      this.say('warning', `This model could not be kept for your next visit: ${describeStorageError(error)}. Download it to keep it.`);
    }
  }

  /** Uses a model that was loaded from somewhere, warning when it does not match the data's columns. */
  private adopt(model: Model, origin: string): void {
    // Checked again here: a run may have started while the file or the store was being read.
    if (this.refuseWhileTraining()) return;
    this.app.useModel(model, origin);
    const data = this.app.data();
    if (data && !fitsColumns(model, data)) {
      const feature = columnLabel(model.feature.name);
      this.say(
        'warning',
        `Loaded ${origin}, but it predicts ${columnLabel(model.target.name)} from "${model.feature.name}", a column the loaded data does not have ` +
          `(it has "${data.featureName}" → "${data.targetName}"). It still predicts from ${feature} values; its line is not drawn on this data.`,
      );
    } else {
      this.say('info', `Loaded ${origin}.`);
    }
  }

  private refuseWhileTraining(): boolean {
    if (!this.app.training()) return false;
    this.say('error', TRAINING_REFUSAL);
    return true;
  }

  private async act(action: LibraryAction): Promise<void> {
    switch (action.kind) {
      case 'save':
        return this.save(action.name);
      case 'load':
        return this.loadSaved(action.name);
      case 'delete':
        return this.deleteSaved(action.name);
      case 'download-weights': {
        this.downloadWeights();
        return;
      }
      case 'export-tfjs':
        return this.exportTfjs();
    }
  }

  private async save(rawName: string): Promise<void> {
    const name = rawName.trim();
    const model = this.app.model();
    if (!this.store) {
      this.say('error', 'Saving in this browser is off; download the weights file instead.');
      return;
    }
    if (!model) {
      this.say('error', 'There is no model to save yet: train one or load a file.');
      return;
    }
    if (name === '') {
      this.say('error', 'Enter a name to save the model under.');
      return;
    }
    try {
      const { replaced } = await this.store.save(name, model);
      this.say('info', replaced ? `Replaced the saved model "${name}".` : `Saved "${name}" in this browser.`);
    } catch (error) {
      this.say('error', `Could not save "${name}" in this browser: ${describeStorageError(error)}.`);
    }
    await this.refreshList();
  }

  private async loadSaved(name: string): Promise<void> {
    if (!this.store || this.refuseWhileTraining()) return;
    try {
      const result = await this.store.load(name);
      if (!result) this.say('error', `There is no saved model "${name}" any more. ${KEPT}`);
      else if (!result.ok) this.say('error', `The saved model "${name}" is damaged: ${result.error} ${KEPT}`);
      else this.adopt(result.model, `the saved model "${name}"`);
    } catch (error) {
      this.say('error', `Could not read the saved model "${name}": ${describeStorageError(error)}. ${KEPT}`);
    }
  }

  private async deleteSaved(name: string): Promise<void> {
    if (!this.store) return;
    try {
      // Read first, so Undo can save it again.
      const record = await this.store.load(name).catch(() => null);
      await this.store.delete(name);
      if (record?.ok) this.app.deletedSaved(name, record.model);
      this.say('info', `Deleted the saved model "${name}".`);
    } catch (error) {
      this.say('error', `Could not delete "${name}": ${describeStorageError(error)}.`);
    }
    await this.refreshList();
  }

  /** Saves a deleted model again under its name (Undo). */
  async resave(name: string, model: Model): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.save(name, model);
      this.say('info', `Saved "${name}" again.`);
    } catch (error) {
      this.say('error', `Could not save "${name}" again: ${describeStorageError(error)}.`);
    }
    await this.refreshList();
  }

  private downloadWeights(): void {
    const model = this.app.model();
    if (!model) {
      this.say('error', 'There is no model to download yet: train one or load a file.');
      return;
    }
    const fileName = weightsFileName(model);
    let text: string;
    try {
      text = serializeWeights(model);
    } catch (error) {
      this.say('error', errorMessage(error));
      return;
    }
    downloadText(text, fileName);
    this.say('info', `Downloaded ${fileName}.`);
  }

  private async exportTfjs(): Promise<void> {
    const model = this.app.model();
    if (!model) {
      this.say('error', 'There is no model to export yet: train one or load a file.');
      return;
    }
    const name = tfjsModelName(model);
    try {
      const { exportTfjsModel } = await import('../../app/tfjs-model-files.ts');
      await exportTfjsModel(model, name);
      this.say('info', `Downloaded the TF.js model files ${name}.json and ${name}.weights.bin.`);
    } catch (error) {
      this.say('error', `Could not export the TF.js model files: ${errorMessage(error)}`);
    }
  }

  /** Files given that are no model (nor data): why, and that the model stays. */
  refuseFiles(error: string): void {
    this.say('error', `${error} ${KEPT}`);
  }

  /** The file's text, or null after saying it could not be read (e.g. moved since it was picked). */
  private async read(file: File): Promise<string | null> {
    try {
      return await file.text();
    } catch (error) {
      this.say('error', `"${file.name}" could not be read (${errorMessage(error)}). ${KEPT}`);
      return null;
    }
  }

  /** A weights file the user gave: checked, then made the current model. */
  async loadWeightsFile(file: File): Promise<void> {
    if (this.refuseWhileTraining()) return;
    const sizeError = weightsFileSizeError(file.size);
    if (sizeError) {
      this.say('error', `"${file.name}": ${sizeError} ${KEPT}`);
      return;
    }
    const text = await this.read(file);
    if (text === null) return;
    const result = parseWeights(text, file.size);
    if (!result.ok) {
      this.say('error', `"${file.name}": ${result.error} ${KEPT}`);
      return;
    }
    this.adopt(result.model, `the weights file "${file.name}"`);
  }

  /** TF.js model files the user gave (model.json with its weights.bin): checked, then made the current model. */
  async importTfjs(json: File, bin: File): Promise<void> {
    if (this.refuseWhileTraining()) return;
    for (const file of [json, bin]) {
      const sizeError = weightsFileSizeError(file.size, 'a TF.js model file of a line');
      if (sizeError) {
        this.say('error', `"${file.name}": ${sizeError} ${KEPT}`);
        return;
      }
    }
    const text = await this.read(json);
    if (text === null) return;
    const parsed = parseJson(text);
    if (!parsed.ok) {
      this.say('error', `"${json.name}": ${parsed.error} ${KEPT}`);
      return;
    }
    const metadata = isJsonObject(parsed.value) ? parsed.value.userDefinedMetadata : undefined;
    const inputs = expectedInputs(metadata, this.app.data());
    const verdict = checkLinearModelJson(parsed.value, `"${json.name}"`, inputs);
    if (!verdict.ok) {
      this.say('error', `${verdict.error} ${KEPT}`);
      return;
    }
    let imported;
    try {
      const { importTfjsModel } = await import('../../app/tfjs-model-files.ts');
      imported = await importTfjsModel(json, bin, manifestWeightsName(parsed.value), inputs);
    } catch (error) {
      this.say('error', `TensorFlow.js could not read "${json.name}" with "${bin.name}": ${errorMessage(error)} ${KEPT}`);
      return;
    }
    const result = modelFromTfjsHyperplane(imported.plane, imported.metadata, this.app.data());
    if (!result.ok) {
      this.say('error', `${result.error} ${KEPT}`);
      return;
    }
    const described = result.fromMetadata ? '' : ' (column names and scaling from the loaded data)';
    const data = this.app.data();
    const model = result.fromMetadata || !data ? result.model : await withIntervalsFrom(result.model, data);
    this.adopt(model, `the TF.js model "${json.name}" + "${bin.name}"${described}`);
  }
}
