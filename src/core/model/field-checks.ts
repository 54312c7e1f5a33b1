/**
 * Checks of fields in parsed JSON, each saying what a value must be, and the walk that applies a list
 * of them by dotted path. The weights file's validator and its interval statistics share them.
 */

/** Undefined when the value is fine, else what it must be ("a finite number"). */
export type Check = (value: unknown) => string | undefined;

export const finiteNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'a finite number');
export const positiveNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'a positive number');
export const nonNegativeNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : 'a number ≥ 0');
export const wholeNumber: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : 'a whole number ≥ 0');
export const text: Check = (v) => (typeof v === 'string' ? undefined : 'text');
export const nonEmptyText: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'non-empty text');
export const nonNegativeOrNull: Check = (v) => (v === null ? undefined : nonNegativeNumber(v));
export const oneOf =
  (choices: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && choices.includes(v) ? undefined : `one of ${choices.join(', ')}`;
export const wholeNumberAtLeast =
  (least: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= least ? undefined : `a whole number ≥ ${least}`;

export function lookup(root: unknown, path: string): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key))
      return { found: false, value: undefined };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

/** A short rendering of a found value for a message: `"abc"`, `Infinity`, `a list`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (typeof value === 'number' || value === null || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}

/** The paths missing under `root` and, for those present, what each wrong one must be. */
export function fieldProblems(
  root: unknown,
  fields: readonly [path: string, check: Check][],
  prefix = '',
): { missing: string[]; wrong: string[] } {
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const [path, check] of fields) {
    const { found, value } = lookup(root, path);
    if (!found) {
      missing.push(`"${prefix}${path}"`);
      continue;
    }
    const expected = check(value);
    if (expected) wrong.push(`"${prefix}${path}" must be ${expected} (found ${describe(value)})`);
  }
  return { missing, wrong };
}

/**
 * Applies every check at its dotted path under `root`; the message lists all missing fields, or
 * else every wrong one. `prefix` ("intervals.") is put before each path in the message.
 */
export function checkFields(root: unknown, fields: readonly [path: string, check: Check][], prefix = ''): string | undefined {
  const { missing, wrong } = fieldProblems(root, fields, prefix);
  if (missing.length > 0) return `The weights file is missing ${missing.join(', ')}.`;
  if (wrong.length > 0) return `The weights file is invalid: ${wrong.join('; ')}.`;
  return undefined;
}
