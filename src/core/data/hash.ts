/**
 * A short, stable fingerprint of the training data (FNV-1a over the float64 bytes), so a weights file
 * can say which data it was trained on. Not cryptographic; it only has to tell data sets apart.
 */
export function hashColumns(...columns: Float64Array[]): string {
  let hash = 0x811c9dc5;
  for (const column of columns) {
    const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return `fnv1a32:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
