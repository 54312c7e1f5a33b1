/**
 * Refuses files that are plainly not CSV text before parsing them: images, PDFs, archives, other
 * binaries and JSON. Looks at the name, the type the browser reports and the first bytes.
 */
import { startsLikeJsonObject } from '../text.ts';

export interface FileFacts {
  name: string;
  /** The MIME type the browser guessed ("" when it did not). */
  type: string;
  size: number;
}

/** How many leading bytes `checkCsvFile` wants to see. */
export const HEAD_BYTES = 4096;

const SIGNATURES: { bytes: number[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (an Excel workbook is one: save it as CSV)' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
];

/** Why the file cannot be a CSV, or undefined when it may be one. `head` is its first bytes. */
export function checkCsvFile(file: FileFacts, head: Uint8Array): string | undefined {
  const refuse = (kind: string): string => `Not a CSV file: it looks like ${kind}.`;
  if (file.size === 0) return 'The file is empty.';
  const signature = SIGNATURES.find(({ bytes }) => bytes.every((byte, i) => head[i] === byte));
  if (signature) return refuse(signature.kind);
  if (/^(image|audio|video)\//.test(file.type)) return refuse(`${file.type.split('/')[0]} data (${file.type})`);
  if (head.includes(0)) return refuse('binary data');
  if (/\.json$/i.test(file.name) || file.type.includes('json') || startsLikeJsonObject(new TextDecoder().decode(head)))
    return refuse('JSON');
  return undefined;
}
