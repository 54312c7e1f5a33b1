/**
 * Columns that grow a row at a time in typed arrays (doubling when full), so a table of ten million
 * rows is built without a JavaScript array of boxed numbers or a string per cell, and handed over
 * without converting it.
 */
const FIRST_CAPACITY = 1024;

type Growable = Float64Array | Uint32Array | Uint8Array | Uint16Array;

function grown<T extends Growable>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** The first `length` values, in an array of exactly that length (a copy only when there is spare room). */
function exact<T extends Growable>(array: T, length: number): T {
  return (length === array.length ? array : array.slice(0, length)) as T;
}

/** A typed array that grows a value at a time. */
class Growing<T extends Float64Array | Uint32Array> {
  length = 0;

  constructor(protected array: T) {}

  push(value: number): void {
    if (this.length === this.array.length) this.array = grown(this.array, this.length + 1);
    this.array[this.length++] = value;
  }

  finish(): T {
    return exact(this.array, this.length);
  }
}

export class GrowingNumbers extends Growing<Float64Array> {
  constructor() {
    super(new Float64Array(FIRST_CAPACITY));
  }

  /** The values so far, a view (no copy): valid until the next push. */
  view(): Float64Array {
    return this.array.subarray(0, this.length);
  }
}

export class GrowingIndices extends Growing<Uint32Array> {
  constructor() {
    super(new Uint32Array(FIRST_CAPACITY));
  }
}

/**
 * A text column as it grows: every cell's UTF-16 code units one after another, one byte each while
 * every unit fits (Latin-1, as most data is), two from the first one that does not.
 */
export class GrowingText {
  private codes: Uint8Array | Uint16Array = new Uint8Array(FIRST_CAPACITY * 8);
  private size = 0;
  private readonly starts = new GrowingIndices();
  private readonly ends = new GrowingIndices();

  get length(): number {
    return this.starts.length;
  }

  /** Empty cells, e.g. for the rows before a column turned out to hold text. */
  pushEmpty(count: number): void {
    for (let i = 0; i < count; i++) {
      this.starts.push(this.size);
      this.ends.push(this.size);
    }
  }

  push(text: string): void {
    this.codes = grown(this.codes, this.size + text.length);
    const start = this.size;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff && this.codes instanceof Uint8Array) this.codes = Uint16Array.from(this.codes);
      this.codes[this.size++] = code;
    }
    this.starts.push(start);
    this.ends.push(this.size);
  }

  /** A cell given as ASCII bytes (`bytes[from]` to `bytes[to]`, exclusive): copied as they are. */
  pushAscii(bytes: Uint8Array, from: number, to: number): void {
    this.codes = grown(this.codes, this.size + to - from);
    const start = this.size;
    if (to - from > 16) this.codes.set(bytes.subarray(from, to), start);
    else for (let i = from; i < to; i++) this.codes[start + i - from] = bytes[i];
    this.size += to - from;
    this.starts.push(start);
    this.ends.push(this.size);
  }

  /** The column as `text-column.ts`'s `TextColumn`. */
  finish(): { text: Uint8Array | Uint16Array; starts: Uint32Array; ends: Uint32Array } {
    return { text: exact(this.codes, this.size), starts: this.starts.finish(), ends: this.ends.finish() };
  }
}
