/**
 * The one writer every line of the commands goes through (`train`'s progress, summary and fit table,
 * `serve`'s messages and request log, and every error), so text from files and requests (a column
 * name, a path, a URL) never reaches a terminal as control sequences that move the cursor, clear the
 * screen or rewrite what was printed: each line is escaped as it is written (see terminal-text.ts).
 * The writer's own control codes (a terminal's in-place progress line) are added after escaping.
 */
import { escapeControlCharacters } from './terminal-text.ts';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** How many characters of batched lines go out in one write at most (see `lineSoon`). */
const BATCH_CHARACTERS = 1000;

export class TerminalOutput {
  private pending = '';
  private flushScheduled = false;

  constructor(private readonly stream: OutputStream) {}

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  /** One line: every control character in it, a newline included, shown as an escape. */
  line(text: string): void {
    this.flush();
    this.stream.write(`${escapeControlCharacters(text)}\n`);
  }

  /**
   * Lines (a table, a summary, a help text) separated by `\n`: each escaped, the newlines and tabs
   * kept as the layout (R's summary aligns a line with a tab). A caller that puts a name from a file
   * in a table escapes it first, so a tab or newline inside a name cannot move a column.
   */
  block(text: string): void {
    this.flush();
    const lines = text.endsWith('\n') ? text.slice(0, -1) : text;
    this.stream.write(`${lines.split('\n').map(escapeKeepingTabs).join('\n')}\n`);
  }

  /** A terminal's in-place line: back to its start, the text, erase what a longer earlier one left. */
  redraw(text: string): void {
    this.stream.write(`\r${escapeControlCharacters(text)}\x1b[K`);
  }

  /** Ends the in-place line, so what follows starts on a line of its own. */
  endRedraw(): void {
    this.stream.write('\n');
  }

  /**
   * `line`, batched: the lines given in one turn of the event loop go out in one write (a busy server
   * logs a line per request; one write each would cost it a system call per request). A batch stays
   * under PIPE_BUF (4 KiB) even in UTF-8, so the batches of several processes sharing one pipe never
   * interleave inside a line.
   */
  lineSoon(text: string): void {
    const line = `${escapeControlCharacters(text)}\n`;
    if (this.pending.length + line.length > BATCH_CHARACTERS) this.flush();
    this.pending += line;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** Writes what `lineSoon` holds now (before exiting, or before a line that must follow it). */
  flush(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.stream.write(text);
  }
}

function escapeKeepingTabs(line: string): string {
  return line.split('\t').map(escapeControlCharacters).join('\t');
}

let standard: { stdout: TerminalOutput; stderr: TerminalOutput } | undefined;

/** The process's standard output and error, each behind its writer; what `lineSoon` holds is written at exit. */
export function standardOutput(): { stdout: TerminalOutput; stderr: TerminalOutput } {
  if (!standard) {
    const outputs = { stdout: new TerminalOutput(process.stdout), stderr: new TerminalOutput(process.stderr) };
    process.once('exit', () => {
      outputs.stdout.flush();
      outputs.stderr.flush();
    });
    standard = outputs;
  }
  return standard;
}
