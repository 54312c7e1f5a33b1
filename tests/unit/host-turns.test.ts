/** The host's turns: due after a slice of work, counted again from each turn. */
import { describe, expect, it } from 'vitest';
import { HostTurns, WORK_SLICE_MS } from '../../src/core/train/driver/host-turns.ts';

describe('HostTurns', () => {
  it('is due once a slice of work has run since it was made, and again a slice after each turn', async () => {
    let t = 0;
    let yields = 0;
    const turns = new HostTurns(
      () => t,
      () => {
        yields += 1;
        t += 1; // the host's turn itself takes time
        return Promise.resolve();
      },
    );
    t = WORK_SLICE_MS - 1;
    expect(turns.due).toBe(false);
    t = WORK_SLICE_MS;
    expect(turns.due).toBe(true);
    await turns.take();
    expect(yields).toBe(1);
    // Counted from the end of the turn (t = slice + 1).
    t = 2 * WORK_SLICE_MS;
    expect(turns.due).toBe(false);
    t = 2 * WORK_SLICE_MS + 1;
    expect(turns.due).toBe(true);
  });

  it('restarts the slice without a turn (after a pause waited)', () => {
    let t = 0;
    const turns = new HostTurns(
      () => t,
      () => Promise.resolve(),
    );
    t = 3 * WORK_SLICE_MS;
    expect(turns.due).toBe(true);
    turns.restart();
    expect(turns.due).toBe(false);
  });
});
