/**
 * A small command-line parser driven by one option table, so parsing and `--help` cannot disagree.
 *
 * Written here instead of using `node:util` parseArgs because a negative number such as `-3` must
 * reach the command as a (wrong) positional value it can explain, not be refused as an unknown
 * short option.
 */
import { hasThousandsSeparator, parseDecimal } from '../core/model/predict.ts';
import { checkText, type NumberRule } from '../core/settings/training-settings-rules.ts';
import { CliError } from './cli-error.ts';

export interface OptionSpec {
  /** Long name without the dashes: `lr` for `--lr`. */
  name: string;
  /** Placeholder shown in help for an option that takes a value (`<rate>`); absent for a flag. */
  value?: string;
  /** A one-letter alias (`h` for `-h`). */
  alias?: string;
  /** May be given more than once; every value is kept, in order (`lists`). */
  repeatable?: boolean;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Options given with a value, by long name (a repeatable option's first). */
  values: Map<string, string>;
  /** Every value of a repeatable option, in order, by long name. */
  lists: Map<string, string[]>;
  /** Flags given, by long name. */
  flags: Set<string>;
}

/** Splits argv into positionals, option values and flags; throws a CliError naming the first problem. */
export function parseArgs(argv: readonly string[], options: readonly OptionSpec[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), lists: new Map(), flags: new Set() };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    // A negative number ("-3") is a value even though it starts with "-".
    if (!token.startsWith('-') || token === '-' || parseDecimal(token) !== undefined) {
      parsed.positionals.push(token);
      continue;
    }
    const [written, inlineValue] = splitInlineValue(token);
    const spec = findOption(written, options);
    if (!spec) throw new CliError(`Unknown option "${written}".`);
    const display = `--${spec.name}`;
    if (seen.has(spec.name) && spec.repeatable !== true) throw new CliError(`${display} is given more than once.`);
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
    if (!parsed.values.has(spec.name)) parsed.values.set(spec.name, value);
    if (spec.repeatable === true) parsed.lists.set(spec.name, [...(parsed.lists.get(spec.name) ?? []), value]);
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
/** Refuses a command line with no positional argument (`missing` says which) or more than `max`. */
export function checkPositionals(positionals: readonly string[], max: number, missing: string): void {
  if (positionals.length === 0) throw new CliError(missing);
  if (positionals.length > max)
    throw new CliError(
      `Too many arguments: ${positionals
        .slice(max)
        .map((p) => `"${p}"`)
        .join(' ')}.`,
    );
}

export function formatOptions(options: readonly OptionSpec[]): string {
  const names = options.map((o) => `${o.alias ? `-${o.alias}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return options.map((o, i) => `  ${names[i].padEnd(width)}${o.description}`).join('\n');
}

/**
 * Reads a number argument by a range rule: for training settings the app's own rules
 * (core/settings/training-settings-rules.ts), so the command line accepts exactly what the app and its URL do.
 * `what` names the argument in the message: `--lr must be a number above 0 and at most 10 (got "-1").`
 */
export function parseNumber(text: string, what: string, rule: NumberRule): number {
  if (hasThousandsSeparator(text)) {
    throw new CliError(`${what} "${text.trim()}" is ambiguous: use a dot for decimals, and no thousands separators.`);
  }
  // The command line takes stored units (a fraction, not a percentage), so it is described as such.
  const result = checkText(text, { ...rule, label: what, percent: false });
  if (result.ok) return result.value;
  // The rule's message quotes text that is not a number; otherwise the typed value is added here.
  throw new CliError(result.error.includes(`"${text.trim()}"`) ? result.error : `${result.error.replace(/\.$/, '')} (got "${text}").`);
}
