/**
 * Replaces a file so that a reader (or a crash) sees either the old content or the new, never half:
 * the new text goes to a temporary file in the same folder (a rename is only atomic within one file
 * system), is flushed to disk, and is then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Called with the temporary file's path after it is written and flushed, before the rename (tests use it). */
  beforeRename?: (tempPath: string) => Promise<void>;
}

/** The temporary name: hidden, next to the target, unique per process and call. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const tempPath = tempPathFor(path);
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
