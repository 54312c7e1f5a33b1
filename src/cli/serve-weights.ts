/**
 * Reading the weights file `serve` serves, at start and at every reload: the file's bytes, the model
 * in them (the core's `parseWeights`, the one format the app writes too) and the server's own checks
 * (its JSON answer keeps every value apart; a reload reads the same columns clients already send).
 */
import { columnLabel } from '../core/data/columns.ts';
import { intervalNote } from '../core/stats/intervals.ts';
import { formatPreciseLoss } from '../core/train/progress.ts';
import { serveModel, type ServedModel } from '../server/served-model.ts';
import { CliError } from './cli-error.ts';
import { readWeightsOnDisk } from './weights-io.ts';

/** The model at `path` ready to serve; a CliError says why not (missing, unreadable, not weights, colliding names). */
export async function readServedModel(path: string): Promise<ServedModel> {
  const { model, bytes } = await readWeightsOnDisk(path);
  if (!model || !bytes) throw new CliError(`The weights file ${path} does not exist. Create one with "npm run train -- <epochs> ${path}".`);
  const outcome = serveModel(model, bytes);
  if (!outcome.ok) throw new CliError(`${path} cannot be served: ${outcome.error}`);
  return outcome.served;
}

/**
 * Why `next` cannot replace `current` for the clients already asking (another field to send, or
 * another key to read the answer from), or undefined when it can.
 */
export function replacementProblem(current: ServedModel, next: ServedModel): string | undefined {
  if (fieldsOf(next) === fieldsOf(current) && next.api.resultField === current.api.resultField) return undefined;
  return `it predicts ${columns(next)} from the field "${fieldsOf(next)}", and clients send "${fieldsOf(current)}" for ${columns(current)}; restart serve to change columns`;
}

/** The request fields, "bmi" (or "a&b" with several features). */
function fieldsOf(served: ServedModel): string {
  return served.api.features.map((feature) => feature.field).join('&');
}

function columns(served: ServedModel): string {
  return `${served.api.features.map((feature) => feature.label).join(', ')} → ${columnLabel(served.model.target.name)}`;
}

/** "model 1a2b3c4d5e6f (trained 2026-11-25T08:00:00.000Z, 200 epochs, MSE 43.021031)": which model, in one phrase. */
export function describeServed(served: ServedModel): string {
  const { training } = served.model;
  return `model ${shortHash(served)} (trained ${training.date}, ${training.epochs} epochs, MSE ${formatPreciseLoss(training.trainMse)})`;
}

/** The first 12 hex digits of the content hash: enough to tell models apart in a log. */
export function shortHash(served: ServedModel): string {
  return served.hash.slice(0, 12);
}

/**
 * What `serve` prints once it listens: what it serves and where, the model's hash, a version 1 file's
 * note (its JSON answers carry no interval), and a request to try.
 */
export function servingLines(args: { weightsPath: string; watch?: false }, served: ServedModel, url: string, workers = 1): string[] {
  const { model } = served;
  const processes = workers > 1 ? ` with ${workers} workers` : '';
  const reloads = args.watch === false ? 'on SIGHUP' : `when ${args.weightsPath} changes, or on SIGHUP`;
  const note = intervalNote(model);
  const example = ({ min, max }: { min: number; max: number }): number => Number(((min + max) / 2).toPrecision(4));
  return [
    `Serving ${args.weightsPath} (${columns(served)}, ${model.training.epochs} epochs, MSE ${formatPreciseLoss(model.training.trainMse)}) at ${url}${processes}`,
    `Model ${shortHash(served)} (GET ${url}/model); a new model is taken ${reloads}.`,
    ...(note ? [note] : []),
    `Try: curl -d "${served.api.features.map((feature) => `${feature.field}=${example(feature.dataRange)}`).join('&')}" ${url}/predict`,
  ];
}
