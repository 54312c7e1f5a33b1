/**
 * Speed and time left of a run, from the epochs done and the training time (pauses excluded), and
 * how the page writes them.
 */

export interface ProgressFigures {
  /** Undefined until there is something to measure. */
  epochsPerSecond: number | undefined;
  secondsLeft: number | undefined;
}

export function progressFigures(epoch: number, epochs: number, elapsedMs: number): ProgressFigures {
  if (epoch <= 0 || elapsedMs <= 0) return { epochsPerSecond: undefined, secondsLeft: undefined };
  const epochsPerSecond = (epoch * 1000) / elapsedMs;
  return { epochsPerSecond, secondsLeft: Math.max(0, epochs - epoch) / epochsPerSecond };
}

/** Three significant digits at most, without exponent: 812, 45.3, 0.521. */
export function formatRate(epochsPerSecond: number): string {
  const digits = epochsPerSecond >= 100 ? 0 : epochsPerSecond >= 10 ? 1 : epochsPerSecond >= 1 ? 2 : 3;
  return `${epochsPerSecond.toFixed(digits)} epochs/s`;
}

/** "0.4 s", "12 s", "3 min 05 s", "2 h 03 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${pad(whole % 60)} s`;
  return `${Math.floor(whole / 3600)} h ${pad(Math.floor((whole % 3600) / 60))} min`;
}

/** Eight significant digits, for terminals: enough to see the loss still creeping down near the optimum. */
export function formatPreciseLoss(loss: number): string {
  return Number.isFinite(loss) ? loss.toPrecision(8) : String(loss);
}

/** A loss for display: four decimals, or an exponent once a diverging run makes it huge. */
export function formatLoss(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e6 ? value.toExponential(3) : value.toFixed(4);
}
