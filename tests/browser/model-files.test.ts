/**
 * Models that outlive the page: weights files downloaded and dropped back, TF.js model files exported
 * and imported, models saved in IndexedDB and restored after a reload, and training resumed from a
 * loaded file. Each context is a fresh browser profile (its own IndexedDB).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import {
  OPTIMUM_MSE,
  deleteSaved,
  dragFilesOver,
  downloadWeights,
  downloads,
  dropDragged,
  dropFiles,
  lossPoints,
  type FileSpec,
  metricValue,
  plottedLine,
  predictText,
  predictValue,
  setEpochs,
  tensorCount,
  trainAndWait,
  waitForLibraryMessage,
  waitUntilReady,
} from './app-page.ts';
import { NEWEST_WEIGHTS_VERSION, WEIGHTS_VERSION } from '../../src/core/model/weights-file.ts';
import { test, type AppPage, type Open, type OpenOptions } from './browser.ts';
import { tfjsFiles } from './tfjs-fixtures.ts';

let dir: string;
/** The pages the current test opened, whose errors are checked when it ends. */
const pages: AppPage[] = [];

/** A new page on every row (`split=0`), so a trained model is the reference line these tests compare with. */
async function freshApp(open: Open, options: OpenOptions = {}): Promise<AppPage> {
  const app = await open('?split=0', options);
  pages.push(app);
  await waitUntilReady(app.page);
  return app;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmi-model-files-'));
});
afterEach(() => {
  for (const { errors } of pages.splice(0)) expect(errors).toEqual([]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BMI = '21.07931';

describe('weights files', () => {
  test('downloads the trained model, and the file dropped on a fresh page predicts the same', async ({ open }) => {
    const first = await freshApp(open);
    await trainAndWait(first.page);
    const trained = await predictValue(first.page, BMI);
    expect(trained).toBeCloseTo(60.315647164, 2);
    const file = await downloadWeights(first.page, dir);
    expect(file.name).toMatch(/^bmi-weights-\d{4}-\d{2}-\d{2}\.json$/);
    const weights = JSON.parse(file.bytes.toString('utf8'));
    expect(weights).toMatchObject({
      format: 'bmi-predictor-weights',
      version: WEIGHTS_VERSION,
      feature: { name: 'Bmi' },
      target: { name: 'LifeExpectancy' },
      intervals: { level: 0.95, rows: 163 },
    });
    expect(file.name).toBe(`bmi-weights-${weights.training.date.slice(0, 10)}.json`);

    const { page } = await freshApp(open);
    expect((await predictText(page, BMI)).message).toMatch(/No model loaded/);
    const overlay = page.locator('drop-zone [part=overlay]');
    await expect(overlay.isVisible()).resolves.toBe(false);
    await dragFilesOver(page, [{ name: file.name, content: file.bytes, type: 'application/json' }]);
    await overlay.waitFor({ state: 'visible' });
    await expect(overlay.textContent()).resolves.toMatch(/Drop to load/);
    await dropDragged(page);
    await overlay.waitFor({ state: 'hidden' });
    await waitForLibraryMessage(page, /Loaded the weights file/);

    expect(Math.abs((await predictValue(page, BMI)) - trained)).toBeLessThan(1e-6);
    expect(await plottedLine(page)).toEqual({ slope: weights.slope, intercept: weights.intercept });
    // The fit of the loaded model on the data is shown at once.
    expect(Math.abs((await metricValue(page, 'mse')) - weights.training.trainMse)).toBeLessThan(1e-4);
  });

  test('loads a weights file with the file picker too', async ({ open }) => {
    const { page } = await freshApp(open);
    await trainAndWait(page);
    const file = await downloadWeights(page, dir);
    const trained = await predictValue(page, BMI);
    await setEpochs(page, 1);
    await trainAndWait(page);
    expect(await predictValue(page, BMI)).not.toBeCloseTo(trained, 3);
    await page.getByLabel('Load weights file').setInputFiles(file.path);
    await waitForLibraryMessage(page, /Loaded the weights file/);
    expect(await predictValue(page, BMI)).toBe(trained);
  });

  test("makes a weights file dropped on the prediction form the whole app's model", async ({ open }) => {
    const { page } = await freshApp(open);
    const sample = await readFile('public/sample-weights.json');
    const weights = JSON.parse(sample.toString('utf8'));
    await dropFiles(page, [{ name: 'sample-weights.json', content: sample, type: 'application/json' }], page.locator('bmi-predictor'));
    await waitForLibraryMessage(page, /Loaded the weights file/);
    expect(await plottedLine(page)).toEqual({ slope: weights.slope, intercept: weights.intercept });
    expect(await predictValue(page, '28.45')).toBeCloseTo(78.8785783793, 9);
  });

  test('loads data when a CSV is dropped on the page', async ({ open }) => {
    const { page } = await freshApp(open);
    await dropFiles(page, [{ name: 'four.csv', content: 'Bmi,Country,LifeExpectancy\n20,A,60\n22,B,65\n26,D,75\n', type: 'text/csv' }]);
    // Reading the dropped file is asynchronous: wait for the summary to change.
    await page
      .locator('data-panel [data-summary]')
      .filter({ hasText: /3\s+rows from\s+four\.csv/ })
      .waitFor();
  });

  test('resumes training from a loaded file where its loss left off', async ({ open }) => {
    const first = await freshApp(open);
    await setEpochs(first.page, 3);
    await trainAndWait(first.page);
    const file = await downloadWeights(first.page, dir);
    const saved = JSON.parse(file.bytes.toString('utf8'));
    const untrained = (await lossPoints(first.page))[0].trainLoss;

    const { page } = await freshApp(open);
    await dropFiles(page, [{ name: file.name, content: file.bytes }]);
    await waitForLibraryMessage(page, /Loaded the weights file/);
    await setEpochs(page, 20);
    await page.getByLabel('Continue from the current model').check();
    await trainAndWait(page);
    const points = await lossPoints(page);
    expect(untrained).toBeGreaterThan(75);
    expect(saved.training.trainMse).toBeLessThan(untrained - 10);
    expect(saved.training.trainMse).toBeGreaterThan(OPTIMUM_MSE + 1);
    // The first point is epoch 0, the starting point: the loaded model's own MSE.
    expect(points[0].epoch).toBe(0);
    expect(Math.abs(points[0].trainLoss - saved.training.trainMse) / saved.training.trainMse).toBeLessThan(1e-4);
    expect(points.at(-1)!.trainLoss).toBeLessThan(points[0].trainLoss);
    // The continued model counts the loaded model's epochs too.
    const continued = JSON.parse((await downloadWeights(page, dir)).bytes.toString('utf8'));
    expect(continued.training.epochs).toBe(23);
  });
});

describe('the browser keeps models (IndexedDB)', () => {
  test('restores the last trained model after a reload', async ({ open }) => {
    const { page } = await freshApp(open);
    await trainAndWait(page);
    const trained = await predictValue(page, BMI);
    await page.reload();
    await page
      .locator('model-library [data-current]')
      .filter({ hasText: /Restored from your last visit/ })
      .waitFor();
    expect(await predictValue(page, BMI)).toBe(trained);
  });

  test('saves two named models, lists them newest first, loads the older and deletes one', async ({ open }) => {
    const { page } = await freshApp(open);
    const save = async (name: string, expected = new RegExp(`Saved "${name}"`)): Promise<void> => {
      await page.getByLabel('Model name').fill(name);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await waitForLibraryMessage(page, expected);
    };
    await setEpochs(page, 2);
    await trainAndWait(page);
    const twoEpochs = await predictValue(page, BMI);
    await save('two epochs');
    await setEpochs(page, 50);
    await trainAndWait(page);
    const fifty = await predictValue(page, BMI);
    await save('fifty epochs');
    expect(Math.abs(fifty - twoEpochs)).toBeGreaterThan(0.1);

    const items = page.locator('model-library li');
    await expect(items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-name')))).resolves.toEqual([
      'fifty epochs',
      'two epochs',
    ]);
    await expect(items.first().textContent()).resolves.toMatch(/MSE 43\.02 · R² 0\.463/);

    await page.getByRole('button', { name: 'Load model two epochs' }).click();
    await waitForLibraryMessage(page, /Loaded the saved model "two epochs"/);
    expect(await predictValue(page, BMI)).toBe(twoEpochs);

    await deleteSaved(page, 'fifty epochs');
    await waitForLibraryMessage(page, /Deleted the saved model "fifty epochs"/);
    await expect(items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-name')))).resolves.toEqual(['two epochs']);

    // Saving under a name in use replaces that model.
    await save('two epochs', /Replaced the saved model "two epochs"/);

    await page.reload();
    await page
      .locator('model-library [data-current]')
      .filter({ hasText: /Restored/ })
      .waitFor();
    await expect(items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-name')))).resolves.toEqual(['two epochs']);
    // The model loaded last is the one restored.
    expect(await predictValue(page, BMI)).toBe(twoEpochs);
  });

  test('reports damaged records instead of trusting them', async ({ open }) => {
    const { page } = await freshApp(open);
    await page.locator('model-library [data-saved-empty]').waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('bmi-predictor');
          request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
          request.onsuccess = () => {
            const tx = request.result.transaction('models', 'readwrite');
            const store = tx.objectStore('models');
            store.put(
              { name: 'broken', savedAt: new Date().toISOString(), weights: { format: 'bmi-predictor-weights', version: 1, slope: 'abc' } },
              ['saved', 'broken'],
            );
            store.put({ weights: { format: 'something-else' } }, 'current');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
          };
        }),
    );
    await page.reload();
    const message = await waitForLibraryMessage(page, /could not be restored/);
    expect(message.kind).toBe('error');
    expect(message.text).toMatch(/not a bmi-predictor weights file/);
    await expect(page.locator('model-library li[data-damaged]').textContent()).resolves.toMatch(
      /broken\s*Damaged: The weights file is missing/,
    );
    expect((await predictText(page, BMI)).message).toMatch(/No model loaded/);
    await deleteSaved(page, 'broken');
    await page.locator('model-library [data-saved-empty]').waitFor();
  });

  test.for<[string, () => void, RegExp]>([
    [
      'indexedDB.open throws',
      () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('IndexedDB is blocked here', 'SecurityError');
        };
      },
      /Saving in this browser is off \(SecurityError: IndexedDB is blocked here\)/,
    ],
    [
      'there is no indexedDB',
      () => {
        delete (window as { indexedDB?: IDBFactory }).indexedDB;
      },
      /Saving in this browser is off \(this browser offers no IndexedDB\)/,
    ],
  ])(
    'when %s: says saving is off, and training, predicting, downloading and loading files still work',
    async ([, initScript, notice], { open }) => {
      const { page } = await freshApp(open, { initScript });
      await expect(page.locator('model-library [data-storage-off]').textContent()).resolves.toMatch(notice);
      await expect(page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).resolves.toBe(true);
      await trainAndWait(page);
      expect(Math.abs((await metricValue(page, 'mse')) - OPTIMUM_MSE) / OPTIMUM_MSE).toBeLessThan(1e-3);
      const trained = await predictValue(page, BMI);
      const file = await downloadWeights(page, dir);
      await setEpochs(page, 1);
      await trainAndWait(page);
      await dropFiles(page, [{ name: file.name, content: file.bytes }]);
      await waitForLibraryMessage(page, /Loaded the weights file/);
      expect(await predictValue(page, BMI)).toBe(trained);
    },
  );
});

describe('TF.js model files', () => {
  test('exports model.json + weights.bin and imports them on a fresh page with the same prediction, loading TF.js code lazily', async ({
    open,
  }) => {
    const first = await freshApp(open);
    const chunkRequested = (page: typeof first.page): Promise<boolean> =>
      page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('tfjs-model-files')));
    await trainAndWait(first.page);
    const trained = await predictValue(first.page, BMI);
    expect(await chunkRequested(first.page)).toBe(false);
    const files = await downloads(first.page, dir, () => first.page.getByRole('button', { name: 'Export TF.js files' }).click(), 2);
    expect(await chunkRequested(first.page)).toBe(true);
    const json = files.find((f) => f.name.endsWith('.json'))!;
    const bin = files.find((f) => f.name.endsWith('.weights.bin'))!;
    expect(json.name).toMatch(/^bmi-model-\d{4}-\d{2}-\d{2}\.json$/);
    const modelJson = JSON.parse(json.bytes.toString('utf8'));
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.modelTopology.config.layers).toHaveLength(1);
    expect(modelJson.modelTopology.config.layers[0]).toMatchObject({
      class_name: 'Dense',
      config: { units: 1, use_bias: true, activation: 'linear', batch_input_shape: [null, 1] },
    });
    expect(modelJson.userDefinedMetadata.bmiPredictor).toMatchObject({
      format: 'bmi-predictor-weights',
      version: WEIGHTS_VERSION,
      intervals: { degreesOfFreedom: 161 },
    });
    // kernel = slope and bias = intercept, raw units, float32.
    const [kernel, bias] = new Float32Array(new Uint8Array(bin.bytes).buffer);
    expect(bin.bytes.length).toBe(8);
    expect(kernel).toBe(Math.fround(modelJson.userDefinedMetadata.bmiPredictor.slope));
    expect(bias).toBe(Math.fround(modelJson.userDefinedMetadata.bmiPredictor.intercept));

    const { page } = await freshApp(open);
    const tensorsBefore = await tensorCount(page);
    await page.getByLabel(/Import TF.js files/).setInputFiles([json.path, bin.path]);
    await waitForLibraryMessage(page, /Loaded the TF\.js model/);
    expect(Math.abs((await predictValue(page, BMI)) - trained)).toBeLessThan(1e-6);

    // Dropped together, the pair loads as well; and importing left no tensors behind.
    await setEpochs(page, 1);
    await trainAndWait(page);
    expect(await tensorCount(page)).toBe(tensorsBefore);
    await dropFiles(page, [
      { name: bin.name, content: bin.bytes },
      { name: json.name, content: json.bytes, type: 'application/json' },
    ]);
    await waitForLibraryMessage(page, /Loaded the TF\.js model/);
    expect(Math.abs((await predictValue(page, BMI)) - trained)).toBeLessThan(1e-6);
  });

  test('imports TF.js files without metadata as a float32 line described by the loaded data', async ({ open }) => {
    const { page } = await freshApp(open);
    const { json, bin } = tfjsFiles([{ inputs: 1, units: 1 }], [2.5, 7]);
    await dropFiles(page, [json, bin]);
    const message = await waitForLibraryMessage(page, /Loaded the TF\.js model/);
    expect(message.text).toMatch(/column names and scaling from the loaded data/);
    expect(await predictValue(page, BMI)).toBeCloseTo(2.5 * 21.07931 + 7, 9);
    await expect(page.locator('model-library [data-current]').textContent()).resolves.toMatch(/Life expectancy = 2\.5000 × BMI \+ 7\.0000/);
  });

  test('imports a pair the browser renamed on a second download ("… (1).json", "….weights (1).bin")', async ({ open }) => {
    const { page } = await freshApp(open);
    const { json, bin } = tfjsFiles([{ inputs: 1, units: 1 }], [2.5, 7], 'bmi-model-2026-11-25');
    await dropFiles(page, [
      { ...json, name: 'bmi-model-2026-11-25 (1).json' },
      { ...bin, name: 'bmi-model-2026-11-25.weights (1).bin' },
    ]);
    const message = await waitForLibraryMessage(page, /Loaded the TF\.js model|TF\.js|weights/);
    expect(message.kind).not.toBe('error');
    expect(message.text).toMatch(
      /Loaded the TF\.js model "bmi-model-2026-11-25 \(1\)\.json" \+ "bmi-model-2026-11-25\.weights \(1\)\.bin"/,
    );
    expect(await predictValue(page, BMI)).toBeCloseTo(2.5 * 21.07931 + 7, 9);
  });
});

describe('bad model files are refused by name, and nothing is lost', () => {
  /** A fresh trained page, its prediction at BMI 21.07931 and its downloaded weights file. */
  async function trainedWithWeights(open: Open) {
    const app = await freshApp(open);
    await trainAndWait(app.page);
    return { ...app, trained: await predictValue(app.page, BMI), good: (await downloadWeights(app.page, dir)).bytes.toString('utf8') };
  }

  const weightsWith = (edit: (text: string) => string) => (good: string) => [
    { name: 'edited.json', content: edit(good), type: 'application/json' },
  ];
  const setSlope = (value: string) => weightsWith((text) => text.replace(/"slope": [^,]+/, `"slope": ${value}`));
  const tfjsModel = tfjsFiles([{ inputs: 1, units: 1 }], [2.5, 7], 'line');

  const refused: [string, (good: string) => FileSpec[], RegExp][] = [
    ['text that is not JSON', () => [{ name: 'notes.json', content: 'slope = 2.5' }], /"notes\.json": The file is not valid JSON \(/],
    ['"slope": NaN', setSlope('NaN'), /it has "slope": NaN, and JSON has no NaN or Infinity/],
    [
      'JSON of another format',
      () => [{ name: 'other.json', content: '{"format": "keras", "weights": [1, 2]}' }],
      /not a bmi-predictor weights file \(its "format" is "keras"\)/,
    ],
    [
      'a newer version',
      weightsWith((text) => text.replace(`"version": ${WEIGHTS_VERSION}`, `"version": ${NEWEST_WEIGHTS_VERSION + 1}`)),
      new RegExp(
        `version ${NEWEST_WEIGHTS_VERSION + 1}, newer than this app reads \\(version ${NEWEST_WEIGHTS_VERSION}\\)\\. Update the app`,
      ),
    ],
    [
      'missing fields',
      weightsWith((text) => text.replace(/\s*"intercept": [^,]+,/, '').replace(/,\s*"date": "[^"]+"/, '')),
      /missing "intercept", "training\.date"/,
    ],
    ['"slope": "abc"', setSlope('"abc"'), /"slope" must be a finite number \(found "abc"\)/],
    ['"slope": 1e999', setSlope('1e999'), /"slope" must be a finite number \(found Infinity\)/],
    [
      'a file over 1 MB',
      () => [{ name: 'huge.json', content: `{"padding": "${'x'.repeat(1_100_000)}"}` }],
      /"huge\.json": The file is 1\.1 MB; a weights file is at most 1\.0 MB/,
    ],
    [
      'a model.json without its weights.bin',
      () => [tfjsModel.json],
      /TensorFlow\.js model\.json, not a bmi-predictor weights file; import it together with its weights\.bin/,
    ],
    ['a weights.bin without its model.json', () => [tfjsModel.bin], /"line\.weights\.bin" is TF\.js weights data without its model\.json/],
    [
      'a TF.js model of 2 units',
      () => {
        const f = tfjsFiles([{ inputs: 1, units: 2 }], [1, 2, 3, 4]);
        return [f.json, f.bin];
      },
      /has a dense layer of 2 units; bmi-predictor imports a model of exactly one dense layer/,
    ],
    [
      'a TF.js model of 2 layers',
      () => {
        const f = tfjsFiles(
          [
            { inputs: 1, units: 1 },
            { inputs: 1, units: 1 },
          ],
          [1, 2, 3, 4],
        );
        return [f.json, f.bin];
      },
      /has 2 layers \(Dense, Dense\)/,
    ],
    [
      'a TF.js model of 3 inputs',
      () => {
        const f = tfjsFiles([{ inputs: 3, units: 1 }], [1, 2, 3, 4]);
        return [f.json, f.bin];
      },
      /takes input of shape \[null, 3\], not \[null, 1\]/,
    ],
    [
      'a model.json whose weights are in two files',
      () => {
        const split = tfjsFiles([{ inputs: 1, units: 1 }], [2.5, 7], 'line');
        const manifest = split.modelJson.weightsManifest as { paths: string[] }[];
        manifest[0].paths = ['./line.shard1.bin', './line.shard2.bin'];
        return [{ ...split.json, content: JSON.stringify(split.modelJson) }, split.bin];
      },
      /"line\.json" lists its weights in 2 files \(line\.shard1\.bin, line\.shard2\.bin\)/,
    ],
    [
      'a truncated weights.bin',
      () => [tfjsModel.json, { ...tfjsModel.bin, content: new Uint8Array(4) }],
      /TensorFlow\.js could not read "line\.json" with "line\.weights\.bin"/,
    ],
    ['three files at once', () => [tfjsModel.json, tfjsModel.bin, { name: 'x.csv', content: 'a,b\n1,2\n' }], /Got 3 files/],
  ];

  test(`refuses each dropped file that is not a usable model, keeping the model and the data (${refused.length} kinds)`, async ({
    open,
  }) => {
    const { page, trained, good } = await trainedWithWeights(open);
    for (const [kind, files, message] of refused) {
      await dropFiles(page, files(good));
      const shown = await waitForLibraryMessage(page, message);
      expect(shown.kind, kind).toBe('error');
      expect(shown.text, kind).toMatch(/The current model is kept\.$/);
      expect(await predictValue(page, BMI), kind).toBe(trained);
      await expect(page.locator('data-panel [data-summary]').textContent(), kind).resolves.toMatch(/163\s+rows/);
    }
  });

  test('refuses a bad file from the file picker the same way', async ({ open }) => {
    const { page, trained, good } = await trainedWithWeights(open);
    await page.getByLabel('Load weights file').setInputFiles({
      name: 'nan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(good.replace(/"intercept": [^,]+/, '"intercept": Infinity')),
    });
    await waitForLibraryMessage(page, /"nan\.json": The file is not valid JSON: it has "intercept": Infinity/);
    expect(await predictValue(page, BMI)).toBe(trained);
  });

  test('warns about a weights file for a column the data does not have, and still predicts with it', async ({ open }) => {
    const { page, trained, good } = await trainedWithWeights(open);
    const weights = JSON.parse(good);
    weights.feature = { name: 'Weight', unit: 'kg', min: 40, max: 120 };
    weights.slope = 0.25;
    weights.intercept = 50;
    await dropFiles(page, [{ name: 'weight.json', content: JSON.stringify(weights) }]);
    const shown = await waitForLibraryMessage(page, /a column the loaded data does not have/);
    expect(shown.kind).toBe('warning');
    expect(shown.text).toMatch(/predicts Life expectancy from "Weight".*\(it has "Bmi" → "LifeExpectancy"\)/);
    expect(await predictValue(page, '70', 'Weight')).toBeCloseTo(0.25 * 70 + 50, 9);
    expect(await plottedLine(page)).toBeNull();

    // The good file makes it the model again.
    await dropFiles(page, [{ name: 'good.json', content: good }]);
    await waitForLibraryMessage(page, /Loaded the weights file "good\.json"/);
    expect(await predictValue(page, BMI)).toBe(trained);
  });
});
