import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeData, type Model } from '../../src/core/model/model.ts';
import { leastSquares, metricsOf } from '../../src/core/stats/stats.ts';
import {
  TFJS_METADATA_KEY,
  checkLinearModelJson,
  manifestWeightsName,
  modelFromTfjsLine,
  tfjsModelName,
} from '../../src/core/model/tfjs-model-json.ts';
import { toWeightsFile } from '../../src/core/model/weights-file.ts';
import { bundledDataset } from './bundled-data.ts';
import { REFERENCE } from './reference.ts';

type Json = Record<string, unknown>;

/** The model.json TF.js itself writes for a model (as `downloads://` would), via a save handler. */
async function modelJsonOf(model: tf.LayersModel, binName = 'm.weights.bin'): Promise<Json> {
  let json: Json = {};
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${binName}`], weights: artifacts.weightSpecs }],
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  return JSON.parse(JSON.stringify(json)) as Json;
}

const dense = (config: Parameters<typeof tf.layers.dense>[0]) => tf.layers.dense(config);

const dataset = bundledDataset;
beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('checkLinearModelJson', () => {
  it('accepts the model.json TF.js writes for one dense 1 → 1 layer', async () => {
    const json = await modelJsonOf(tf.sequential({ layers: [dense({ units: 1, inputShape: [1] })] }));
    expect(checkLinearModelJson(json, 'm.json')).toEqual({ ok: true });
  });

  it('accepts a functional model with an input layer', async () => {
    const input = tf.input({ shape: [1] });
    const output = dense({ units: 1 }).apply(input) as tf.SymbolicTensor;
    expect(checkLinearModelJson(await modelJsonOf(tf.model({ inputs: input, outputs: output })), 'm.json')).toEqual({ ok: true });
  });

  it.each([
    ['2 units', () => tf.sequential({ layers: [dense({ units: 2, inputShape: [1] })] }), /has a dense layer of 2 units/],
    [
      '2 layers',
      () => tf.sequential({ layers: [dense({ units: 1, inputShape: [1] }), dense({ units: 1 })] }),
      /has 2 layers \(Dense, Dense\)/,
    ],
    ['3 inputs', () => tf.sequential({ layers: [dense({ units: 1, inputShape: [3] })] }), /input of shape \[null, 3\], not \[null, 1\]/],
    ['a relu', () => tf.sequential({ layers: [dense({ units: 1, inputShape: [1], activation: 'relu' })] }), /"relu" activation/],
    ['no bias', () => tf.sequential({ layers: [dense({ units: 1, inputShape: [1], useBias: false })] }), /without a bias/],
    [
      'another layer type',
      () => tf.sequential({ layers: [tf.layers.activation({ activation: 'linear', inputShape: [1] })] }),
      /has a layer of type Activation, not Dense/,
    ],
  ])('refuses a model with %s, saying what it needs', async (_case, make, message) => {
    const verdict = checkLinearModelJson(await modelJsonOf(make()), 'm.json');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.error).toMatch(message);
      expect(verdict.error).toMatch(/^m\.json /);
    }
  });

  it.each([
    ['a weights file', { format: 'bmi-predictor-weights' }, /is a bmi-predictor weights file, not a TF\.js model\.json/],
    ['other JSON', { a: 1 }, /is not a TF\.js model\.json \(it has no "modelTopology"\)/],
    ['a list', [], /it is not a JSON object/],
    ['a graph model', { format: 'graph-model', modelTopology: { node: [] } }, /graph model/],
  ])('refuses %s', (_case, json, message) => {
    const verdict = checkLinearModelJson(json, 'x.json');
    expect(verdict.ok ? '' : verdict.error).toMatch(message);
  });

  it('takes the one weights file given whatever its name, under the name its manifest gives', async () => {
    const json = await modelJsonOf(tf.sequential({ layers: [dense({ units: 1, inputShape: [1] })] }), 'line.weights.bin');
    // The browser's name for a second download, "line.weights (1).bin", is no reason to refuse.
    expect(checkLinearModelJson(json, 'line (1).json')).toEqual({ ok: true });
    expect(manifestWeightsName(json)).toBe('line.weights.bin');
  });

  it('refuses a manifest that spreads its weights over two files: one file given cannot be both', async () => {
    const json = await modelJsonOf(tf.sequential({ layers: [dense({ units: 1, inputShape: [1] })] }), 'line.weights.bin');
    (json.weightsManifest as Json[])[0].paths = ['./group1-shard1of2.bin', './group1-shard2of2.bin'];
    const verdict = checkLinearModelJson(json, 'm.json');
    expect(verdict.ok ? '' : verdict.error).toMatch(/lists its weights in 2 files \(group1-shard1of2\.bin, group1-shard2of2\.bin\)/);
  });

  it('refuses a manifest with other weight shapes', async () => {
    const json = await modelJsonOf(tf.sequential({ layers: [dense({ units: 1, inputShape: [1] })] }));
    ((json.weightsManifest as Json[])[0].weights as Json[]).pop();
    const verdict = checkLinearModelJson(json, 'm.json');
    expect(verdict.ok ? '' : verdict.error).toMatch(/lists weights of shapes \[1, 1\], not a \[1, 1\] kernel and a \[1\] bias/);
  });
});

describe('modelFromTfjsLine', () => {
  const exact = (): Model => {
    const line = leastSquares(dataset.x, dataset.y);
    const { rows, dataHash, ...described } = describeData(dataset);
    const fit = metricsOf(line, dataset.x, dataset.y);
    return {
      ...line,
      ...described,
      training: {
        epochs: 50,
        optimizer: 'sgd',
        learningRate: 0.1,
        trainMse: fit.mse,
        validationMse: null,
        r2: fit.r2,
        backend: 'webgpu',
        rows,
        dataHash,
        date: '2026-11-25T10:00:00.000Z',
      },
    };
  };
  const float32 = (model: Model) => ({ slope: Math.fround(model.slope), intercept: Math.fround(model.intercept) });

  it("takes the float64 line and metadata back from the app's own metadata", () => {
    const model = exact();
    const result = modelFromTfjsLine(float32(model), { [TFJS_METADATA_KEY]: toWeightsFile(model) }, null);
    expect(result).toEqual({ ok: true, model, fromMetadata: true });
  });

  it('ignores metadata that does not match the weights, and describes the line with the data', () => {
    const model = exact();
    const edited = { slope: 3, intercept: 1 };
    const result = modelFromTfjsLine(edited, { [TFJS_METADATA_KEY]: toWeightsFile(model) }, dataset, new Date('2026-11-26T00:00:00Z'));
    expect(result.ok && result.fromMetadata).toBe(false);
    if (!result.ok) return;
    expect(result.model).toMatchObject({
      slope: 3,
      intercept: 1,
      feature: { name: 'Bmi', unit: 'kg/m²' },
      target: { name: 'LifeExpectancy' },
    });
    expect(result.model.training).toMatchObject({ epochs: 0, backend: 'unknown', rows: 163, date: '2026-11-26T00:00:00.000Z' });
    expect(result.model.training.trainMse).toBeCloseTo(metricsOf(edited, dataset.x, dataset.y).mse, 12);
  });

  it('describes a foreign line with the data, with the fit of that line', () => {
    const result = modelFromTfjsLine(float32(exact()), undefined, dataset);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.model.training.trainMse).toBeCloseTo(REFERENCE.mse, 5);
  });

  it('refuses a foreign line when there is no data to describe it', () => {
    expect(modelFromTfjsLine({ slope: 1, intercept: 0 }, {}, null)).toEqual({ ok: false, error: expect.stringMatching(/load data first/) });
  });

  it('names the files by the model date', () => {
    expect(tfjsModelName(exact())).toBe('bmi-model-2026-11-25');
  });
});
