/**
 * Hot swap: `serve` takes a new model from its weights file without a restart. The file's folder is
 * watched (an atomic save renames a new file over the old one, which a watch on the old file would
 * not see; a rewrite in place shows as changes to the file), and SIGHUP asks for a reload at once.
 *
 * A replacement is taken only whole and valid: read after the writes settle, parsed and checked like
 * the file at start, and with the columns clients already send. Anything else (half written, not a
 * weights file, non-finite, other columns, unreadable, gone) is refused with one line on stderr and
 * the current model keeps answering; the next valid replacement is taken. The swap is one assignment
 * (see ModelSlot), so every request is answered by the old model or the new one, never a mix.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { errorMessage } from '../core/text.ts';
import { contentHash, type ModelSlot } from '../server/served-model.ts';
import { CliError } from './cli-error.ts';
import { describeServed, readServedModel, replacementProblem, shortHash } from './serve-weights.ts';

export interface ReloadLog {
  /** A model was taken (stdout). */
  taken(line: string): void;
  /** A replacement was refused, or watching failed (stderr). */
  refused(line: string): void;
}

export interface ReloaderOptions {
  /** Watch the file (false with --no-watch: SIGHUP only). */
  watch: boolean;
  /** Quiet time after the last change before the file is read, so a write in progress is read once, whole. */
  settleMs?: number;
  /** Names this process in its lines when several serve the port ("worker 2: "). */
  prefix?: string;
}

export class ModelReloader {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** A reload asked for while one runs: run again after it (the file may have changed meanwhile). */
  private again: 'watch' | 'signal' | undefined;
  /** The hash of the last file refused, so one bad file is reported once however many events it makes. */
  private lastRefused: string | undefined;
  private closed = false;
  private readonly settleMs: number;
  private readonly prefix: string;

  constructor(
    private readonly path: string,
    private readonly slot: ModelSlot,
    private readonly log: ReloadLog,
    private readonly options: ReloaderOptions,
  ) {
    this.settleMs = options.settleMs ?? 100;
    this.prefix = options.prefix ?? '';
  }

  /** Starts watching (unless --no-watch). */
  start(): void {
    if (!this.options.watch) return;
    const name = basename(this.path);
    try {
      this.watcher = watch(dirname(this.path), { persistent: true }, (_event, changed) => {
        // Some platforms do not name the file: then any change in the folder may be it.
        if (changed === null || changed === name) this.soon();
      });
      this.watcher.on('error', (error) => {
        this.log.refused(`${this.prefix}Stopped watching ${this.path} (${errorMessage(error)}); send SIGHUP to reload it.`);
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch (error) {
      this.log.refused(`${this.prefix}Cannot watch ${this.path} (${errorMessage(error)}); send SIGHUP to reload it.`);
    }
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    clearTimeout(this.timer);
  }

  /** A change was seen: read the file once it has been quiet for `settleMs`. */
  private soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload('watch'), this.settleMs);
  }

  /** Reads the file now and takes it if it is a new, valid model (SIGHUP, or a settled change). */
  async reload(cause: 'watch' | 'signal'): Promise<void> {
    if (this.closed) return;
    if (this.running) {
      this.again = this.again === 'signal' ? 'signal' : cause;
      return;
    }
    this.running = true;
    try {
      await this.takeIfNew(cause);
    } finally {
      this.running = false;
      const again = this.again;
      this.again = undefined;
      if (again) void this.reload(again);
    }
  }

  private async takeIfNew(cause: 'watch' | 'signal'): Promise<void> {
    const current = this.slot.current;
    let next;
    try {
      next = await readServedModel(this.path);
    } catch (error) {
      const reason = error instanceof CliError ? error.message : errorMessage(error);
      // A bad file is named by its bytes when it can be read, so its repeated events say it once.
      const key = await this.refusalKey(reason);
      if (cause === 'watch' && key === this.lastRefused) return;
      this.lastRefused = key;
      this.refuse(reason);
      return;
    }
    if (next.hash === current.hash) {
      this.lastRefused = undefined;
      if (cause === 'signal') this.log.taken(`${this.prefix}SIGHUP: ${this.path} is unchanged; still serving ${describeServed(current)}.`);
      return;
    }
    const problem = replacementProblem(current, next);
    if (problem) {
      if (cause === 'watch' && next.hash === this.lastRefused) return;
      this.lastRefused = next.hash;
      this.refuse(`${this.path} cannot replace the model being served: ${problem}`);
      return;
    }
    this.lastRefused = undefined;
    this.slot.replace(next);
    this.log.taken(
      `${this.prefix}Now serving ${describeServed(next)} from ${this.path}, loaded ${next.loadedAt}; it replaces model ${shortHash(current)}.`,
    );
  }

  private refuse(reason: string): void {
    this.log.refused(`${this.prefix}Kept ${describeServed(this.slot.current)}: ${reason}`);
  }

  /** What identifies a refusal: the file's hash when it can be read, else the reason. */
  private async refusalKey(reason: string): Promise<string> {
    try {
      return contentHash(await readFile(this.path));
    } catch {
      return reason;
    }
  }
}
