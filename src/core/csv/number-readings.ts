/**
 * Numbers written the way much of the world writes them: decimal commas ("20,62", as Excel exports
 * in most of Europe, in files it separates with semicolons) and thousands separators ("1.234,5",
 * "12,345,678"). A cell like "1.234" or "1,234" reads two ways, so no single cell decides: a column
 * takes the other reading only when it reads more of its cells as numbers than the plain one does,
 * and, in a comma-separated file, only when some cell shows the commas are thousands separators.
 */

/** "20,62", "-0,5", "1.234,5", "1.234.567": the decimal mark a comma, dots grouping thousands. */
const DECIMAL_COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
/** "12,345", "1,234.5": commas grouping thousands, a dot the decimal mark. */
const THOUSANDS_COMMA = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Which of those cannot be a decimal comma: two groups or more, or a decimal dot as well. */
const PLAINLY_THOUSANDS = /^[+-]?\d{1,3}(,\d{3}){2,}(\.\d+)?$|^[+-]?\d{1,3}(,\d{3})+\.\d+$/;

/** A cell read with a decimal comma (dots group thousands), or undefined when it is not so written. */
export function readDecimalComma(text: string): number | undefined {
  if (!DECIMAL_COMMA.test(text)) return undefined;
  return Number(text.replaceAll('.', '').replace(',', '.'));
}

/** A cell read with commas grouping thousands, or undefined when it is not so written. */
export function readThousandsCommas(text: string): number | undefined {
  return THOUSANDS_COMMA.test(text) ? Number(text.replaceAll(',', '')) : undefined;
}

/**
 * The other reading of one column's cells, collected beside the plain one as rows arrive. In a
 * semicolon-separated file it is the decimal-comma reading, kept from the first row (a plain "1.234"
 * is 1234 there if the column turns out to use commas); elsewhere it is the thousands reading, which
 * agrees with the plain one on every cell without a comma, so it starts only at the first such cell.
 */
export class OtherReading {
  private values: number[] | undefined;
  private numbers = 0;
  /** A cell only the thousands reading explains ("12,345,678"): the commas are not decimal marks. */
  private plainlyThousands = false;

  constructor(private readonly decimalComma: boolean) {
    if (decimalComma) this.values = [];
  }

  /**
   * Adds the next row's cell (trimmed text), given how the plain reading read it (`plain`, NaN when
   * it did not) and `plainSoFar`, the plain values of the rows before it.
   */
  add(text: string, plain: number, plainSoFar: ArrayLike<number>): void {
    const value = this.decimalComma ? readDecimalComma(text) : Number.isNaN(plain) ? readThousandsCommas(text) : plain;
    if (value !== undefined) this.numbers += 1;
    if (!this.values && value !== undefined && Number.isNaN(plain)) this.values = Array.from(plainSoFar);
    this.values?.push(value ?? Number.NaN);
    if (!this.decimalComma && Number.isNaN(plain) && PLAINLY_THOUSANDS.test(text)) this.plainlyThousands = true;
  }

  /**
   * Adds a cell the plain reading read as `plain` (a number) without a comma in it: what `add` does
   * with it, without its text. Only where the other reading is the thousands one (see `readsPlainAsIs`).
   */
  addPlain(plain: number): void {
    this.numbers += 1;
    this.values?.push(plain);
  }

  /**
   * Adds a cell no reading reads as a number: empty, or not starting like one ("C12", "n/a"). Only
   * where the other reading is the thousands one (see `readsPlainAsIs`).
   */
  addNone(): void {
    this.values?.push(Number.NaN);
  }

  /** Whether a plain number or a cell no reading reads can skip the text (`addPlain`, `addNone`). */
  get readsPlainAsIs(): boolean {
    return !this.decimalComma;
  }

  /**
   * The column's values under this reading when it reads more cells as numbers than the plain one
   * (`plainNumbers` of them), else undefined; with how many cells it read.
   */
  better(plainNumbers: number): { values: number[]; numbers: number } | undefined {
    if (!this.values || this.numbers <= plainNumbers) return undefined;
    if (!this.decimalComma && !this.plainlyThousands) return undefined;
    return { values: this.values, numbers: this.numbers };
  }
}
