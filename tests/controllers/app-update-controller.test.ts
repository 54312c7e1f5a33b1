/**
 * Updates alone, with the service worker's registration replaced: registered once per page when the
 * host connects, the host's `ready` set when a new version waits, and that version activated on the
 * host's reload event only while connected.
 */
import { describe, expect, it, vi } from 'vitest';
import { AppUpdateController } from '../../src/ui/controllers/app-update-controller.ts';
import { StubHost } from './host.ts';

const serviceWorker = vi.hoisted(() => ({
  registrations: 0,
  activations: 0,
  onUpdateReady: (): void => {},
}));

vi.mock('../../src/app/service-worker.ts', () => ({
  registerServiceWorker(onUpdateReady: () => void) {
    serviceWorker.registrations += 1;
    serviceWorker.onUpdateReady = onUpdateReady;
    return async () => {
      serviceWorker.activations += 1;
    };
  },
}));

class UpdateHost extends StubHost {
  ready = false;
}

describe('AppUpdateController', () => {
  it('registers once, says when a new version is ready, and activates it on reload while connected', () => {
    const host = new UpdateHost();
    new AppUpdateController(host, 'update-reload');
    host.connect();
    host.disconnect();
    host.connect();
    expect(serviceWorker.registrations).toBe(1);
    expect(host.ready).toBe(false);
    serviceWorker.onUpdateReady();
    expect(host.ready).toBe(true);
    host.dispatchEvent(new Event('update-reload'));
    expect(serviceWorker.activations).toBe(1);
    host.disconnect();
    host.dispatchEvent(new Event('update-reload'));
    expect(serviceWorker.activations).toBe(1);
  });
});
