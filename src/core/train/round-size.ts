/**
 * How many epochs to queue before waiting for the device: enough to keep it busy for about half a
 * report interval, measured from the work it really did (queue → settled), never from encoding time
 * alone, so a slow device never collects seconds of queued epochs before a read-back.
 */
/**
 * Most epochs pending between two read-backs: enough that even a run of very fast epochs (thousands
 * per frame on the fused WebGPU path) reads back no more than once per frame.
 */
export const MAX_PENDING_EPOCHS = 4096;

export class RoundSize {
  private size = 1;

  constructor(
    private readonly targetMs: number,
    private readonly maxPerRound = MAX_PENDING_EPOCHS,
  ) {}

  /** Epochs to queue in the next round. */
  get next(): number {
    return Math.min(this.size, this.maxPerRound);
  }

  /** Records a round: `epochs` queued and settled in `ms` of wall time. */
  observe(epochs: number, ms: number): void {
    if (epochs <= 0) return;
    const perEpoch = Math.max(ms, 1e-3) / epochs;
    this.size = Math.max(1, Math.min(MAX_PENDING_EPOCHS, Math.floor(this.targetMs / perEpoch)));
  }
}
