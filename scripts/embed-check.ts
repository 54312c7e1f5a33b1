/**
 * What `npm test` demands of the built `<bmi-predictor>` module: small (gzipped, as a server sends it),
 * self-contained, and free of the app's heavy libraries, which would mean an import chain leaked in.
 */
import { gzipSync } from 'node:zlib';

/** The budget from the embedding issue: Lit included. */
export const EMBED_GZIP_BUDGET_BYTES = 15 * 1024;

/** Strings that survive minification of each library the element must not contain. */
export const FORBIDDEN_MARKERS: readonly { library: string; pattern: RegExp }[] = [
  { library: 'TensorFlow.js', pattern: /@tensorflow|tfjs|registerKernel/i },
  { library: 'papaparse', pattern: /papaparse|BAD_DELIMITERS|UndetectableDelimiter/ },
  { library: 'uPlot', pattern: /uplot|u-legend|u-cursor/i },
];

export interface EmbedReport {
  gzipBytes: number;
  problems: string[];
}

export function gzipSize(code: string): number {
  return gzipSync(Buffer.from(code, 'utf8')).length;
}

export function checkEmbedBundle(code: string, budget = EMBED_GZIP_BUDGET_BYTES): EmbedReport {
  const problems: string[] = [];
  const gzipBytes = gzipSize(code);
  if (gzipBytes > budget) problems.push(`bmi-predictor.js is ${formatKb(gzipBytes)} gzipped, over the ${formatKb(budget)} budget.`);
  for (const { library, pattern } of FORBIDDEN_MARKERS) {
    const match = pattern.exec(code);
    if (match) problems.push(`bmi-predictor.js contains ${library} ("${match[0]}" at offset ${match.index}).`);
  }
  // One script tag must be enough: no chunk or module for the page to fetch next.
  const importMatch = /\bimport\s*\(|\bimport\s*[{*"'`]/.exec(code);
  if (importMatch) problems.push(`bmi-predictor.js imports another module ("${importMatch[0]}" at offset ${importMatch.index}).`);
  return { gzipBytes, problems };
}

interface ManifestDeclaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
}

/** The manifest must describe the element's public API, or editors and catalogs show nothing. */
export function checkManifest(manifest: unknown, attributes: readonly string[], events: readonly string[]): string[] {
  const modules = (manifest as { modules?: { declarations?: ManifestDeclaration[] }[] }).modules ?? [];
  const element = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'bmi-predictor');
  if (!element) return ['custom-elements.json declares no <bmi-predictor>.'];
  const has = (list: { name: string }[] | undefined, name: string) => list?.some((item) => item.name === name) ?? false;
  return [
    ...attributes.filter((name) => !has(element.attributes, name)).map((name) => `custom-elements.json lacks the attribute "${name}".`),
    ...events.filter((name) => !has(element.events, name)).map((name) => `custom-elements.json lacks the event "${name}".`),
  ];
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}
