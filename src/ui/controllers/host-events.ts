/**
 * Lets a controller handle one of the typed events (src/ui/events.ts) that reach its host, for as long
 * as the host is connected: added on each connection and removed on each disconnection, so an element
 * moved in the page handles each event once.
 */
import type { ReactiveControllerHost } from 'lit';

export function onHostEvent<K extends keyof GlobalEventHandlersEventMap>(
  host: ReactiveControllerHost & EventTarget,
  type: K,
  handle: (event: GlobalEventHandlersEventMap[K]) => void,
): void {
  // Typed by `type` above: the event is the one GlobalEventHandlersEventMap names for it.
  const listener = handle as EventListener;
  host.addController({
    hostConnected: () => host.addEventListener(type, listener),
    hostDisconnected: () => host.removeEventListener(type, listener),
  });
}
