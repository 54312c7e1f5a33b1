/**
 * Issue 10, item 8: a `weights-src` answer is read at most to the 1 MB limit. A declared
 * Content-Length over it is refused before the body is read; without one (or with a false one) the
 * streamed read stops past the limit and the rest is never downloaded.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_WEIGHTS_FILE_BYTES } from '../../src/core/model/weights-file.ts';
import { fetchWeights } from '../../src/embed/load-weights.ts';

const sampleText = readFileSync(fileURLToPath(new URL('../../public/sample-weights.json', import.meta.url)), 'utf8');
const CHUNK = 64 * 1024;

/** A body of `total` bytes served in 64 KB chunks on demand, counting what was pulled and whether it was cancelled. */
function meteredBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) {
          controller.close();
          return;
        }
        const size = Math.min(CHUNK, total - sent);
        sent += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent, cancelled: () => cancelled };
}

function fetcherOf(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(body, { headers });
}

describe('weights-src is read at most to the 1 MB limit', () => {
  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const body = meteredBody(50_000_000);
    const result = await fetchWeights('huge.json', undefined, fetcherOf(body.stream, { 'Content-Length': '50000000' }));
    expect(result).toEqual({ ok: false, error: 'huge.json: The file is 50.0 MB; a weights file is at most 1.0 MB.' });
    expect(body.pulled()).toBe(0);
    expect(body.cancelled()).toBe(true);
  });

  it('stops a streamed read without Content-Length just past the limit, and cancels the rest', async () => {
    const body = meteredBody(50_000_000);
    const result = await fetchWeights('endless.json', undefined, fetcherOf(body.stream));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^endless\.json: The file is over 1 MB.*not read further/);
    expect(body.pulled()).toBeLessThanOrEqual(MAX_WEIGHTS_FILE_BYTES + CHUNK);
    expect(body.cancelled()).toBe(true);
  });

  it('does not trust a Content-Length that understates the body', async () => {
    const body = meteredBody(50_000_000);
    const result = await fetchWeights('liar.json', undefined, fetcherOf(body.stream, { 'Content-Length': '300' }));
    expect(result.ok).toBe(false);
    expect(body.pulled()).toBeLessThanOrEqual(MAX_WEIGHTS_FILE_BYTES + CHUNK);
  });

  it('still reads a weights file of ordinary size, streamed', async () => {
    const bytes = new TextEncoder().encode(sampleText);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const result = await fetchWeights('w.json', undefined, fetcherOf(stream, { 'Content-Length': String(bytes.length) }));
    expect(result.ok && result.model.slope).toBeCloseTo(2.5184794389, 9);
  });
});
