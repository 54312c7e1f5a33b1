/**
 * `<model-library>` alone: the current model, its file actions, the saved models, the storage state,
 * messages in the right live region, and the library-action and files-chosen events it sends.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { FilesChosenEvent, LibraryActionEvent } from '../../src/ui/events.ts';
import '../../src/ui/model-library.ts';
import type { ModelLibrary } from '../../src/ui/model-library.ts';
import { referenceModel } from './fixtures.ts';
import { mount, part, recordEvents, settled, shadowOf, textOf, update } from './mount.ts';

type Saved = ModelLibrary['saved'];

function savedList(): Saved {
  return {
    models: [
      { name: 'second try', savedAt: '2026-11-26T10:00:00Z', model: referenceModel() },
      { name: 'first try', savedAt: '2026-11-25T09:00:00Z', model: referenceModel({ trainMse: 50.123, r2: 0.375 }) },
    ],
    damaged: [{ name: 'broken', error: 'the slope is not a finite number' }],
  };
}

function actions(library: ModelLibrary) {
  return recordEvents<LibraryActionEvent>(library, 'library-action');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('<model-library>', () => {
  it('without a model: says so, and offers nothing to download, export or save', async () => {
    await mount('model-library', { storage: { state: 'on' } });
    await expect.element(page.getByText('No model yet: train one, or load a weights file.')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Download weights' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Export TF.js files' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Save' })).toBeDisabled();
    await expect.element(page.getByText('No saved models yet.')).toBeVisible();
  });

  it('shows the current model: its line, where it came from and how it was made', async () => {
    const library = await mount('model-library', {
      model: referenceModel(),
      origin: 'the weights file "sample.json"',
      storage: { state: 'on' },
    });
    const current = textOf(part(library, '[data-current]'));
    expect(current).toContain('Life expectancy = 2.5185 × BMI + 7.2278');
    expect(current).toContain('The weights file "sample.json"; made ');
    // It names how the model was made; its MSE is the Fit card's to show.
    expect(current).toContain('the exact least-squares line on 163 rows');
    expect(current).not.toContain('43.02');
    await update(library, { model: referenceModel({ epochs: 50, optimizer: 'adam', learningRate: 0.1, backend: 'webgpu' }) });
    expect(textOf(part(library, '[data-current]'))).toContain('; 50 epochs of Adam (learning rate 0.1) on 163 rows');
  });

  it('sends download and export requests for the current model', async () => {
    const library = await mount('model-library', { model: referenceModel(), storage: { state: 'on' } });
    const sent = actions(library);
    await userEvent.click(page.getByRole('button', { name: 'Download weights' }));
    await userEvent.click(page.getByRole('button', { name: 'Export TF.js files' }));
    expect(sent.map((event) => event.action)).toEqual([{ kind: 'download-weights' }, { kind: 'export-tfjs' }]);
  });

  it('saves under the typed name, with Enter in the field', async () => {
    const library = await mount('model-library', { model: referenceModel(), storage: { state: 'on' } });
    const sent = actions(library);
    await userEvent.type(page.getByLabelText('Model name'), 'my model{Enter}');
    expect(sent.map((event) => event.action)).toEqual([{ kind: 'save', name: 'my model' }]);
  });

  it('cannot save while storage is still opening', async () => {
    await mount('model-library', { model: referenceModel(), storage: { state: 'opening' } });
    await expect.element(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('says why saving is off, and that files still work', async () => {
    const library = await mount('model-library', {
      model: referenceModel(),
      storage: { state: 'off', reason: 'IndexedDB is blocked in this window' },
    });
    expect(textOf(part(library, '[data-storage-off]'))).toContain('Saving in this browser is off (IndexedDB is blocked in this window).');
    await expect.element(page.getByLabelText('Model name')).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(shadowOf(library).querySelector('[data-saved], [data-saved-empty]')).toBeNull();
    await expect.element(page.getByRole('button', { name: 'Download weights' })).toBeEnabled();
  });

  it('lists saved models with their fit, and damaged ones with why, each with labelled buttons', async () => {
    const library = await mount('model-library', { model: referenceModel(), storage: { state: 'on' }, saved: savedList() });
    const list = page.getByRole('list', { name: 'Saved models' });
    await expect.element(list).toBeVisible();
    const items = [...shadowOf(library).querySelectorAll<HTMLElement>('li')];
    expect(items.map((item) => item.dataset.name)).toEqual(['second try', 'first try', 'broken']);
    expect(textOf(items[1])).toContain('MSE 50.12 · R² 0.375');
    expect(items[1].querySelector('time')!.getAttribute('datetime')).toBe('2026-11-25T09:00:00Z');
    expect(textOf(items[2])).toContain('Damaged: the slope is not a finite number');
    // A damaged record can be deleted, not loaded.
    expect(items[2].querySelector('button[aria-label="Load model broken"]')).toBeNull();
    await expect.element(page.getByRole('button', { name: 'Delete model broken' })).toBeVisible();
  });

  it('loads a saved model by name', async () => {
    const library = await mount('model-library', { storage: { state: 'on' }, saved: savedList() });
    const sent = actions(library);
    await userEvent.click(page.getByRole('button', { name: 'Load model first try' }));
    expect(sent.map((event) => event.action)).toEqual([{ kind: 'load', name: 'first try' }]);
  });

  it('deletes only after a confirming second press; Escape takes the first press back', async () => {
    const library = await mount('model-library', { storage: { state: 'on' }, saved: savedList() });
    const sent = actions(library);
    await userEvent.click(page.getByRole('button', { name: 'Delete model first try' }));
    expect(sent).toHaveLength(0);
    const confirm = page.getByRole('button', { name: 'Confirm delete model first try' });
    await expect.element(confirm).toHaveTextContent('Confirm delete');
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('button', { name: 'Delete model first try' })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Delete model first try' }));
    await userEvent.click(page.getByRole('button', { name: 'Confirm delete model first try' }));
    expect(sent.map((event) => event.action)).toEqual([{ kind: 'delete', name: 'first try' }]);
    await expect.element(page.getByRole('button', { name: 'Delete model first try' })).toBeVisible();
  });

  it('arms one Delete at a time, and disarms by itself after a few seconds', async () => {
    const library = await mount('model-library', { storage: { state: 'on' }, saved: savedList() });
    part<HTMLButtonElement>(library, 'button[aria-label="Delete model first try"]').click();
    await settled(library);
    vi.useFakeTimers();
    part<HTMLButtonElement>(library, 'button[aria-label="Delete model second try"]').click();
    await settled(library);
    expect(shadowOf(library).querySelectorAll('[data-confirm]')).toHaveLength(1);
    expect(shadowOf(library).querySelector('button[aria-label="Confirm delete model second try"]')).not.toBeNull();
    vi.advanceTimersByTime(5000);
    await settled(library);
    expect(shadowOf(library).querySelectorAll('[data-confirm]')).toHaveLength(0);
  });

  it('sends the weights file or TF.js files picked', async () => {
    const library = await mount('model-library', { storage: { state: 'on' } });
    const chosen = recordEvents<FilesChosenEvent>(library, 'files-chosen');
    await userEvent.upload(page.getByLabelText('Load weights file'), new File(['{}'], 'w.json', { type: 'application/json' }));
    await userEvent.upload(page.getByLabelText('Import TF.js files (model.json + weights.bin)'), [
      new File(['{}'], 'model.json', { type: 'application/json' }),
      new File([new Uint8Array(8)], 'weights.bin'),
    ]);
    expect(chosen.map((event) => event.files.map((file) => file.name))).toEqual([['w.json'], ['model.json', 'weights.bin']]);
  });

  it('while training: nothing that would replace the model, with a hint saying why', async () => {
    const library = await mount('model-library', { model: referenceModel(), storage: { state: 'on' }, saved: savedList(), training: true });
    const hint = 'Training is running: load a model when it has finished.';
    expect(textOf(part(library, '[data-training-hint]'))).toBe(hint);
    for (const label of ['Load weights file', 'Import TF.js files (model.json + weights.bin)']) {
      await expect.element(page.getByLabelText(label)).toBeDisabled();
      await expect.element(page.getByLabelText(label)).toHaveAccessibleDescription(hint);
    }
    await expect.element(page.getByRole('button', { name: 'Load model first try' })).toBeDisabled();
    // Keeping the model is still fine.
    await expect.element(page.getByRole('button', { name: 'Download weights' })).toBeEnabled();
    await update(library, { training: false });
    expect(shadowOf(library).querySelector('[data-training-hint]')).toBeNull();
    await expect.element(page.getByRole('button', { name: 'Load model first try' })).toBeEnabled();
  });

  it('puts information in the status region and problems in the alert region', async () => {
    const library = await mount('model-library', { storage: { state: 'on' }, message: { kind: 'info', text: 'Saved "a".' } });
    expect(textOf(part(library, '[role=status]'))).toBe('Saved "a".');
    expect(textOf(part(library, '[role=alert]'))).toBe('');
    await update(library, { message: { kind: 'error', text: 'w.json: not JSON.' } });
    expect(textOf(part(library, '[role=status]'))).toBe('');
    expect(textOf(part(library, '[role=alert] [data-message=error]'))).toBe('w.json: not JSON.');
    // The same text again is a new message, announced again: a fresh element.
    const before = part(library, '[data-message=error]');
    await update(library, { message: { kind: 'error', text: 'w.json: not JSON.' } });
    expect(part(library, '[data-message=error]')).not.toBe(before);
  });
});
