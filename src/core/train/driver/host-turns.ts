/**
 * The host's turns during a run: the driver hands the thread back (to the worker's message loop, or
 * the page) after each report, and a long epoch asks between batches whether a turn is due, so no
 * stretch of work holds the thread for more than a slice.
 */

/** Longest stretch of mini-batch work between two turns of the host, in ms. */
export const WORK_SLICE_MS = 10;

export class HostTurns {
  private lastTurn: number;

  constructor(
    private readonly now: () => number,
    private readonly yieldToHost: () => Promise<void>,
  ) {
    this.lastTurn = now();
  }

  /** True when the work since the last turn has run a slice or longer. */
  get due(): boolean {
    return this.now() - this.lastTurn >= WORK_SLICE_MS;
  }

  /** Gives the host its turn. */
  async take(): Promise<void> {
    await this.yieldToHost();
    this.lastTurn = this.now();
  }

  /** The thread was handed back some other way (a pause waited): a slice counts from now. */
  restart(): void {
    this.lastTurn = this.now();
  }
}
