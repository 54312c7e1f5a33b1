/**
 * A fast reader of plain CSV bytes: no quotes, lines ending in LF or CRLF, a one-byte delimiter other
 * than `;`. It reads numbers straight from the bytes (no string per cell) and hands every cell to the
 * same `TableBuilder` papaparse's rows go to, so the table is the one papaparse would give. At ten
 * million rows papaparse alone took longer than the whole load may. Anything else (a quote, a lone
 * CR, a decimal-comma file) is papaparse's: `push` says so and the caller reads the file with it.
 */
import { TableBuilder, type Table } from '../data/dataset.ts';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const CAPITAL_I = 73;
const E_LOWER = 101;
const E_UPPER = 69;

/** Below this a mantissa and a power of ten are exact doubles, so one multiply or divide rounds right. */
const MAX_EXACT_MANTISSA = 2 ** 53;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** What `plainNumber` gives when the bytes are not a plain number it can read exactly. */
const NOT_PLAIN = Number.NaN;

function isSpace(byte: number): boolean {
  return byte === SPACE || (byte >= 9 && byte <= CR);
}

/**
 * The number `bytes[from..to)` (trimmed) writes, exactly as `Number()` reads it, when it is a plain
 * decimal (sign, digits, a dot, an exponent) of at most 15 significant digits and a power of ten up to
 * 22 (Clinger's fast path: one correctly rounded operation on exact operands); else NaN.
 */
export function plainNumber(bytes: Uint8Array, from: number, to: number): number {
  let at = from;
  let negative = false;
  if (bytes[at] === PLUS || bytes[at] === MINUS) negative = bytes[at++] === MINUS;
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let dot = false;
  for (; at < to; at++) {
    const byte = bytes[at];
    if (byte >= ZERO && byte <= NINE) {
      digits += 1;
      if (mantissa !== 0 || byte !== ZERO) significant += 1;
      mantissa = mantissa * 10 + (byte - ZERO);
      if (dot) scale -= 1;
    } else if (byte === DOT && !dot) dot = true;
    else break;
  }
  if (digits === 0 || significant > 15) return NOT_PLAIN;
  if (at < to) {
    if (bytes[at] !== E_LOWER && bytes[at] !== E_UPPER) return NOT_PLAIN;
    at += 1;
    let exponentNegative = false;
    if (bytes[at] === PLUS || bytes[at] === MINUS) exponentNegative = bytes[at++] === MINUS;
    let exponent = 0;
    const exponentFrom = at;
    for (; at < to && at - exponentFrom < 4; at++) {
      const byte = bytes[at];
      if (byte < ZERO || byte > NINE) return NOT_PLAIN;
      exponent = exponent * 10 + (byte - ZERO);
    }
    if (at === exponentFrom || at < to) return NOT_PLAIN;
    scale += exponentNegative ? -exponent : exponent;
  }
  if (mantissa >= MAX_EXACT_MANTISSA) return NOT_PLAIN;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (scale >= 0 && scale <= 22) value = mantissa * POWERS_OF_TEN[scale];
  else if (scale < 0 && scale >= -22) value = mantissa / POWERS_OF_TEN[-scale];
  else return NOT_PLAIN;
  return negative ? -value : value;
}

/**
 * Whether no reading can take `bytes[from..to)` (trimmed, not empty) for a number: `Number()` needs a
 * digit, a dot or "Infinity" after an optional sign, and the thousands reading a digit.
 */
function surelyNotANumber(bytes: Uint8Array, from: number): boolean {
  let first = bytes[from];
  if (first === PLUS || first === MINUS) first = bytes[from + 1];
  return !((first >= ZERO && first <= NINE) || first === DOT || first === CAPITAL_I);
}

/** Whether the delimiter and line ends papaparse found in a file's head let this reader read it. */
export function readsPlainly(delimiter: string, linebreak: string): boolean {
  return delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80 && delimiter !== ';' && delimiter !== '"' && linebreak !== '\r';
}

export class PlainCsvReader {
  private builder: TableBuilder | undefined;
  /** The bytes of a line not yet ended by the last chunk. */
  private carry = new Uint8Array(0);
  /** 1-based line number of the next line (the header is line 1). */
  private line = 1;
  private readonly delimiter: number;
  private readonly decoder = new TextDecoder();
  private bomChecked = false;
  /** Reused per line: where each cell starts and ends. */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  get rowCount(): number {
    return this.builder?.rowCount ?? 0;
  }

  /** Reads the next bytes of the file; false when they need papaparse (a quote, a lone CR). */
  push(chunk: Uint8Array): boolean {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    if (!this.bomChecked && bytes.length >= 3) {
      this.bomChecked = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (bytes.includes(QUOTE)) return false;
    this.nextCr = bytes.indexOf(CR);
    let from = 0;
    for (let end = bytes.indexOf(LF); end !== -1; end = bytes.indexOf(LF, from)) {
      if (!this.readLine(bytes, from, end)) return false;
      from = end + 1;
    }
    this.carry = bytes.slice(from);
    return true;
  }

  /** The first CR at or after the line being read, or -1: found once per CR, not once per line. */
  private nextCr = -1;

  /** The table, once every chunk is in; as `streamTable` words it when there is none. */
  finish(): Table | { error: string } {
    this.nextCr = this.carry.indexOf(CR);
    if (this.carry.length > 0 && !this.readLine(this.carry, 0, this.carry.length)) return { error: 'not plain' };
    this.carry = new Uint8Array(0);
    if (!this.builder || this.builder.columns.length === 0) return { error: 'The file is empty.' };
    return this.builder.finish();
  }

  /** Whether the last `finish` failed because the end needs papaparse (see `finish`). */
  static needsPapaparse(result: Table | { error: string }): boolean {
    return 'error' in result && result.error === 'not plain';
  }

  /** One line, `bytes[from..end)` without its LF; false when it holds a lone CR. */
  private readLine(bytes: Uint8Array, from: number, end: number): boolean {
    let to = end;
    if (to > from && bytes[to - 1] === CR) to -= 1;
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = bytes.indexOf(CR, from);
    if (this.nextCr !== -1 && this.nextCr < to) return false;
    const line = this.line++;
    const cells = this.splitCells(bytes, from, to);
    if (!this.builder) {
      const header = Array.from({ length: cells }, (_, k) => this.decoder.decode(bytes.subarray(this.starts[k], this.ends[k])));
      this.builder = new TableBuilder(header, { delimiter: String.fromCharCode(this.delimiter) });
      return true;
    }
    // Blank rows (every cell empty or spaces) are skipped, as papaparse's are by the builder.
    let blank = true;
    for (let k = 0; k < cells && blank; k++) blank = this.starts[k] === this.ends[k];
    if (blank) return true;
    const builder = this.builder;
    builder.startRow(line);
    const { positions } = builder;
    for (let i = 0; i < positions.length; i++) {
      const k = positions[i];
      const start = k < cells ? this.starts[k] : 0;
      const stop = k < cells ? this.ends[k] : 0;
      this.cell(builder, i, bytes, start, stop);
    }
    return true;
  }

  /** Column `i`'s cell, `bytes[start..stop)` trimmed. */
  private cell(builder: TableBuilder, i: number, bytes: Uint8Array, start: number, stop: number): void {
    if (builder.takesBareCells(i) && start < stop) {
      const value = plainNumber(bytes, start, stop);
      if (!Number.isNaN(value)) {
        builder.numberCell(i, value);
        return;
      }
    }
    if (builder.takesAsciiText(i) && (start === stop || (surelyNotANumber(bytes, start) && isAscii(bytes, start, stop)))) {
      builder.asciiTextCell(i, bytes, start, stop);
      return;
    }
    builder.cell(i, this.decoder.decode(bytes.subarray(start, stop)).trim());
  }

  /** Splits `bytes[from..to)` at the delimiter into trimmed cells; returns how many. */
  private splitCells(bytes: Uint8Array, from: number, to: number): number {
    let count = 0;
    let start = from;
    for (let at = from; at <= to; at++) {
      if (at < to && bytes[at] !== this.delimiter) continue;
      if (count === this.starts.length) this.growCells();
      let a = start;
      let b = at;
      while (a < b && isSpace(bytes[a])) a++;
      while (b > a && isSpace(bytes[b - 1])) b--;
      this.starts[count] = a;
      this.ends[count] = b;
      count += 1;
      start = at + 1;
    }
    return count;
  }

  private growCells(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

function isAscii(bytes: Uint8Array, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (bytes[at] >= 0x80) return false;
  return true;
}
