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
  private size: number;
  private readonly samples: number[] = [];

  constructor(
    private readonly targetMs: number,
    private readonly maxPerRound = MAX_PENDING_EPOCHS,
    /** The device time of an epoch as a run of the same kind last measured it, if one did. */
    startPerEpochMs?: number,
  ) {
    this.size = startPerEpochMs === undefined ? 1 : this.sizeFor(startPerEpochMs);
  }

  /** Epochs to queue in the next round. */
  get next(): number {
    return Math.min(this.size, this.maxPerRound);
  }

  /** Records a round: `epochs` queued and settled in `ms` of wall time. */
  observe(epochs: number, ms: number): void {
    if (epochs <= 0) return;
    const perEpoch = Math.max(ms, 1e-3) / epochs;
    this.samples.push(perEpoch);
    this.size = this.sizeFor(perEpoch);
  }

  /** The median of the rounds' epoch times so far, for the next run of the same kind; none before a round. */
  get typicalPerEpochMs(): number | undefined {
    if (this.samples.length === 0) return undefined;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  private sizeFor(perEpochMs: number): number {
    return Math.max(1, Math.min(MAX_PENDING_EPOCHS, Math.floor(this.targetMs / perEpochMs)));
  }
}

/**
 * What the last run of each kind (see `EpochRunner.paceKey`) measured an epoch to take, so the next one
 * starts with rounds of the right size instead of finding it again one round trip at a time. Per
 * process (a worker, the page, Node): device speed is what it remembers, nothing about the data.
 */
export const lastPace = new Map<string, number>();
