/**
 * A stand-in for the element a controller is added to: an EventTarget implementing Lit's
 * ReactiveControllerHost as LitElement does, so a controller is tested alone, without any element.
 * `requestUpdate` schedules one update in a microtask (each controller's `hostUpdate`, then
 * `hostUpdated`); `updateComplete` resolves once it has run. It counts its updates.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class StubHost extends EventTarget implements ReactiveControllerHost {
  /** Updates run so far. */
  updates = 0;
  private readonly controllers = new Set<ReactiveController>();
  private connected = false;
  private pending: Promise<boolean> | undefined;

  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
    if (this.connected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }

  requestUpdate(): void {
    this.pending ??= Promise.resolve().then(() => {
      this.pending = undefined;
      for (const controller of this.controllers) controller.hostUpdate?.();
      this.updates += 1;
      for (const controller of this.controllers) controller.hostUpdated?.();
      return true;
    });
  }

  get updateComplete(): Promise<boolean> {
    return this.pending ?? Promise.resolve(true);
  }

  /** As when the element is added to the page. */
  connect(): this {
    this.connected = true;
    for (const controller of this.controllers) controller.hostConnected?.();
    this.requestUpdate();
    return this;
  }

  /** As when the element leaves the page. */
  disconnect(): void {
    this.connected = false;
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}
