/**
 * The rounds of epochs on the device: how many to queue next (sized by `RoundSize` from the time the
 * device really took), and at most two rounds queued at once: after queueing one, the driver waits
 * for the one before, so the device always has work while the queue stays bounded by work done.
 */
import { lastPace, MAX_PENDING_EPOCHS, type RoundSize } from '../round-size.ts';

interface Round {
  /** Resolves when the device has done the round (and everything before it). */
  readonly done: Promise<void>;
  readonly epochs: number;
}

export class DeviceRounds {
  /** The round queued before the last one, still on the device; none after a full read-back. */
  private previous: Round | undefined;
  /** When the device was last known to be done with what it had. */
  private lastDone: number;

  constructor(
    private readonly sizes: RoundSize,
    private readonly now: () => number,
  ) {
    this.lastDone = now();
  }

  /** True while an earlier round may still be on the device. */
  get busy(): boolean {
    return this.previous !== undefined;
  }

  /**
   * Epochs to ask for next: a round's worth, no more than the run has left, and no more than keep the
   * read-back's points within MAX_PENDING_EPOCHS. Long epochs go one at a time.
   */
  wanted(left: number, pending: number, longEpochs: boolean): number {
    if (longEpochs) return 1;
    return Math.min(this.sizes.next, left, MAX_PENDING_EPOCHS - pending + 1);
  }

  /** A round is about to be queued; with nothing on the device, its time counts from now. */
  starting(): void {
    if (this.previous === undefined) this.lastDone = this.now();
  }

  /**
   * A round was queued while a read-back travelled; the read-back's values came once the device had
   * done the round before, so that one's time is measured now.
   */
  queuedWhileReading(done: Promise<void>, epochs: number): void {
    if (this.previous) this.observe(this.previous.epochs);
    this.previous = { done, epochs };
  }

  /** A read-back waited for everything queued: this round and the one before are both done. */
  drained(epochs: number): void {
    this.observe(epochs + (this.previous?.epochs ?? 0));
    this.previous = undefined;
  }

  /** A round was queued behind another: waits for the one before it, so at most two are queued. */
  async queuedBehind(done: Promise<void>, epochs: number): Promise<void> {
    if (this.previous) {
      await this.previous.done;
      this.observe(this.previous.epochs);
    }
    this.previous = { done, epochs };
  }

  /** Keeps what this run measured, so the next run of the same kind starts at its round size. */
  remember(paceKey: string | undefined): void {
    const pace = this.sizes.typicalPerEpochMs;
    if (paceKey !== undefined && pace !== undefined) lastPace.set(paceKey, pace);
  }

  private observe(epochs: number): void {
    const at = this.now();
    this.sizes.observe(epochs, at - this.lastDone);
    this.lastDone = at;
  }
}
