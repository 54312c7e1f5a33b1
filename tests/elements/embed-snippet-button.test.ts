/**
 * `<embed-snippet-button>` alone: disabled without a model; copies the snippet for its model and says
 * so in a live status; when the browser will not copy, shows the snippet to copy by hand; a model
 * that cannot be written gets a message, no snippet.
 */
import { describe, expect, it, vi } from 'vitest';
import { embedSnippet } from '../../src/core/model/embed-snippet.ts';
import type { Model } from '../../src/core/model/model.ts';
import '../../src/ui/embed-snippet-button.ts';
import sample from '../../public/sample-weights.json';
import { mount, part, settled, textOf, update } from './mount.ts';

const clipboard = vi.hoisted(() => ({ copied: [] as string[], works: true }));

vi.mock('../../src/app/clipboard.ts', () => ({
  async copyText(text: string) {
    if (!clipboard.works) return false;
    clipboard.copied.push(text);
    return true;
  },
}));

const model = sample as unknown as Model;

describe('<embed-snippet-button>', () => {
  it('is disabled without a model', async () => {
    const button = await mount('embed-snippet-button');
    expect(part<HTMLButtonElement>(button, 'button').disabled).toBe(true);
  });

  it('copies the snippet of its model and says so in a live status', async () => {
    clipboard.works = true;
    clipboard.copied = [];
    const element = await mount('embed-snippet-button', { model });
    part<HTMLButtonElement>(element, 'button').click();
    await vi.waitFor(() => expect(clipboard.copied).toHaveLength(1));
    await settled(element);
    expect(clipboard.copied[0]).toBe(embedSnippet(model));
    const status = part(element, '[role=status]');
    expect(textOf(status)).toMatch(/^Copied the snippet/);
    // Another model: what was said no longer applies.
    await update(element, { model: { ...model, slope: 1 } });
    expect(textOf(status)).toBe('');
  });

  it('shows the snippet to copy by hand when the browser will not copy', async () => {
    clipboard.works = false;
    const element = await mount('embed-snippet-button', { model });
    part<HTMLButtonElement>(element, 'button').click();
    await vi.waitFor(() => expect(element.shadowRoot!.querySelector('textarea')).not.toBeNull());
    expect(part<HTMLTextAreaElement>(element, 'textarea').value).toBe(embedSnippet(model));
    expect(textOf(part(element, '[role=status]'))).toMatch(/would not copy/);
  });

  it('says why a model that cannot be written has no snippet', async () => {
    clipboard.works = true;
    const element = await mount('embed-snippet-button', { model: { ...model, slope: Number.NaN } });
    part<HTMLButtonElement>(element, 'button').click();
    await vi.waitFor(() => expect(textOf(part(element, '[role=status]'))).toMatch(/cannot be saved/));
    expect(element.shadowRoot!.querySelector('textarea')).toBeNull();
  });
});
