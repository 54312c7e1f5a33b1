/**
 * Offline support and updates for the element it is added to: registers the service worker when the
 * host connects, sets the host's `ready` when a new version waits, and activates that version (the
 * page reloads onto it) when the host fires `update-reload`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { registerServiceWorker } from '../../app/service-worker.ts';

export class AppUpdateController implements ReactiveController {
  private activate: (() => Promise<void>) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget & { ready: boolean },
    private readonly reloadEvent: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener(this.reloadEvent, this.reload);
    // Once per page: a second connection (the element moved) keeps the first registration.
    this.activate ??= registerServiceWorker(() => {
      this.host.ready = true;
    });
  }

  hostDisconnected(): void {
    this.host.removeEventListener(this.reloadEvent, this.reload);
  }

  private readonly reload = (): void => {
    void this.activate?.();
  };
}
