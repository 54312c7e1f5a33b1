/**
 * Replaces a file so that a reader (or a crash) sees either the old content or the new, never half:
 * the new text goes to a temporary file in the same folder (a rename is only atomic within one file
 * system), is flushed to disk, and is then renamed over the target.
 *
 * No temporary file outlives its save: an interrupt (Ctrl-C, SIGTERM, SIGHUP) during a save removes it
 * before the process ends by that signal, and one left by a killed process (SIGKILL, a power cut) is
 * removed by the next save of the same file.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Called with the temporary file's path after it is written and flushed, before the rename; throwing
   * cancels the save (the temporary file is removed). A test pause and the unchanged-file check use it.
   */
  beforeRename?: (tempPath: string) => Promise<void>;
}

/** The temporary name: hidden, next to the target, unique per process and call. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Matches `tempPathFor`'s names for `path`, capturing the writer's process id. */
function tempNamePattern(path: string): RegExp {
  const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of earlier saves of `path` whose process is gone. One of a process still
 * running (another save in progress) is left alone.
 */
export async function removeStaleTempFiles(path: string): Promise<string[]> {
  const pattern = tempNamePattern(path);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return removed; // The save itself will report an unusable folder.
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!(pid > 0) || pid === process.pid || processIsAlive(pid)) continue;
    await unlink(join(dirname(path), name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/** Temporary files of saves in progress, removed should a signal end the process. */
const pendingTempFiles = new Set<string>();
const INTERRUPTS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onInterrupt(signal: NodeJS.Signals): void {
  for (const tempPath of pendingTempFiles) {
    try {
      unlinkSync(tempPath);
    } catch {
      // Already gone.
    }
  }
  pendingTempFiles.clear();
  for (const other of INTERRUPTS) process.off(other, onInterrupt);
  // End the way the signal would have without a handler, so the exit status tells what happened.
  process.kill(process.pid, signal);
}

function track(tempPath: string): void {
  if (pendingTempFiles.size === 0) for (const signal of INTERRUPTS) process.on(signal, onInterrupt);
  pendingTempFiles.add(tempPath);
}

function untrack(tempPath: string): void {
  pendingTempFiles.delete(tempPath);
  if (pendingTempFiles.size === 0) for (const signal of INTERRUPTS) process.off(signal, onInterrupt);
}

export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  await removeStaleTempFiles(path);
  const tempPath = tempPathFor(path);
  track(tempPath);
  try {
    // "wx" fails rather than follow or clobber something already at the temporary name.
    const handle = await open(tempPath, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.(tempPath);
    await rename(tempPath, path);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  } finally {
    untrack(tempPath);
  }
  await syncFolder(dirname(path));
}

/** Flushes the folder entry so the rename itself survives a power cut; not possible everywhere (Windows), so best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is already safe in the renamed file; only the durability of the rename is best effort.
  }
}
