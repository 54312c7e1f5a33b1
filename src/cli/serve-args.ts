/**
 * The `serve` command's arguments: one table gives both the parsing and the help text.
 */
import { availableParallelism } from 'node:os';
import { checkPositionals, formatOptions, parseArgs, parseNumber, type OptionSpec } from './args.ts';
import { CliError, withUsageHint } from './cli-error.ts';

export const DEFAULT_PORT = 8000;
/** Loopback by default: serving the network is a choice to make explicitly with --host 0.0.0.0. */
export const DEFAULT_HOST = '127.0.0.1';

const PORT_RULE = { label: 'Port', min: 0, max: 65535, integer: true };
/** More processes than this is a typo, not a machine. */
export const MAX_WORKERS = 256;
const WORKERS_RULE = { label: 'Workers', min: 1, max: MAX_WORKERS, integer: true };

export interface ServeArgs {
  weightsPath: string;
  port: number;
  host: string;
  /** Processes serving the port (node:cluster); absent: one, this process. */
  workers?: number;
  /** False with --no-watch: the weights file is reloaded on SIGHUP only. Absent: watched. */
  watch?: false;
}

export type ServeCommand = { help: true } | { help: false; args: ServeArgs };

const OPTIONS: readonly OptionSpec[] = [
  { name: 'port', value: '<n>', description: `Port to listen on, 0 to 65535 (default ${DEFAULT_PORT}); 0 picks a free one.` },
  {
    name: 'host',
    value: '<address>',
    description: `Address to listen on (default ${DEFAULT_HOST}, this machine only; 0.0.0.0 for every interface).`,
  },
  {
    name: 'workers',
    value: '<n|auto>',
    description: 'Processes answering on the port (default 1; auto = one per core). Each reloads the model on its own.',
  },
  { name: 'no-watch', description: 'Do not watch the weights file; reload it only on SIGHUP.' },
  { name: 'help', alias: 'h', description: 'Show this help and exit.' },
];

export const SERVE_HELP = `Usage: npm run serve -- <weights.json> [options]

Answers predictions over HTTP from a weights file written by "npm run train" or downloaded from
the browser app. Prints its URL when it is ready, one line per request, and stops cleanly on
Ctrl-C or SIGTERM. When the weights file is replaced or rewritten (npm run train saves a new model),
or on SIGHUP, the new model is checked and swapped in without a restart; a file that cannot be
served is refused with one line on stderr and the current model keeps answering.

  <weights.json>   The weights file to serve.

Options:
${formatOptions(OPTIONS)}

API:
  GET  /          A one-line description.
  POST /predict   Form body bmi=28.45 -> the prediction as a plain number (4 decimals).
                  JSON body {"bmi": 28.45} -> {"bmi":28.45,"lifeExpectancy":78.8785...} (full precision);
                  a body starting with { is read as JSON whatever its Content-Type.
                  400 for a missing, repeated, non-numeric or out-of-range value or bad JSON;
                  413 over 1 KB; 422 when the model has no finite prediction for the value.
  GET  /model     The model answering now, as JSON (columns, training, content hash, load time).
  GET  /healthz   200 "ok" while a model is loaded.
  Every answer names its model's content hash in the X-Model header.

Example:
  npm run serve -- weights.json --port 8000
  curl -d "bmi=28.45" http://127.0.0.1:8000/predict
  curl -d '{"bmi": 28.45}' http://127.0.0.1:8000/predict
`;

/** Parses `serve`'s arguments; a usage problem is a CliError with a pointer to --help. */
export function parseServeArgs(argv: readonly string[]): ServeCommand {
  return withUsageHint('serve', () => parse(argv));
}

function parse(argv: readonly string[]): ServeCommand {
  const { positionals, values, flags } = parseArgs(argv, OPTIONS);
  if (flags.has('help')) return { help: true };
  checkPositionals(positionals, 1, 'Missing <weights.json>: the weights file to serve.');
  const port = values.get('port');
  const host = values.get('host')?.trim() ?? DEFAULT_HOST;
  if (host === '') throw new CliError('--host needs an address.');
  const args: ServeArgs = {
    weightsPath: positionals[0],
    port: port === undefined ? DEFAULT_PORT : parseNumber(port, '--port', PORT_RULE),
    host,
  };
  const workers = values.get('workers');
  if (workers !== undefined)
    args.workers = workers.trim() === 'auto' ? availableParallelism() : parseNumber(workers, '--workers', WORKERS_RULE);
  if (flags.has('no-watch')) args.watch = false;
  return { help: false, args };
}
