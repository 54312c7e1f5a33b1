/**
 * A run's training time, pauses excluded, so epochs per second and time left stay honest. It runs
 * from the moment it is made; Pause stops it and Resume (or Step) starts it again.
 */
export class RunClock {
  private runningSince: number | undefined;
  private before = 0;

  constructor(private readonly now: () => number) {
    this.runningSince = now();
  }

  /** Training time so far, in ms: the stretches before the last pause, plus the current one. */
  get elapsedMs(): number {
    return this.before + (this.runningSince === undefined ? 0 : this.now() - this.runningSince);
  }

  /** Stops counting (a pause, or the end of the run); stopping a stopped clock changes nothing. */
  stop(): void {
    this.before = this.elapsedMs;
    this.runningSince = undefined;
  }

  /** Counts again from now (the run woke up). */
  start(): void {
    this.runningSince = this.now();
  }
}
