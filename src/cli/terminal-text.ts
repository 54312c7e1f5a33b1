/**
 * Text from files (a CSV's header or values, a path) echoed on a terminal: control characters could
 * move the cursor, clear the screen or break a one-line message, so they are shown as escapes instead.
 */

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides
 * and isolates (which can make a line read differently from what it holds).
 */
// Control characters are exactly what this escapes.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `"a\nb\x1b[2J"` → `a\x0ab\x1b[2J` as visible text: one line, nothing the terminal acts on. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
