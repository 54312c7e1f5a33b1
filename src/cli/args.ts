/**
 * A small command-line parser driven by one option table, so parsing and `--help` cannot disagree.
 *
 * Written here instead of using `node:util` parseArgs because a negative number such as `-3` must
 * reach the command as a (wrong) positional value it can explain, not be refused as an unknown
 * short option.
 */
import { CliError } from './cli-error.ts';

export interface OptionSpec {
  /** Long name without the dashes: `lr` for `--lr`. */
  name: string;
  /** Placeholder shown in help for an option that takes a value (`<rate>`); absent for a flag. */
  value?: string;
  /** A one-letter alias (`h` for `-h`). */
  alias?: string;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Options given with a value, by long name. */
  values: Map<string, string>;
  /** Flags given, by long name. */
  flags: Set<string>;
}

/** A negative or positive number, which is a value even though it may start with "-". */
const NUMBER_LIKE = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Splits argv into positionals, option values and flags; throws a CliError naming the first problem. */
export function parseArgs(argv: readonly string[], options: readonly OptionSpec[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), flags: new Set() };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-' || NUMBER_LIKE.test(token)) {
      parsed.positionals.push(token);
      continue;
    }
    const [written, inlineValue] = splitInlineValue(token);
    const spec = findOption(written, options);
    if (!spec) throw new CliError(`Unknown option "${written}".`);
    const display = `--${spec.name}`;
    if (seen.has(spec.name)) throw new CliError(`${display} is given more than once.`);
    seen.add(spec.name);
    if (spec.value === undefined) {
      if (inlineValue !== undefined) throw new CliError(`${display} takes no value.`);
      parsed.flags.add(spec.name);
      continue;
    }
    const value = inlineValue ?? argv[i + 1];
    // "--data --quiet" is a forgotten value, not a file called "--quiet".
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new CliError(`${display} needs a value: ${display} ${spec.value}.`);
    }
    if (inlineValue === undefined) i += 1;
    parsed.values.set(spec.name, value);
  }
  return parsed;
}

function splitInlineValue(token: string): [string, string | undefined] {
  const equals = token.indexOf('=');
  return token.startsWith('--') && equals > 0 ? [token.slice(0, equals), token.slice(equals + 1)] : [token, undefined];
}

function findOption(written: string, options: readonly OptionSpec[]): OptionSpec | undefined {
  if (written.startsWith('--')) return options.find((o) => o.name === written.slice(2));
  return options.find((o) => o.alias !== undefined && `-${o.alias}` === written);
}

/** The options as help lines: `  --lr <rate>        Learning rate (default 0.1).` */
export function formatOptions(options: readonly OptionSpec[]): string {
  const names = options.map((o) => `${o.alias ? `-${o.alias}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return options.map((o, i) => `  ${names[i]!.padEnd(width)}${o.description}`).join('\n');
}

/** Parses a whole number ≥ `min` written as plain digits; anything else is refused with `what` in the message. */
export function parseWholeNumber(text: string, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const bounds = max === Number.MAX_SAFE_INTEGER ? (min === 1 ? 'a positive whole number' : `a whole number ≥ ${min}`) : `a whole number from ${min} to ${max}`;
    throw new CliError(`${what} must be ${bounds} (got "${text}").`);
  }
  return value;
}

/** Parses a positive finite decimal number. */
export function parsePositiveNumber(text: string, what: string): number {
  const value = NUMBER_LIKE.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isFinite(value) || value <= 0) throw new CliError(`${what} must be a positive number (got "${text}").`);
  return value;
}
