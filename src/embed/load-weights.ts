/**
 * The three ways `<bmi-predictor>` receives a weights file (a URL, a value set on it, a dropped file),
 * each turned into the one weights-file result with a message that says where the problem came from.
 * No DOM beyond `fetch` and `File`, so Node can test it.
 */
import { errorMessage } from '../core/text.ts';
import { MAX_WEIGHTS_FILE_BYTES, parseWeights, validateWeights, type WeightsReadResult } from '../core/weights-file.ts';

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
  const text = await response.text();
  return refuse(url, parseWeights(text));
}

/** Validates what was set as the `weights` property: a weights-file object, or its JSON text (the attribute). */
export function weightsFromValue(value: unknown): WeightsReadResult {
  return refuse('weights', typeof value === 'string' ? parseWeights(value) : validateWeights(value));
}

/** Reads a dropped or chosen file; one too large is refused before it is read. */
export async function readWeightsFile(file: Blob & { name: string }): Promise<WeightsReadResult> {
  const text = file.size > MAX_WEIGHTS_FILE_BYTES ? '' : await file.text();
  return refuse(file.name, parseWeights(text, file.size));
}
