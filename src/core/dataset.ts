/**
 * CSV text → a typed data set of one numeric feature and one numeric target.
 *
 * Parsing is header based (column order does not matter) and delegated to papaparse, which handles
 * delimiters, quotes, a BOM and any line ending. Rows whose chosen columns are missing or not numbers
 * are skipped and reported with their line numbers, so the user can find them in the file.
 */
import Papa from 'papaparse';

/** The columns the bundled data set uses; chosen by default when a CSV has them. */
export const DEFAULT_FEATURE = 'Bmi';
export const DEFAULT_TARGET = 'LifeExpectancy';

/** Fewer usable rows than this cannot define a line. */
export const MIN_ROWS = 2;

/** How many skipped line numbers a report keeps (the count is always exact). */
const MAX_REPORTED_LINES = 20;

export interface Dataset {
  readonly featureName: string;
  readonly targetName: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface SkippedRows {
  /** How many data rows were skipped. */
  count: number;
  /** 1-based line numbers in the file (the header is line 1), the first few only. */
  lines: number[];
}

export type ParseOutcome =
  | { ok: true; dataset: Dataset; columns: string[]; numericColumns: string[]; skipped: SkippedRows }
  | { ok: false; error: string; columns: string[]; numericColumns: string[]; skipped: SkippedRows };

export interface ColumnChoice {
  feature?: string;
  target?: string;
}

/** Parses a cell as a finite number; empty or non-numeric cells give `undefined`. */
export function parseNumber(cell: unknown): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Collects rows one at a time, so the same logic serves a whole string and a streamed file.
 */
export class DatasetBuilder {
  readonly columns: string[];
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  private readonly skipped: SkippedRows = { count: 0, lines: [] };
  /** Per column: seen at least one number, and never a non-empty non-number. */
  private readonly numericSeen = new Map<string, boolean>();

  constructor(
    columns: string[],
    readonly featureName: string,
    readonly targetName: string,
  ) {
    this.columns = columns;
  }

  /** Adds one parsed row; `line` is its 1-based line number in the file. */
  add(row: Record<string, unknown>, line: number): void {
    if (isBlankRow(row)) return;
    this.trackNumericColumns(row);
    const x = parseNumber(row[this.featureName]);
    const y = parseNumber(row[this.targetName]);
    if (x === undefined || y === undefined) {
      this.skipped.count += 1;
      if (this.skipped.lines.length < MAX_REPORTED_LINES) this.skipped.lines.push(line);
      return;
    }
    this.xs.push(x);
    this.ys.push(y);
  }

  get rowCount(): number {
    return this.xs.length;
  }

  finish(): ParseOutcome {
    const numericColumns = this.columns.filter((c) => this.numericSeen.get(c) === true);
    const base = { columns: this.columns, numericColumns, skipped: this.skipped };
    const missing = [this.featureName, this.targetName].filter((c) => !this.columns.includes(c));
    if (missing.length > 0) {
      return { ok: false, error: `Column ${missing.map((c) => `"${c}"`).join(' and ')} not found in the header.`, ...base };
    }
    if (this.featureName === this.targetName) {
      return { ok: false, error: 'Feature and target must be different columns.', ...base };
    }
    if (this.xs.length < MIN_ROWS) {
      return {
        ok: false,
        error: `Only ${this.xs.length} usable row${this.xs.length === 1 ? '' : 's'}: at least ${MIN_ROWS} are needed to fit a line.`,
        ...base,
      };
    }
    const dataset: Dataset = {
      featureName: this.featureName,
      targetName: this.targetName,
      x: Float64Array.from(this.xs),
      y: Float64Array.from(this.ys),
    };
    return { ok: true, dataset, ...base };
  }

  private trackNumericColumns(row: Record<string, unknown>): void {
    for (const column of this.columns) {
      const cell = row[column];
      if (cell === undefined || (typeof cell === 'string' && cell.trim() === '')) continue;
      const numeric = parseNumber(cell) !== undefined;
      const before = this.numericSeen.get(column);
      this.numericSeen.set(column, before === undefined ? numeric : before && numeric);
    }
  }
}

function isBlankRow(row: Record<string, unknown>): boolean {
  return Object.values(row).every((cell) => cell === undefined || cell === null || String(cell).trim() === '');
}

/** Picks the requested columns, else the defaults when present, else the first two columns. */
export function chooseColumns(columns: string[], choice: ColumnChoice = {}): { feature: string; target: string } {
  const pick = (wanted: string | undefined, fallback: string, index: number): string =>
    wanted ?? (columns.includes(fallback) ? fallback : (columns[index] ?? fallback));
  return { feature: pick(choice.feature, DEFAULT_FEATURE, 0), target: pick(choice.target, DEFAULT_TARGET, 1) };
}

/** Trims header names and drops a BOM that survived decoding. */
export function cleanHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim();
}

/** Parses a whole CSV text. Line numbers assume no quoted field spans lines. */
export function parseCsv(text: string, choice: ColumnChoice = {}): ParseOutcome {
  const emptySkip: SkippedRows = { count: 0, lines: [] };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return { ok: false, error: 'The file is empty.', columns: [], numericColumns: [], skipped: emptySkip };
  }
  const result = Papa.parse<Record<string, unknown>>(text, {
    header: true,
    skipEmptyLines: false,
    transformHeader: cleanHeader,
  });
  const columns = (result.meta.fields ?? []).filter((c) => c !== '');
  const { feature, target } = chooseColumns(columns, choice);
  const builder = new DatasetBuilder(columns, feature, target);
  result.data.forEach((row, index) => builder.add(row, index + 2));
  return builder.finish();
}
