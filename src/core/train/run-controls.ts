/**
 * Pause, Resume, Step and Stop as bookkeeping: how many more epochs may be queued, and whether the run
 * was stopped. No TF.js and no timers; the driver asks it before queueing and waits on it while paused.
 */
export type TrainerState = 'idle' | 'running' | 'paused' | 'done';

export class RunControls {
  state: TrainerState = 'idle';
  /** Epochs that may still be queued before the run pauses. */
  stepsAllowed = Infinity;
  stopRequested = false;
  private wake: (() => void) | undefined;

  /** Pauses at the next epoch boundary (or a long epoch's next turn); before the run, it starts paused. */
  pause(): void {
    if (this.state === 'running' || this.state === 'idle') this.stepsAllowed = 0;
  }

  resume(): void {
    this.stepsAllowed = Infinity;
    this.wakeUp();
  }

  /** While paused (or before the run): exactly one more epoch, then pause. */
  step(): void {
    if (this.state !== 'paused' && this.state !== 'idle') return;
    this.stepsAllowed = 1;
    this.wakeUp();
  }

  stop(): void {
    this.stopRequested = true;
    this.wakeUp();
  }

  /** Takes up to `wanted` epochs from the allowance; returns how many may be queued now. */
  take(wanted: number): number {
    const granted = Math.max(0, Math.min(wanted, this.stepsAllowed));
    this.stepsAllowed -= granted;
    return granted;
  }

  /** Resolves at the next Resume, Step or Stop (at once when one is already due). */
  waitForWake(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      if (this.stopRequested || this.stepsAllowed > 0) this.wakeUp();
    });
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
