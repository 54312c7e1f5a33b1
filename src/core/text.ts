/** The small text helpers every layer shares: byte-order marks, thrown values as words, JSON sniffing. */

/** The text without a leading byte-order mark (U+FEFF), which some editors write and some decoders keep. */
export function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

/** `value` to `digits` decimals with a real minus sign (U+2212), as every number the app writes has. */
export function fixedWithMinus(value: number, digits: number): string {
  return value.toFixed(digits).replace(/^-/, '−');
}

/** A thrown value as words: an Error's message, anything else as its text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether text (a file's first characters, a request body) opens a JSON object: its first character
 * past a BOM and blanks is `{`. A CSV header or a form body never starts so.
 */
export function startsLikeJsonObject(text: string): boolean {
  return stripBom(text).trimStart().startsWith('{');
}
