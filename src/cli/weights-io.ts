/**
 * The weights file on disk: read through the core's `parseWeights` (the one format the browser app
 * writes too) and written atomically with the core's `serializeWeights`.
 *
 * A path that is not a regular file (a FIFO, a device, a folder) is refused at once, without waiting
 * for a writer that may never come. A save checks that the file is still what the run read, so two
 * runs on one file cannot silently undo each other's epochs.
 */
import { constants, type Stats } from 'node:fs';
import { access, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Model } from '../core/model/model.ts';
import { parseWeights, serializeWeights, WeightsWriteError } from '../core/model/weights-file.ts';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-write.ts';
import { CliError, describeFileError } from './cli-error.ts';

/** What a run read at a weights path: the model and its exact bytes, or nothing when there was no file. */
export interface WeightsOnDisk {
  model: Model | undefined;
  /** The file's bytes as read; undefined when there was no file. */
  bytes: Buffer | undefined;
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of the regular file at `path`, or undefined when there is none. Opened without blocking
 * and checked on the open handle, so a FIFO or device is refused before a single read.
 */
async function readRegularFile(path: string, advice: string): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`Cannot read the weights file ${path}: ${describeFileError(error)}.${advice}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CliError(`${path} is ${kindOf(info)}, not a regular file, so it cannot be a weights file.${advice}`);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read the weights file ${path}: ${describeFileError(error)}.${advice}`);
  } finally {
    await handle.close();
  }
}

/** What is at `path`: the model and its bytes, or nothing; `advice` ends a refusal's message. */
export async function readWeightsOnDisk(path: string, advice = ''): Promise<WeightsOnDisk> {
  const bytes = await readRegularFile(path, advice);
  if (!bytes) return { model: undefined, bytes: undefined };
  const result = parseWeights(bytes.toString('utf8'), bytes.length);
  if (!result.ok) throw new CliError(`${path} is not a usable weights file: ${result.error}${advice}`);
  return { model: result.model, bytes };
}

/** Fails early (before any training) when the weights file's folder cannot be written. */
export async function checkCanSaveTo(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch (error) {
    throw new CliError(`Cannot save the weights to ${path}: ${describeFileError(error)}.`);
  }
}

/** The bytes at `path` now (undefined when there is no file), for comparing with what a run read. */
async function currentBytes(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Saves `model` to `path` atomically. With `readBefore` (what the run read at the start), refuses when
 * the file changed since: another run saved it meanwhile, and overwriting would drop that run's epochs.
 */
export async function saveWeights(
  path: string,
  model: Model,
  options: AtomicWriteOptions & { readBefore?: WeightsOnDisk } = {},
): Promise<void> {
  const { readBefore, beforeRename } = options;
  const checkUnchanged = async (tempPath: string): Promise<void> => {
    await beforeRename?.(tempPath);
    if (!readBefore) return;
    const now = await currentBytes(path);
    const unchanged = now === undefined ? readBefore.bytes === undefined : readBefore.bytes !== undefined && now.equals(readBefore.bytes);
    if (!unchanged) {
      const epochs = model.training.epochs - (readBefore.model?.training.epochs ?? 0);
      throw new CliError(
        `${path} ${readBefore.bytes ? 'changed' : 'was created'} since this run read it (another run saved it meanwhile?), so it was not overwritten and this run's ${epochs} epoch${epochs === 1 ? '' : 's'} were not saved. Run again to continue from the file as it is now.`,
      );
    }
  };
  let text: string;
  try {
    text = serializeWeights(model);
  } catch (error) {
    if (error instanceof WeightsWriteError) throw new CliError(`${error.message} ${path} was left unchanged.`);
    throw error;
  }
  try {
    await writeFileAtomic(path, text, { beforeRename: checkUnchanged });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot save the weights to ${path}: ${describeFileError(error)}.`);
  }
}
