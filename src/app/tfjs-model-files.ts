/**
 * TensorFlow.js model files both ways: a model as a `tf.sequential` of one dense 1 → 1 layer (kernel =
 * slope, bias = intercept, raw units) saved as `model.json` + `weights.bin`, and such a pair read back.
 * Imports TF.js, so it is only ever loaded with a dynamic `import()`.
 */
import * as tf from '@tensorflow/tfjs';
import type { Model } from '../core/model.ts';
import type { Line } from '../core/predict.ts';
import { TFJS_METADATA_KEY } from '../core/tfjs-model-json.ts';
import { toWeightsFile } from '../core/weights-file.ts';

function linearLayersModel(line: Line): tf.Sequential {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], useBias: true, activation: 'linear' })] });
  tf.tidy(() => model.layers[0]!.setWeights([tf.tensor2d([[line.slope]]), tf.tensor1d([line.intercept])]));
  return model;
}

/**
 * Downloads `<name>.json` and `<name>.weights.bin`. The model.json also carries the full weights file
 * in `userDefinedMetadata`, so an import gets the float64 line and its metadata back.
 */
export async function exportTfjsModel(model: Model, name: string): Promise<void> {
  await tf.ready();
  const layersModel = linearLayersModel(model);
  try {
    layersModel.setUserDefinedMetadata({ [TFJS_METADATA_KEY]: toWeightsFile(model) });
    await layersModel.save(`downloads://${name}`);
  } finally {
    layersModel.dispose();
  }
}

/**
 * Loads a model.json + weights.bin already checked by `checkLinearModelJson`, and returns its kernel
 * and bias (float32 values) with whatever metadata the model.json carries.
 */
export async function importTfjsModel(json: File, bin: File): Promise<{ line: Line; metadata: unknown }> {
  await tf.ready();
  const layersModel = await tf.loadLayersModel(tf.io.browserFiles([json, bin]));
  try {
    const [kernel, bias] = layersModel.getWeights();
    if (!kernel || !bias) throw new Error('the model has no kernel and bias');
    const [slope, intercept] = await Promise.all([kernel.data(), bias.data()]);
    return { line: { slope: slope[0]!, intercept: intercept[0]! }, metadata: layersModel.getUserDefinedMetadata() };
  } finally {
    layersModel.dispose();
  }
}
