/**
 * The standalone `dist/bmi-predictor.js` on plain pages served by a plain static server (not Vite):
 * every attribute, both events, drop-to-replace, each error state, and the colour scheme it follows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { REFERENCE } from '../unit/reference.ts';
import { predictText } from './app-page.ts';
import { test as appTest, type AppPage } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/sample-weights.json', import.meta.url)), 'utf8')) as {
  slope: number;
  intercept: number;
  feature: { name: string; unit: string; min: number; max: number };
};

/** Another valid weights file: target = 1 · feature + 0, so its predictions are easy to tell apart. */
const identityWeights = { ...sample, slope: 1, intercept: 0 };
/** A valid weights file for another feature, to see the label follow it. */
const waistWeights = { ...sample, feature: { name: 'Waist', unit: 'cm', min: 60, max: 120 }, slope: -0.2, intercept: 90 };

const attribute = (value: unknown) => JSON.stringify(value).replaceAll('&', '&amp;').replaceAll("'", '&#39;');

/** What a page does to hear the events from its first moment: a classic script before the element loads. */
const RECORD_EVENTS = `<script>
  window.events = [];
  for (const type of ['bmi-prediction', 'bmi-predictor-error'])
    document.addEventListener(type, (event) => events.push({ type, detail: event.detail }));
</script>`;

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}${RECORD_EVENTS}<script type="module" src="/bmi-predictor.js"></script></head><body>${body}</body></html>`;

const ROUTES: Record<string, string> = {
  // Only the script tag and the element, as the snippet in the README.
  '/plain.html':
    '<script type="module" src="bmi-predictor.js"></script>\n<bmi-predictor weights-src="sample-weights.json"></bmi-predictor>\n',
  '/pages/sample.html': page('<bmi-predictor weights-src="/sample-weights.json"></bmi-predictor>'),
  '/pages/value.html': page('<bmi-predictor weights-src="/sample-weights.json" value="28.45"></bmi-predictor>'),
  '/pages/decimals.html': page('<bmi-predictor weights-src="/sample-weights.json" value="28.45" decimals="3"></bmi-predictor>'),
  '/pages/label.html': page('<bmi-predictor weights-src="/sample-weights.json" label="Body mass index"></bmi-predictor>'),
  '/pages/weights-attribute.html': page(`<bmi-predictor weights='${attribute(waistWeights)}' value="100"></bmi-predictor>`),
  '/pages/bad-weights-attribute.html': page(`<bmi-predictor weights='{"format": "bmi-predictor-weights", oops'></bmi-predictor>`),
  '/pages/empty.html': page('<bmi-predictor></bmi-predictor>'),
  '/pages/missing.html': page('<bmi-predictor weights-src="/fixtures/missing.json"></bmi-predictor>'),
  '/pages/not-json.html': page('<bmi-predictor weights-src="/fixtures/not-json.json"></bmi-predictor>'),
  '/pages/wrong-format.html': page('<bmi-predictor weights-src="/fixtures/wrong-format.json"></bmi-predictor>'),
  '/pages/dark-aware.html': page(
    '<bmi-predictor weights-src="/sample-weights.json"></bmi-predictor>',
    '<meta name="color-scheme" content="light dark">',
  ),
  '/pages/styled.html': page(
    '<bmi-predictor weights-src="/sample-weights.json" value="28.45"></bmi-predictor>',
    '<style>bmi-predictor { --bmi-predictor-accent: rgb(1, 2, 3); --bmi-predictor-radius: 9px; } bmi-predictor::part(output) { color: rgb(4, 5, 6); }</style>',
  ),
  // Browsers ask for it by themselves; a 404 for it would be a console error that is not the element's.
  '/favicon.ico': '',
  '/fixtures/not-json.json': '<!doctype html><p>This is a page, not weights.</p>',
  '/fixtures/wrong-format.json': JSON.stringify({ format: 'some-other-format', slope: 1 }),
  '/fixtures/identity.json': JSON.stringify(identityWeights),
};

const NOT_FOUND_CONSOLE = 'console: Failed to load resource: the server responded with a status of 404 (Not Found)';

interface Recorded {
  type: 'bmi-prediction' | 'bmi-predictor-error';
  detail: { input?: number; prediction?: number; message?: string };
}

function recordedEvents(page: Page): Promise<Recorded[]> {
  return page.evaluate(() => (window as unknown as { events: Recorded[] }).events);
}

const output = (page: Page) => page.locator('bmi-predictor output');
const message = (page: Page) => page.locator('bmi-predictor [part=message]');
const field = (page: Page) => page.locator('bmi-predictor [part=input]');

/** A loaded model shows a placeholder in the field ("e.g. 25.4"). */
async function waitForModel(page: Page): Promise<void> {
  await page.locator('bmi-predictor [part=input][placeholder^="e.g."]').waitFor({ timeout: 10_000 });
}

async function waitForError(page: Page): Promise<string> {
  const error = page.locator('bmi-predictor [part=message].error');
  await error.waitFor({ timeout: 10_000 });
  return ((await error.textContent()) ?? '').trim();
}

/** Dispatches a drag event carrying one file, as a user dragging a file from their desktop would. */
function dragFile(page: Page, type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', file?: { name: string; text: string }): Promise<void> {
  return page.evaluate(
    ({ type, file }) => {
      const transfer = new DataTransfer();
      if (file) transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
      const target = document.querySelector('bmi-predictor')!.shadowRoot!.querySelector('input')!;
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
    },
    { type, file },
  );
}

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(dist, ROUTES);
});
afterAll(async () => {
  await server?.close();
});

/** Each test opens its page of the plain static server, in its own context (no WebGPU: the element needs none). */
const test = appTest.extend(
  'openPage',
  async ({ open }): Promise<(path: string, options?: { colorScheme?: 'light' | 'dark' }) => Promise<AppPage>> =>
    (path, options = {}) =>
      open(`${server.url}${path}`, { ...options, webgpu: false }),
);

describe('<bmi-predictor> built alone, on plain pages from a plain static server', () => {
  test('predicts 78.9 years at BMI 28.45 on a page with only the script tag and the element, loading nothing else', async ({
    openPage: open,
  }) => {
    const { page, errors } = await open('/plain.html');
    await waitForModel(page);
    const heard = page.evaluate(
      () =>
        new Promise<unknown>((resolve) =>
          document.addEventListener('bmi-prediction', (event) => resolve((event as CustomEvent).detail), { once: true }),
        ),
    );
    const result = await predictText(page, '28.45');
    expect(result.message).toBe('');
    expect(result.output).toMatch(/^\d+\.\d years$/);
    expect(Math.abs(Number.parseFloat(result.output) - REFERENCE.predictionAt28)).toBeLessThanOrEqual(0.05);
    expect(result.output).toBe('78.9 years');
    const detail = (await heard) as { input: number; prediction: number };
    expect(detail.input).toBe(28.45);
    expect(detail.prediction).toBeCloseTo(REFERENCE.predictionAt28, 8);
    await expect(output(page).getAttribute('aria-live')).resolves.toBe('polite');
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    // The browser asks for /favicon.ico on its own; everything else is the element's doing.
    expect(loaded.filter((path) => path !== '/favicon.ico').sort()).toEqual(['/bmi-predictor.js', '/sample-weights.json']);
    expect(errors).toEqual([]);
  });

  test('predicts with the Predict button too', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/sample.html');
    await waitForModel(page);
    await field(page).fill('21.07931');
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(output(page).textContent()).resolves.toBe('60.3 years');
    expect(errors).toEqual([]);
  });

  test('value: fills the field and predicts as soon as the weights arrive, and again when it changes', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/value.html');
    await output(page).filter({ hasNotText: '—' }).waitFor({ timeout: 10_000 });
    await expect(output(page).textContent()).resolves.toBe('78.9 years');
    await expect(field(page).inputValue()).resolves.toBe('28.45');
    const events = await recordedEvents(page);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('bmi-prediction');
    expect(events[0].detail.input).toBe(28.45);
    expect(events[0].detail.prediction).toBeCloseTo(REFERENCE.predictionAt28, 8);

    await page.locator('bmi-predictor').evaluate((element) => element.setAttribute('value', '21.07931'));
    await expect(output(page).textContent()).resolves.toBe('60.3 years');
    await expect(field(page).inputValue()).resolves.toBe('21.07931');
    expect(await recordedEvents(page)).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  test('decimals: rounds the shown result, and re-renders it when changed', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/decimals.html');
    await output(page).filter({ hasNotText: '—' }).waitFor({ timeout: 10_000 });
    await expect(output(page).textContent()).resolves.toBe('78.879 years');
    await page.locator('bmi-predictor').evaluate((element) => ((element as HTMLElement & { decimals: number }).decimals = 0));
    await expect(output(page).textContent()).resolves.toBe('79 years');
    // toFixed throws past 100 digits; the element keeps to its 0–10 range instead.
    await page.locator('bmi-predictor').evaluate((element) => element.setAttribute('decimals', '500'));
    await expect(output(page).textContent()).resolves.toBe(`${REFERENCE.predictionAt28.toFixed(10)} years`);
    expect(errors).toEqual([]);
  });

  test('label: names the field; without it the label is the feature of the weights file', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/label.html');
    await waitForModel(page);
    const result = await predictText(page, '28.45', 'Body mass index');
    expect(result.output).toBe('78.9 years');
    const bad = await predictText(page, 'heavy', 'Body mass index');
    expect(bad.message).toBe('"heavy" is not a number. Enter Body mass index as digits, e.g. 24.5.');
    await page.locator('bmi-predictor').evaluate((element) => element.removeAttribute('label'));
    await expect(page.getByLabel('BMI', { exact: true }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  test('weights attribute: JSON text of a weights file, validated; its feature names the field', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/weights-attribute.html');
    await output(page).filter({ hasNotText: '—' }).waitFor({ timeout: 10_000 });
    // value="100" with slope -0.2, intercept 90: 70.0; the field is labelled by the file's feature.
    await expect(output(page).textContent()).resolves.toBe('70.0 years');
    await expect(page.getByLabel('Waist', { exact: true }).inputValue()).resolves.toBe('100');
    expect(errors).toEqual([]);
  });

  test('weights attribute: JSON that does not parse shows the error and fires the error event', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/bad-weights-attribute.html');
    const shown = await waitForError(page);
    expect(shown).toMatch(/^weights: The file is not valid JSON \(.+\)\. It is not a weights file\.$/s);
    expect(await recordedEvents(page)).toEqual([{ type: 'bmi-predictor-error', detail: { message: shown } }]);
    expect(errors).toEqual([]);
  });

  test('weights property: a weights-file object replaces the model; an invalid one is refused and the model kept', async ({
    openPage: open,
  }) => {
    const { page, errors } = await open('/pages/empty.html');
    await page.locator('bmi-predictor').evaluate(async (element) => {
      (element as HTMLElement & { weights: unknown }).weights = await (await fetch('/sample-weights.json')).json();
    });
    await waitForModel(page);
    expect((await predictText(page, '28.45')).output).toBe('78.9 years');

    await page.locator('bmi-predictor').evaluate((element) => {
      (element as HTMLElement & { weights: unknown }).weights = { format: 'bmi-predictor-weights', version: 1, slope: 'steep' };
    });
    const shown = await waitForError(page);
    expect(shown).toMatch(/^weights: The weights file is missing "intercept", .*The current model is kept\.$/s);
    const events = await recordedEvents(page);
    expect(events.at(-1)).toEqual({ type: 'bmi-predictor-error', detail: { message: shown } });
    expect((await predictText(page, '28.45')).output).toBe('78.9 years');
    expect(errors).toEqual([]);
  });

  test('without weights: says no model is loaded, and predicting gives a message and the error event, never a number', async ({
    openPage: open,
  }) => {
    const { page, errors } = await open('/pages/empty.html');
    await expect(message(page).textContent()).resolves.toMatch(/^\s*No model loaded yet\.\s*$/);
    const result = await predictText(page, '25');
    expect(result.output).toBe('—');
    expect(result.message).toBe('No model loaded: train one, or drop a weights file here.');
    expect(await recordedEvents(page)).toEqual([{ type: 'bmi-predictor-error', detail: { message: result.message } }]);
    expect(errors).toEqual([]);
  });

  test.for([
    [
      '/pages/missing.html',
      'Could not load the weights file /fixtures/missing.json: the server answered 404 Not Found.',
      [NOT_FOUND_CONSOLE],
    ],
    ['/pages/not-json.html', /^\/fixtures\/not-json\.json: The file is not valid JSON \(.+\)\. It is not a weights file\.$/s, []],
    [
      '/pages/wrong-format.html',
      '/fixtures/wrong-format.json: This JSON is not a bmi-predictor weights file (its "format" is "some-other-format").',
      [],
    ],
  ] as const)(
    'weights-src %s: shows why the weights were refused and fires the error event',
    async ([path, expected, consoleErrors], { openPage: open }) => {
      const { page, errors } = await open(path);
      const shown = await waitForError(page);
      expect(shown).toMatch(expected);
      expect(await recordedEvents(page)).toEqual([{ type: 'bmi-predictor-error', detail: { message: shown } }]);
      expect((await predictText(page, '25')).output).toBe('—');
      expect(errors).toEqual(consoleErrors);
    },
  );

  test('weights-src: a failed reload keeps the model it had; a good one replaces it', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/sample.html');
    await waitForModel(page);
    const element = page.locator('bmi-predictor');
    await element.evaluate((el) => el.setAttribute('weights-src', '/fixtures/wrong-format.json'));
    expect(await waitForError(page)).toMatch(/not a bmi-predictor weights file .*The current model is kept\.$/s);
    expect((await predictText(page, '28.45')).output).toBe('78.9 years');
    await element.evaluate((el) => el.setAttribute('weights-src', '/fixtures/identity.json'));
    await page.waitForFunction(
      () => (document.querySelector('bmi-predictor') as HTMLElement & { model: { slope: number } }).model.slope === 1,
    );
    expect((await predictText(page, '28.45')).output).toBe('28.4 years');
    expect(errors).toEqual([]);
  });

  test('weights-src: weights given while it is still loading win; the late answer is dropped', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/empty.html');
    let held: (() => Promise<void>) | undefined;
    const requested = new Promise<void>((resolve) => {
      void page.route('**/fixtures/slow.json', (route) => {
        held = () => route.fulfill({ contentType: 'application/json', body: JSON.stringify(sample) }).catch(() => undefined);
        resolve();
      });
    });
    const element = page.locator('bmi-predictor');
    await element.evaluate((el) => el.setAttribute('weights-src', '/fixtures/slow.json'));
    await requested;
    await expect(message(page).textContent()).resolves.toMatch(/Loading weights…/);
    const slowRequestEnded = Promise.race([
      page.waitForEvent('requestfinished', (request) => request.url().endsWith('/fixtures/slow.json')),
      page.waitForEvent('requestfailed', (request) => request.url().endsWith('/fixtures/slow.json')),
    ]);
    await element.evaluate((el, weights) => ((el as HTMLElement & { weights: unknown }).weights = weights), identityWeights);
    await held!();
    // The late answer has been delivered (or its fetch was cancelled); one task later, every promise
    // callback after it has run, so an answer that was not dropped would have replaced the weights.
    await slowRequestEnded;
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await expect(element.evaluate((el) => (el as HTMLElement & { model: { slope: number } }).model.slope)).resolves.toBe(1);
    expect((await predictText(page, '28.45')).output).toBe('28.4 years');
    expect(errors).toEqual([]);
  });

  test.for([
    ['', 'Enter a BMI value.'],
    ['abc', '"abc" is not a number. Enter BMI as digits, e.g. 24.5.'],
    ['-5', 'BMI cannot be negative.'],
    ['500', /^BMI 500 is outside the range this model can answer for \(\d+(\.\d+)? to \d+(\.\d+)?\)\.$/],
    ['Infinity', '"Infinity" is not a number. Enter BMI as digits, e.g. 24.5.'],
  ] as const)('bad input %j: a message and the error event, never a number', async ([input, expected], { openPage: open }) => {
    const { page, errors } = await open('/pages/sample.html');
    await waitForModel(page);
    const result = await predictText(page, input);
    expect(result.output).toBe('—');
    expect(result.message).toMatch(expected);
    await expect(field(page).getAttribute('aria-invalid')).resolves.toBe('true');
    const events = await recordedEvents(page);
    expect(events).toEqual([{ type: 'bmi-predictor-error', detail: { message: result.message } }]);
    expect(errors).toEqual([]);
  });

  test('a weights file dropped onto it replaces the weights, with a highlight while dragging; a wrong file is refused and the weights stay', async ({
    openPage: open,
  }) => {
    const { page, errors } = await open('/pages/sample.html');
    await waitForModel(page);
    const hint = page.locator('bmi-predictor [part=drop-hint]');
    await expect(hint.isVisible()).resolves.toBe(false);

    await dragFile(page, 'dragenter', { name: 'identity.json', text: JSON.stringify(identityWeights) });
    await expect(hint.isVisible()).resolves.toBe(true);
    await expect(page.locator('bmi-predictor [part=box]').getAttribute('class')).resolves.toMatch(/\bdragging\b/);
    await dragFile(page, 'dragleave');
    await expect(hint.isVisible()).resolves.toBe(false);

    await dragFile(page, 'dragenter', { name: 'identity.json', text: JSON.stringify(identityWeights) });
    await dragFile(page, 'drop', { name: 'identity.json', text: JSON.stringify(identityWeights) });
    await expect(hint.isVisible()).resolves.toBe(false);
    await page.waitForFunction(
      () => (document.querySelector('bmi-predictor') as HTMLElement & { model: { slope: number } }).model.slope === 1,
    );
    expect((await predictText(page, '28.45')).output).toBe('28.4 years');

    await dragFile(page, 'drop', { name: 'notes.txt', text: 'not weights at all' });
    const refusal = await waitForError(page);
    expect(refusal).toMatch(/^notes\.txt: The file is not valid JSON \(.+\)\. It is not a weights file\. The current model is kept\.$/s);
    expect((await recordedEvents(page)).at(-1)).toEqual({ type: 'bmi-predictor-error', detail: { message: refusal } });
    expect((await predictText(page, '28.45')).output).toBe('28.4 years');
    expect(errors).toEqual([]);
  });

  test('follows the page colour scheme: light on a page that does not declare dark, dark on one that does', async ({ openPage: open }) => {
    const accentOf = async (path: string): Promise<string> => {
      const { page, errors } = await open(path, { colorScheme: 'dark' });
      await waitForModel(page);
      const colour = await page.locator('bmi-predictor [part=button]').evaluate((button) => getComputedStyle(button).backgroundColor);
      expect(errors).toEqual([]);
      return colour;
    };
    // A page that never declared a dark scheme stays white under a dark preference: keep the light colours.
    expect(await accentOf('/pages/sample.html')).toBe('rgb(36, 87, 197)');
    expect(await accentOf('/pages/dark-aware.html')).toBe('rgb(122, 162, 255)');
  });

  test('is styled through custom properties and ::part()', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/styled.html');
    await output(page).filter({ hasNotText: '—' }).waitFor({ timeout: 10_000 });
    const button = page.locator('bmi-predictor [part=button]');
    await expect(button.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe('rgb(1, 2, 3)');
    await expect(button.evaluate((b) => getComputedStyle(b).borderTopLeftRadius)).resolves.toBe('9px');
    await expect(output(page).evaluate((o) => getComputedStyle(o).color)).resolves.toBe('rgb(4, 5, 6)');
    expect(errors).toEqual([]);
  });

  test('a second copy of the script on the page does not redefine the tag', async ({ openPage: open }) => {
    const { page, errors } = await open('/pages/sample.html');
    await waitForModel(page);
    // A string, so the test runner does not rewrite the page's import() as its own.
    const same = await page.evaluate(`(async () => {
      const first = customElements.get('bmi-predictor');
      const copy = await import('/bmi-predictor.js?second-copy');
      return copy.BmiPredictor !== first && customElements.get('bmi-predictor') === first;
    })()`);
    expect(same).toBe(true);
    expect((await predictText(page, '28.45')).output).toBe('78.9 years');
    expect(errors).toEqual([]);
  });
});
