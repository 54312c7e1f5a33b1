/** `<undo-bar>` alone: what can be taken back, in a polite live region, and the events its buttons send. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/undo-bar.ts';
import { mount, part, recordEvents, shadowOf, textOf, update } from './mount.ts';

describe('<undo-bar>', () => {
  it('is an empty live region when there is nothing to take back', async () => {
    const bar = await mount('undo-bar');
    const region = part(bar, '[part=bar]');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(textOf(region)).toBe('');
    expect(shadowOf(bar).querySelector('button')).toBeNull();
  });

  it('says what Undo takes back, and Undo sends model-undo', async () => {
    const bar = await mount('undo-bar', { undoLabel: 'Loaded the weights file "w.json"' });
    const undos = recordEvents(bar, 'model-undo');
    expect(textOf(part(bar, '[data-undo]'))).toBe('Loaded the weights file "w.json". Undo');
    await userEvent.click(page.getByRole('button', { name: 'Undo' }));
    expect(undos).toHaveLength(1);
    expect(undos[0].bubbles && undos[0].composed).toBe(true);
  });

  it("offers a failed run's last good line, and sends use-last-good-line when taken", async () => {
    const bar = await mount('undo-bar', { offerLabel: 'The run diverged at epoch 3; the model was kept.' });
    const taken = recordEvents(bar, 'use-last-good-line');
    expect(textOf(part(bar, '[data-offer]'))).toContain('The run diverged at epoch 3; the model was kept.');
    await userEvent.click(page.getByRole('button', { name: "Use this run's last good line" }));
    expect(taken).toHaveLength(1);
  });

  it('disables both buttons while a run goes', async () => {
    const bar = await mount('undo-bar', { undoLabel: 'Reset', offerLabel: 'Stopped before its first epoch.', disabled: true });
    await expect.element(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: "Use this run's last good line" })).toBeDisabled();
    await update(bar, { disabled: false });
    await expect.element(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  });
});
