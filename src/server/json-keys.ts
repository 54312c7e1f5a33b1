/**
 * A JSON object's top-level keys in the order written, duplicates included, found by parsing the
 * whole text by JSON's grammar. `JSON.parse` keeps only the last of two equal keys, so
 * `{"bmi": 28.45, "bmi": 99}` would silently answer for 99; the server counts the keys with this
 * instead and refuses a field given twice. Being a parse (not a look-ahead for a colon), no amount
 * of whitespace, nesting or string content between a key and its colon can hide one.
 */
import type { Result } from '../core/result.ts';

export type KeysOutcome = Result<{ keys: string[] }>;

/** The top-level keys of `text` when it is one JSON object, or why it is not valid JSON. */
export function topLevelKeys(text: string): KeysOutcome {
  const parser = new KeyParser(text);
  try {
    parser.skipSpace();
    if (text[parser.at] !== '{') return { ok: false, error: 'not a JSON object' };
    const keys = parser.object(true);
    parser.skipSpace();
    if (parser.at !== text.length) parser.fail('text after the end of the object');
    return { ok: true, keys };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}

class JsonSyntaxError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A string's body: any character but a quote, a backslash or a control character, or an escape.
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: the pattern must name them.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SPACE = /[ \t\n\r]*/y;

/** A recursive-descent parser over JSON's grammar that keeps only what it is asked for: keys. */
class KeyParser {
  at = 0;

  constructor(private readonly text: string) {}

  fail(what: string): never {
    throw new JsonSyntaxError(`${what} at character ${this.at + 1}`);
  }

  skipSpace(): void {
    SPACE.lastIndex = this.at;
    SPACE.exec(this.text);
    this.at = SPACE.lastIndex;
  }

  private expect(char: string): void {
    if (this.text[this.at] !== char) this.fail(`expected "${char}"`);
    this.at += 1;
  }

  /** An object starting at `{`; its keys when `collect` is set (the top level only). */
  object(collect: boolean): string[] {
    const keys: string[] = [];
    this.expect('{');
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return keys;
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      if (collect) keys.push(JSON.parse(key) as string);
      this.skipSpace();
      this.expect(':');
      this.value();
      this.skipSpace();
      if (this.text[this.at] === '}') {
        this.at += 1;
        return keys;
      }
      this.expect(',');
    }
  }

  private array(): void {
    this.expect('[');
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.text[this.at] === ']') {
        this.at += 1;
        return;
      }
      this.expect(',');
    }
  }

  /** A string literal, returned as written (quotes and escapes included). */
  private string(): string {
    return this.match(STRING, 'a string');
  }

  private match(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found) this.fail(`expected ${what}`);
    this.at = pattern.lastIndex;
    return found[0];
  }

  private value(): void {
    this.skipSpace();
    const char = this.text[this.at];
    if (char === '{') this.object(false);
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (this.text.startsWith('true', this.at)) this.at += 4;
    else if (this.text.startsWith('false', this.at)) this.at += 5;
    else if (this.text.startsWith('null', this.at)) this.at += 4;
    else this.match(NUMBER, 'a value');
  }
}
