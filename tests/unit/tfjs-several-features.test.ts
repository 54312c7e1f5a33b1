import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { closedFormModel } from '../../src/core/model/closed-form-model.ts';
import { hyperplaneOf } from '../../src/core/model/model-features.ts';
import {
  hyperplaneFromWeightData,
  hyperplaneToWeightData,
  linearModelTopology,
  linearWeightSpecs,
} from '../../src/core/model/tfjs-linear-artifacts.ts';
import { checkLinearModelJson, expectedInputs, modelFromTfjsHyperplane, TFJS_METADATA_KEY } from '../../src/core/model/tfjs-model-json.ts';
import { toWeightsFile } from '../../src/core/model/weights-file.ts';
import { bundledDataset } from './bundled-data.ts';
import { rFixture } from './r-lm-fixtures.ts';

const { fixture, csv } = rFixture('trees');
const parsed = parseCsv(csv, { features: fixture.features, target: fixture.target });
if (!parsed.ok) throw new Error(parsed.error);
const dataset = parsed.dataset;
const model = closedFormModel(dataset, new Date('2026-12-05T00:00:00Z'));
const plane = hyperplaneOf(model);
const float32 = { coefficients: plane.coefficients.map(Math.fround), intercept: Math.fround(plane.intercept) };

function modelJson(inputs: number): Record<string, unknown> {
  return {
    format: 'layers-model',
    modelTopology: linearModelTopology(inputs),
    weightsManifest: [{ paths: ['./m.weights.bin'], weights: linearWeightSpecs(inputs) }],
  };
}

describe('TF.js files of a model of several features: one Dense(d → 1) layer', () => {
  it('are what tf.loadLayersModel reads, and predict as the model does', async () => {
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: linearModelTopology(2),
        weightSpecs: linearWeightSpecs(2),
        weightData: hyperplaneToWeightData(plane),
      }),
    );
    const out = loaded.predict(tf.tensor2d([[13, 76]])) as tf.Tensor;
    const expected = fixture.predictions[0].fitted;
    expect(Math.abs((await out.data())[0] - expected) / expected).toBeLessThan(1e-5);
  });

  it('read back the float32 kernel and bias, and refuse a weights file of the wrong size', () => {
    expect(hyperplaneFromWeightData(hyperplaneToWeightData(plane), linearWeightSpecs(2), 2)).toEqual({ ok: true, plane: float32 });
    const short = hyperplaneFromWeightData(new ArrayBuffer(8), linearWeightSpecs(2), 2);
    expect(short.ok ? '' : short.error).toMatch(/holds 8 bytes, not the 12 of a float32 kernel of 2 and a bias/);
  });

  it('pass the architecture check for as many inputs as the model has features, and not for another count', () => {
    expect(checkLinearModelJson(modelJson(2), 'm.json', 2)).toEqual({ ok: true });
    const wrong = checkLinearModelJson(modelJson(2), 'm.json', 3);
    expect(wrong.ok ? '' : wrong.error).toMatch(/takes input of shape \[null, 2\], not \[null, 3\] \(3 numbers per row, one per feature\)/);
  });

  it('expect the inputs of the weights file in their metadata, else of the loaded data', () => {
    expect(expectedInputs({ [TFJS_METADATA_KEY]: toWeightsFile(model) }, bundledDataset)).toBe(2);
    expect(expectedInputs(undefined, dataset)).toBe(2);
    expect(expectedInputs(undefined, bundledDataset)).toBe(1);
    expect(expectedInputs(undefined, null)).toBe(1);
  });

  it('import with the float64 model from their metadata, or described by data of as many features', () => {
    const fromMetadata = modelFromTfjsHyperplane(float32, { [TFJS_METADATA_KEY]: toWeightsFile(model) }, null);
    expect(fromMetadata).toEqual({ ok: true, model, fromMetadata: true });
    const described = modelFromTfjsHyperplane(float32, null, dataset, new Date('2026-12-05T00:00:00Z'));
    expect(described.ok && described.model.moreFeatures?.[0].coefficient).toBe(float32.coefficients[1]);
    const mismatch = modelFromTfjsHyperplane(float32, null, bundledDataset);
    expect(mismatch.ok ? '' : mismatch.error).toMatch(/takes 2 features and the loaded data has 1/);
    const oneOnSeveral = modelFromTfjsHyperplane({ coefficients: [2], intercept: 1 }, null, dataset);
    expect(oneOnSeveral.ok ? '' : oneOnSeveral.error).toMatch(/takes 1 feature and the loaded data has 2/);
  });
});
