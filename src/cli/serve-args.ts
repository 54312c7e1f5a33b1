/**
 * The `serve` command's arguments: one table gives both the parsing and the help text.
 */
import { checkPositionals, formatOptions, parseArgs, parseNumber, type OptionSpec } from './args.ts';
import { CliError, withUsageHint } from './cli-error.ts';

export const DEFAULT_PORT = 8000;
/** Loopback by default: serving the network is a choice to make explicitly with --host 0.0.0.0. */
export const DEFAULT_HOST = '127.0.0.1';

const PORT_RULE = { label: 'Port', min: 0, max: 65535, integer: true };

export interface ServeArgs {
  weightsPath: string;
  port: number;
  host: string;
}

export type ServeCommand = { help: true } | { help: false; args: ServeArgs };

const OPTIONS: readonly OptionSpec[] = [
  { name: 'port', value: '<n>', description: `Port to listen on, 0 to 65535 (default ${DEFAULT_PORT}); 0 picks a free one.` },
  {
    name: 'host',
    value: '<address>',
    description: `Address to listen on (default ${DEFAULT_HOST}, this machine only; 0.0.0.0 for every interface).`,
  },
  { name: 'help', alias: 'h', description: 'Show this help and exit.' },
];

export const SERVE_HELP = `Usage: npm run serve -- <weights.json> [options]

Answers predictions over HTTP from a weights file written by "npm run train" or downloaded from
the browser app. Prints its URL when it is ready, one line per request, and stops cleanly on
Ctrl-C or SIGTERM.

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
  return {
    help: false,
    args: { weightsPath: positionals[0], port: port === undefined ? DEFAULT_PORT : parseNumber(port, '--port', PORT_RULE), host },
  };
}
