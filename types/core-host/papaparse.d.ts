/**
 * The part of papaparse `src/core` uses, for the core type-check only (`tsconfig.core.json` maps
 * `papaparse` here). The package's own types reference Node's (`NodeJS.ReadableStream`), which would
 * hand core every Node global; the whole program is still checked against the real types by `tsc`.
 */
export interface ParseResult<T> {
  data: T[];
  meta: { delimiter: string };
}

/** Rows as arrays of cells (core reads the header row itself). */
export interface ParseConfig {
  header: false;
  skipEmptyLines: boolean;
}

declare const Papa: {
  parse<T>(text: string, config: ParseConfig): ParseResult<T>;
};

export default Papa;
