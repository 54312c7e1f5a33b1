/**
 * The weights file on disk: read through the core's `parseWeights` (the one format the browser app
 * writes too) and written atomically with the core's `serializeWeights`.
 */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Model } from '../core/model.ts';
import { parseWeights, serializeWeights } from '../core/weights-file.ts';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-write.ts';
import { CliError, describeFileError } from './cli-error.ts';

/** The model in a weights file, or undefined when there is no file at `path`; `advice` ends a refusal's message. */
export async function readWeightsIfPresent(path: string, advice = ''): Promise<Model | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`Cannot read the weights file ${path}: ${describeFileError(error)}.${advice}`);
  }
  const result = parseWeights(bytes.toString('utf8'), bytes.length);
  if (!result.ok) throw new CliError(`${path} is not a usable weights file: ${result.error}${advice}`);
  return result.model;
}

/** Like `readWeightsIfPresent`, but a missing file is an error too. */
export async function readWeights(path: string): Promise<Model> {
  const model = await readWeightsIfPresent(path);
  if (!model) throw new CliError(`The weights file ${path} does not exist. Create one with "npm run train -- <epochs> ${path}".`);
  return model;
}

/** Fails early (before any training) when the weights file's folder cannot be written. */
export async function checkCanSaveTo(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch (error) {
    throw new CliError(`Cannot save the weights to ${path}: ${describeFileError(error)}.`);
  }
}

export async function saveWeights(path: string, model: Model, options: AtomicWriteOptions = {}): Promise<void> {
  try {
    await writeFileAtomic(path, serializeWeights(model), options);
  } catch (error) {
    throw new CliError(`Cannot save the weights to ${path}: ${describeFileError(error)}.`);
  }
}
