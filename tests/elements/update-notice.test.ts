/**
 * `<update-notice>` alone: an empty live status until a new version waits, then a Reload button that
 * fires update-reload and activates the waiting version. The service worker registration is replaced
 * by a stand-in, so the test drives "a new version is ready" itself.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/update-notice.ts';
import { mount, part, recordEvents, settled, textOf } from './mount.ts';

const serviceWorker = vi.hoisted(() => ({
  onUpdateReady: undefined as (() => void) | undefined,
  activate: vi.fn(async () => {}),
  registrations: 0,
}));

vi.mock('../../src/app/service-worker.ts', () => ({
  registerServiceWorker(onUpdateReady: () => void) {
    serviceWorker.registrations += 1;
    serviceWorker.onUpdateReady = onUpdateReady;
    return serviceWorker.activate;
  },
}));

beforeEach(() => {
  serviceWorker.activate.mockClear();
  serviceWorker.registrations = 0;
  serviceWorker.onUpdateReady = undefined;
});

describe('<update-notice>', () => {
  it('registers the service worker when added, and says nothing while no new version waits', async () => {
    const notice = await mount('update-notice');
    expect(serviceWorker.registrations).toBe(1);
    const status = part(notice, '[role=status]');
    expect(textOf(status)).toBe('');
    expect(notice.shadowRoot!.querySelector('button')).toBeNull();
  });

  it('offers a Reload when a new version waits, inside the live status', async () => {
    const notice = await mount('update-notice');
    serviceWorker.onUpdateReady!();
    await settled(notice);
    expect(notice.ready).toBe(true);
    expect(notice.hasAttribute('ready')).toBe(true);
    expect(textOf(part(notice, '[role=status]'))).toBe('A new version is ready: Reload');
    await expect.element(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  });

  it('Reload fires update-reload and activates the waiting version, never before', async () => {
    const notice = await mount('update-notice', { ready: true });
    const reloads = recordEvents(notice, 'update-reload');
    expect(serviceWorker.activate).not.toHaveBeenCalled();
    await userEvent.click(page.getByRole('button', { name: 'Reload' }));
    expect(reloads).toHaveLength(1);
    expect(reloads[0].bubbles && reloads[0].composed).toBe(true);
    expect(serviceWorker.activate).toHaveBeenCalledTimes(1);
  });

  it('keeps its one registration when moved in the page', async () => {
    const notice = await mount('update-notice');
    notice.remove();
    document.body.append(notice);
    await settled(notice);
    expect(serviceWorker.registrations).toBe(1);
  });
});
