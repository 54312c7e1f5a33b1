/**
 * The three ways `<bmi-predictor>` receives a weights file (a URL, a value set on it, a dropped file),
 * each turned into the one weights-file result with a message that says where the problem came from.
 * No DOM beyond `fetch` and `File`, so Node can test it.
 */
import type { Result } from '../core/result.ts';
import { errorMessage } from '../core/text.ts';
import {
  MAX_WEIGHTS_FILE_BYTES,
  parseWeightsLean,
  validateWeightsLean,
  weightsFileSizeError,
  type WeightsReadResult,
} from '../core/model/weights-file.ts';

function refuse(source: string, result: WeightsReadResult): WeightsReadResult {
  return result.ok ? result : { ok: false, error: `${source}: ${result.error}` };
}

/**
 * Fetches and validates a weights file. A network failure, an HTTP error status, text that is not JSON
 * and JSON of the wrong format each give their own message. An aborted fetch rejects (nothing to show).
 */
export async function fetchWeights(url: string, signal?: AbortSignal, fetcher: typeof fetch = fetch): Promise<WeightsReadResult> {
  let response: Response;
  try {
    response = await fetcher(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, error: `Could not load the weights file ${url} (${errorMessage(error)}).` };
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, error: `Could not load the weights file ${url}: the server answered ${status}.` };
  }
  // A weights file is a few hundred bytes: a larger answer is refused without downloading it.
  const declared = Number(response.headers.get('content-length'));
  const declaredError = Number.isFinite(declared) ? weightsFileSizeError(declared) : undefined;
  if (declaredError) {
    void response.body?.cancel().catch(() => undefined);
    return { ok: false, error: `${url}: ${declaredError}` };
  }
  const body = await readAtMost(response, MAX_WEIGHTS_FILE_BYTES);
  if (!body.ok) {
    return {
      ok: false,
      error: `${url}: The file is over ${MAX_WEIGHTS_FILE_BYTES / 1_000_000} MB, more than any weights file; it was not read further.`,
    };
  }
  return refuse(url, parseWeightsLean(body.text, body.bytes));
}

/**
 * The body as text, read chunk by chunk and cancelled once past `limit` bytes (a missing or false
 * Content-Length must not make the page download and hold a huge answer).
 */
async function readAtMost(response: Response, limit: number): Promise<Result<{ text: string; bytes: number }, 'too-large'>> {
  if (!response.body) return { ok: true, text: '', bytes: 0 };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, error: 'too-large' };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(all), bytes };
}

/** Validates what was set as the `weights` property: a weights-file object, or its JSON text (the attribute). */
export function weightsFromValue(value: unknown): WeightsReadResult {
  return refuse('weights', typeof value === 'string' ? parseWeightsLean(value) : validateWeightsLean(value));
}

/** Reads a dropped or chosen file; one too large is refused before it is read. */
export async function readWeightsFile(file: Blob & { name: string }): Promise<WeightsReadResult> {
  const text = file.size > MAX_WEIGHTS_FILE_BYTES ? '' : await file.text();
  return refuse(file.name, parseWeightsLean(text, file.size));
}
