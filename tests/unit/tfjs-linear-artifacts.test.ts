import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LINEAR_WEIGHT_SPECS,
  lineFromWeightData,
  lineToWeightData,
  linearModelTopology,
} from '../../src/core/model/tfjs-linear-artifacts.ts';
import { checkLinearModelJson } from '../../src/core/model/tfjs-model-json.ts';
import { REFERENCE } from './reference.ts';

const line = { slope: REFERENCE.slope, intercept: REFERENCE.intercept };
const specs = () => LINEAR_WEIGHT_SPECS.map((spec) => ({ ...spec, shape: [...spec.shape] }));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the hand-built TF.js files of a line', () => {
  it('are a model.json that passes checkLinearModelJson', () => {
    const modelJson = {
      modelTopology: linearModelTopology(),
      format: 'layers-model',
      weightsManifest: [{ paths: ['./m.weights.bin'], weights: specs() }],
    };
    expect(checkLinearModelJson(JSON.parse(JSON.stringify(modelJson)), 'm.json')).toEqual({ ok: true });
  });

  it('load in TF.js as a layers model that predicts the float32 line', async () => {
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: linearModelTopology(), weightSpecs: specs(), weightData: lineToWeightData(line) }),
    );
    const [kernel, bias] = model.getWeights();
    expect((await kernel.data())[0]).toBe(Math.fround(line.slope));
    expect((await bias.data())[0]).toBe(Math.fround(line.intercept));
    const output = model.predict(tf.tensor2d([[28.45]])) as tf.Tensor;
    expect((await output.data())[0]).toBeCloseTo(REFERENCE.predictionAt28, 4);
    output.dispose();
    model.dispose();
  });

  it('read back the float32 kernel and bias from the weights data', () => {
    expect(lineFromWeightData(lineToWeightData(line), specs())).toEqual({
      ok: true,
      line: { slope: Math.fround(line.slope), intercept: Math.fround(line.intercept) },
    });
  });

  it.each([
    ['a truncated weights file', new ArrayBuffer(4), specs(), /holds 4 bytes, not the 8 of a float32 kernel and bias/],
    ['a longer weights file', new ArrayBuffer(12), specs(), /holds 12 bytes/],
    [
      'float16 weights',
      new ArrayBuffer(4),
      specs().map((spec) => ({ ...spec, dtype: 'float16' })),
      /stored as float16, float16; bmi-predictor reads float32 weights/,
    ],
    [
      'quantized weights',
      new ArrayBuffer(2),
      specs().map((spec) => ({ ...spec, quantization: { dtype: 'uint8', min: 0, scale: 1 } })),
      /float32 \(quantized\)/,
    ],
  ])('refuse %s by name', (_what, data, weightSpecs, message) => {
    const read = lineFromWeightData(data, weightSpecs);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(message);
  });
});
