/**
 * TensorFlow.js model files both ways: a model as a `tf.sequential` of one dense 1 → 1 layer (kernel =
 * slope, bias = intercept, raw units) saved as `model.json` + `weights.bin`, and such a pair read back.
 *
 * Only tfjs-core's browser file handlers are used, straight from their module: the model.json and the
 * two float32 weights are built and read by core/model/tfjs-linear-artifacts.ts, so neither tfjs-layers nor a
 * backend is loaded (the handlers only move bytes and JSON; they create no tensors). Loaded with a
 * dynamic `import()` all the same.
 */
// What the handlers need from TF.js's environment, and nothing more: the engine module creates the
// environment (flags such as IS_BROWSER; no backend until a tensor is made, and none is here), and the
// browser platform gives the typed-array checks and file reading the handlers call.
import '@tensorflow/tfjs-core/dist/engine';
import '@tensorflow/tfjs-core/dist/platforms/platform_browser';
import { browserDownloads, browserFiles } from '@tensorflow/tfjs-core/dist/io/browser_files';
import { CompositeArrayBuffer } from '@tensorflow/tfjs-core/dist/io/composite_array_buffer';
import type { ModelArtifacts } from '@tensorflow/tfjs-core/dist/io/types';
import type { Model } from '../core/model/model.ts';
import { hyperplaneOf } from '../core/model/model-features.ts';
import type { Hyperplane } from '../core/model/predict.ts';
import {
  hyperplaneFromWeightData,
  hyperplaneToWeightData,
  linearModelTopology,
  linearWeightSpecs,
} from '../core/model/tfjs-linear-artifacts.ts';
import { TFJS_METADATA_KEY } from '../core/model/tfjs-model-json.ts';
import { toWeightsFile } from '../core/model/weights-file.ts';

/**
 * Downloads `<name>.json` and `<name>.weights.bin`. The model.json also carries the full weights file
 * in `userDefinedMetadata`, so an import gets the float64 line and its metadata back.
 */
export async function exportTfjsModel(model: Model, name: string): Promise<void> {
  const plane = hyperplaneOf(model);
  const inputs = plane.coefficients.length;
  const artifacts: ModelArtifacts = {
    modelTopology: linearModelTopology(inputs),
    format: 'layers-model',
    generatedBy: 'bmi-predictor',
    convertedBy: null,
    weightSpecs: linearWeightSpecs(inputs),
    weightData: hyperplaneToWeightData(plane),
    userDefinedMetadata: { [TFJS_METADATA_KEY]: toWeightsFile(model) },
  };
  // IOHandler's methods are optional in its type; these handlers have them.
  await browserDownloads(name).save!(artifacts);
}

/**
 * Reads a model.json + weights.bin already checked by `checkLinearModelJson` for `inputs` inputs, and
 * returns its kernel and bias (float32 values) with whatever metadata the model.json carries.
 * `weightsName` is the name the manifest gives the weights file (`manifestWeightsName`): TF.js finds
 * the file by that name, and the browser may have renamed the one given ("… (1).bin").
 */
export async function importTfjsModel(
  json: File,
  bin: File,
  weightsName: string,
  inputs: number,
): Promise<{ plane: Hyperplane; metadata: unknown }> {
  const named = bin.name === weightsName ? bin : new File([bin], weightsName, { type: bin.type });
  const artifacts = await browserFiles([json, named]).load!();
  const data = artifacts.weightData === undefined ? new ArrayBuffer(0) : CompositeArrayBuffer.join(artifacts.weightData);
  const read = hyperplaneFromWeightData(data, artifacts.weightSpecs ?? [], inputs);
  if (!read.ok) throw new Error(read.error);
  return { plane: read.plane, metadata: artifacts.userDefinedMetadata };
}
