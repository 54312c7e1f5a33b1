/** The helper every controller listens with: an event handled while its host is connected, once per event. */
import { describe, expect, it } from 'vitest';
import { onHostEvent } from '../../src/ui/controllers/host-events.ts';
import { ModelUndoEvent } from '../../src/ui/events.ts';
import { StubHost } from './host.ts';

describe('onHostEvent', () => {
  it('handles the event only while the host is connected, once per event across reconnections', () => {
    const host = new StubHost();
    const seen: Event[] = [];
    onHostEvent(host, ModelUndoEvent.type, (event) => seen.push(event));
    host.dispatchEvent(new ModelUndoEvent());
    expect(seen).toHaveLength(0);
    host.connect();
    host.disconnect();
    host.connect();
    const event = new ModelUndoEvent();
    host.dispatchEvent(event);
    expect(seen).toEqual([event]);
    host.disconnect();
    host.dispatchEvent(new ModelUndoEvent());
    expect(seen).toHaveLength(1);
  });
});
