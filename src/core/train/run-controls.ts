/**
 * Pause, Resume, Step and Stop as bookkeeping: how many more epochs may be queued, whether the run
 * was stopped, and the run's state, changed only by its own transitions (the buttons above, and the
 * driver's `begin`, `pausing`, `woke` and `finish`). No TF.js and no timers; the driver asks it
 * before queueing and waits on it while paused.
 */
export type TrainerState = 'idle' | 'running' | 'paused' | 'done';

export class RunControls {
  private current: TrainerState = 'idle';
  private allowance = Infinity;
  private stopped = false;
  private wake: (() => void) | undefined;

  get state(): TrainerState {
    return this.current;
  }

  /** Epochs that may still be queued before the run pauses. */
  get stepsAllowed(): number {
    return this.allowance;
  }

  get stopRequested(): boolean {
    return this.stopped;
  }

  /** Pauses at the next epoch boundary (or a long epoch's next turn); before the run, it starts paused. */
  pause(): void {
    if (this.current === 'running' || this.current === 'idle') this.allowance = 0;
  }

  resume(): void {
    this.allowance = Infinity;
    this.wakeUp();
  }

  /** While paused (or before the run): exactly one more epoch, then pause. */
  step(): void {
    if (this.current !== 'paused' && this.current !== 'idle') return;
    this.allowance = 1;
    this.wakeUp();
  }

  stop(): void {
    this.stopped = true;
    this.wakeUp();
  }

  /** The run starts. */
  begin(): void {
    this.current = 'running';
  }

  /** The run has reached a pause (the allowance ran out) and waits for Resume, Step or Stop. */
  pausing(): void {
    this.current = 'paused';
  }

  /** Woken by Resume or Step: the run goes on. */
  woke(): void {
    this.current = 'running';
  }

  /** The run has ended (its epochs done, stopped, or judged to end). */
  finish(): void {
    this.current = 'done';
  }

  /** Takes up to `wanted` epochs from the allowance; returns how many may be queued now. */
  take(wanted: number): number {
    const granted = Math.max(0, Math.min(wanted, this.allowance));
    this.allowance -= granted;
    return granted;
  }

  /** True when a Pause came since the allowance was `allowance` (inside an epoch already queued). */
  pausedSince(allowance: number): boolean {
    return this.allowance < allowance;
  }

  /**
   * Woken inside a long epoch: finishing that epoch is one epoch of the allowance (after Step, the
   * whole of it). Returns the allowance left.
   */
  finishingEpoch(): number {
    this.allowance -= 1;
    return this.allowance;
  }

  /** Resolves at the next Resume, Step or Stop (at once when one is already due). */
  waitForWake(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      if (this.stopped || this.allowance > 0) this.wakeUp();
    });
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
