import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_WEIGHTS_FILE_BYTES } from '../../src/core/model/weights-file.ts';
import { fetchWeights, readWeightsFile, weightsFromValue } from '../../src/embed/load-weights.ts';

const sampleText = readFileSync(fileURLToPath(new URL('../../public/sample-weights.json', import.meta.url)), 'utf8');

/** A fetch that answers every URL with one response, or throws like a network failure. */
function answering(body: string | Error, init: ResponseInit = {}): typeof fetch {
  return async () => {
    if (body instanceof Error) throw body;
    return new Response(body, init);
  };
}

describe('fetchWeights', () => {
  it('reads a weights file', async () => {
    const result = await fetchWeights('w.json', undefined, answering(sampleText));
    expect(result.ok && result.model.slope).toBeCloseTo(2.5184794389, 9);
  });

  it.each([
    [
      'an HTTP error',
      answering('Not here', { status: 404, statusText: 'Not Found' }),
      'Could not load the weights file w.json: the server answered 404 Not Found.',
    ],
    ['a network failure', answering(new TypeError('Failed to fetch')), 'Could not load the weights file w.json (Failed to fetch).'],
    [
      'text that is not JSON',
      answering('<html>oops</html>'),
      expect.stringMatching(/^w\.json: The file is not valid JSON \(.+\)\. It is not a weights file\.$/s),
    ],
    [
      'JSON of another format',
      answering('{"format":"other"}'),
      'w.json: This JSON is not a bmi-predictor weights file (its "format" is "other").',
    ],
  ])('names the URL and the problem for %s', async (_, fetcher, error) => {
    await expect(fetchWeights('w.json', undefined, fetcher)).resolves.toEqual({ ok: false, error });
  });

  it('rejects when aborted, so a superseded load shows nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetcher: typeof fetch = async (_url, init) => {
      init?.signal?.throwIfAborted();
      return new Response(sampleText);
    };
    await expect(fetchWeights('w.json', controller.signal, fetcher)).rejects.toThrow();
  });
});

describe('weightsFromValue', () => {
  it('accepts a weights-file object and its JSON text', () => {
    expect(weightsFromValue(JSON.parse(sampleText)).ok).toBe(true);
    expect(weightsFromValue(sampleText).ok).toBe(true);
  });

  it('refuses other values with the validator message', () => {
    expect(weightsFromValue('{oops')).toEqual({
      ok: false,
      error: expect.stringMatching(/^weights: The file is not valid JSON \(.+\)\. It is not a weights file\.$/s),
    });
    expect(weightsFromValue([1, 2])).toEqual({ ok: false, error: 'weights: The JSON is not an object, so it is not a weights file.' });
  });
});

describe('readWeightsFile', () => {
  it('reads a dropped weights file', async () => {
    expect((await readWeightsFile(new File([sampleText], 'w.json'))).ok).toBe(true);
  });

  it('names the file it refuses', async () => {
    await expect(readWeightsFile(new File(['a,b\n1,2\n'], 'data.csv'))).resolves.toEqual({
      ok: false,
      error: expect.stringMatching(/^data\.csv: The file is not valid JSON \(.+\)\. It is not a weights file\.$/s),
    });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = new File([new Uint8Array(MAX_WEIGHTS_FILE_BYTES + 1)], 'huge.json');
    let read = false;
    big.text = async () => {
      read = true;
      return '';
    };
    const result = await readWeightsFile(big);
    expect(result.ok ? '' : result.error).toMatch(/^huge\.json: The file is 1\.0 MB; a weights file is at most 1\.0 MB\.$/);
    expect(read).toBe(false);
  });
});
