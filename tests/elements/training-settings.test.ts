/** `<training-settings>` alone: shows the settings it is given, sends every valid edit, explains a bad one. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import type { BackendChangeEvent, SettingsChangeEvent } from '../../src/ui/events.ts';
import '../../src/ui/training-settings.ts';
import { mount, part, recordEvents, settled, textOf } from './mount.ts';

const field = (label: string) => page.getByLabelText(label, { exact: true });

async function openMore(form: HTMLElement): Promise<void> {
  await userEvent.click(part(form, 'summary'));
}

/** Types into a field as a person does, then leaves it (Tab), which is when the form sends a change. */
async function retype(form: HTMLElement, label: string, text: string): Promise<void> {
  await userEvent.fill(field(label), text);
  await userEvent.keyboard('{Tab}');
  await settled(form);
}

describe('<training-settings>', () => {
  it('shows the settings it is given, each field labelled', async () => {
    const form = await mount('training-settings', {
      settings: { ...DEFAULT_SETTINGS, epochs: 120, optimizer: 'adam', batchSize: 32, validationSplit: 0.07 },
      backend: 'wasm',
    });
    await openMore(form);
    await expect.element(field('Epochs')).toHaveValue(120);
    await expect.element(field('Learning rate')).toHaveValue(0.1);
    await expect.element(field('Optimizer')).toHaveDisplayValue('Adam');
    await expect.element(field('Batch size')).toHaveValue(32);
    // A fraction is shown as a percentage without float noise.
    await expect.element(field('Validation rows (%)')).toHaveValue(7);
    await expect.element(field('Split seed')).toHaveValue(42);
    await expect.element(field('Backend')).toHaveDisplayValue('WASM');
    await expect.element(field('Stop early when the loss stops improving')).not.toBeChecked();
    // Early stopping's own fields wait until it is on.
    await expect.element(field('Patience (epochs)')).toBeDisabled();
    await expect.element(field('Minimum improvement (%)')).toBeDisabled();
  });

  it('shows an empty batch size as "all rows" (full batch)', async () => {
    const form = await mount('training-settings');
    await openMore(form);
    await expect.element(field('Batch size')).toHaveValue(null);
    await expect.element(field('Batch size')).toHaveAttribute('placeholder', 'all rows');
    await expect.element(field('Batch size')).toHaveAccessibleDescription('Empty: all rows (full batch)');
  });

  it('sends the whole settings after a valid edit', async () => {
    const form = await mount('training-settings');
    const changes = recordEvents<SettingsChangeEvent>(form, 'settings-change');
    await retype(form, 'Epochs', '200');
    expect(changes.map((event) => event.settings)).toEqual([{ ...DEFAULT_SETTINGS, epochs: 200 }]);
    expect(changes[0].bubbles && changes[0].composed).toBe(true);

    await openMore(form);
    await retype(form, 'Validation rows (%)', '25');
    await retype(form, 'Batch size', '16');
    expect(changes.at(-1)!.settings).toEqual({ ...DEFAULT_SETTINGS, epochs: 200, validationSplit: 0.25, batchSize: 16 });
  });

  it('explains a bad value next to the field, sends nothing, and clears the message once fixed', async () => {
    const form = await mount('training-settings');
    const changes = recordEvents(form, 'settings-change');
    await retype(form, 'Learning rate', '0');
    expect(changes).toHaveLength(0);
    const message = 'Learning rate must be a number above 0 and at most 10.';
    expect(textOf(part(form, '[role=alert]'))).toBe(message);
    await expect.element(field('Learning rate')).toHaveAttribute('aria-invalid', 'true');
    await expect.element(field('Learning rate')).toHaveAccessibleDescription(message);
    expect(form.check()).toBeUndefined();

    await retype(form, 'Learning rate', '0.05');
    expect(form.shadowRoot!.querySelector('[role=alert]')).toBeNull();
    await expect.element(field('Learning rate')).toHaveAttribute('aria-invalid', 'false');
    expect(changes).toHaveLength(1);
  });

  it('turns early stopping on with its defaults, which can then be edited', async () => {
    const form = await mount('training-settings');
    const changes = recordEvents<SettingsChangeEvent>(form, 'settings-change');
    await openMore(form);
    await userEvent.click(field('Stop early when the loss stops improving'));
    await settled(form);
    expect(changes.at(-1)!.settings.earlyStopping).toEqual({ patience: 10, minImprovement: 0.0001 });
    await expect.element(field('Patience (epochs)')).toBeEnabled();
    await retype(form, 'Patience (epochs)', '3');
    expect(changes.at(-1)!.settings.earlyStopping).toEqual({ patience: 3, minImprovement: 0.0001 });
  });

  it('sends the backend choice as its own event, not as a settings change', async () => {
    const form = await mount('training-settings');
    const backends = recordEvents<BackendChangeEvent>(form, 'backend-change');
    const changes = recordEvents(form, 'settings-change');
    await openMore(form);
    await userEvent.selectOptions(field('Backend'), 'WebGL');
    await userEvent.selectOptions(field('Backend'), 'Best available');
    expect(backends.map((event) => event.backend)).toEqual(['webgl', undefined]);
    expect(changes).toHaveLength(0);
  });

  it('disables every field while a run is going', async () => {
    const form = await mount('training-settings', { disabled: true });
    const controls = [...form.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
    expect(controls.length).toBe(10);
    expect(controls.filter((control) => !control.disabled)).toEqual([]);
  });
});
