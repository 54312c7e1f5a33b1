/**
 * Prints the training loss while it runs: one line rewritten in place on a terminal, or a plain line
 * now and then when the output is piped to a file or another program (so a 10,000-epoch run prints
 * a few dozen lines, not 10,000).
 */
import { formatPreciseLoss } from '../core/train/progress.ts';
import type { TerminalOutput } from './terminal-output.ts';

/** Where the progress goes: the command's writer, which escapes the line and adds the in-place codes. */
export type ProgressOutput = Pick<TerminalOutput, 'isTTY' | 'line' | 'redraw' | 'endRedraw'>;

export interface ProgressOptions {
  /** How often a piped line is printed, in ms. */
  pipedIntervalMs?: number;
  /** How often the terminal line is redrawn, in ms (faster than the eye needs is wasted work). */
  ttyIntervalMs?: number;
  now?: () => number;
}

/** "epoch  37/200  loss 43.021031": the epoch padded to the total's width so the line does not jump. */
export function formatProgressLine(epoch: number, lastEpoch: number, loss: number): string {
  return `epoch ${String(epoch).padStart(String(lastEpoch).length)}/${lastEpoch}  loss ${formatPreciseLoss(loss)}`;
}

export class ProgressPrinter {
  private lastPrinted = -Infinity;
  private pending: { epoch: number; loss: number } | undefined;
  private printedAny = false;
  private readonly interval: number;
  private readonly now: () => number;

  constructor(
    private readonly out: ProgressOutput,
    /** The epoch number the run ends at (counting earlier runs when resuming). */
    private readonly lastEpoch: number,
    options: ProgressOptions = {},
  ) {
    this.interval = out.isTTY ? (options.ttyIntervalMs ?? 100) : (options.pipedIntervalMs ?? 250);
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes every epoch's loss; prints the first one (the starting point), then at most one per interval. */
  add(epoch: number, loss: number): void {
    this.pending = { epoch, loss };
    if (!this.printedAny || this.now() - this.lastPrinted >= this.interval) this.flush();
  }

  /** Prints the last loss if it is not shown yet and ends the terminal line. */
  finish(): void {
    this.flush();
    if (this.out.isTTY && this.printedAny) this.out.endRedraw();
  }

  private flush(): void {
    if (!this.pending) return;
    const line = formatProgressLine(this.pending.epoch, this.lastEpoch, this.pending.loss);
    // On a terminal: the one line rewritten in place; piped: a line of its own.
    if (this.out.isTTY) this.out.redraw(line);
    else this.out.line(line);
    this.pending = undefined;
    this.printedAny = true;
    this.lastPrinted = this.now();
  }
}
