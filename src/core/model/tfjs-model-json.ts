/**
 * What bmi-predictor accepts from TensorFlow.js model files (`model.json` + `weights.bin`), without
 * TensorFlow.js: the architecture check, run before TF.js is loaded so a wrong file is refused fast
 * and by name, and the Model an imported line becomes.
 *
 * A line is a `tf.sequential` of one dense layer, 1 input → 1 unit, linear, with a bias: kernel =
 * slope and bias = intercept in raw units. Model files carry weights in float32 and no column names,
 * so the app also writes its whole weights file into the model.json's `userDefinedMetadata`; an
 * import uses it when it matches the weights, and otherwise describes the line with the current data.
 */
import type { Dataset } from '../data/dataset.ts';
import { featureColumns } from '../data/feature-columns.ts';
import { isJsonObject, type JsonObject } from '../json-object.ts';
import { modelFromHyperplane, modelFromLine, type Model } from './model.ts';
import { hyperplaneOf } from './model-features.ts';
import type { Hyperplane, Line } from './predict.ts';
import type { Result } from '../result.ts';
import { modelProblem, UNKNOWN_BACKEND, validateWeights } from './weights-file.ts';

/** The key under `userDefinedMetadata` that holds the app's weights file. */
export const TFJS_METADATA_KEY = 'bmiPredictor';

export type Verdict = Result;

/** What an import must be, for a model of `inputs` features. */
const expected = (inputs: number): string =>
  `bmi-predictor imports a model of exactly one dense layer with ${inputs} input${inputs === 1 ? '' : 's'} and 1 unit, linear, with a bias`;

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The layers of a Sequential or functional topology, as TF.js and the Keras converter write them. */
function layersOf(topology: JsonObject): unknown[] | undefined {
  const root = isJsonObject(topology.model_config) ? topology.model_config : topology;
  const config = root.config;
  if (Array.isArray(config)) return config as unknown[];
  return isJsonObject(config) && Array.isArray(config.layers) ? (config.layers as unknown[]) : undefined;
}

function shapeText(shape: unknown): string {
  return Array.isArray(shape) ? `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]` : String(shape);
}

/**
 * Checks a parsed model.json: a layers model of one dense `inputs` → 1 layer with a bias and two
 * weights ([inputs, 1] kernel, [1] bias) in one weights file. The weights file's own name does not
 * matter: a browser renames a second download ("… (1).bin"), and the one file given is the one meant.
 */
export function checkLinearModelJson(json: unknown, jsonName: string, inputs = 1): Verdict {
  const EXPECTED = expected(inputs);
  const refuse = (error: string): Verdict => ({ ok: false, error });
  if (!isJsonObject(json)) return refuse(`${jsonName} is not a TF.js model.json (it is not a JSON object).`);
  if (!isJsonObject(json.modelTopology)) {
    return refuse(
      json.format === 'bmi-predictor-weights'
        ? `${jsonName} is a bmi-predictor weights file, not a TF.js model.json; load it on its own.`
        : `${jsonName} is not a TF.js model.json (it has no "modelTopology").`,
    );
  }
  if (json.format === 'graph-model') return refuse(`${jsonName} is a TF.js graph model; ${EXPECTED} (a layers model).`);

  const layers = layersOf(json.modelTopology);
  if (!layers) return refuse(`${jsonName} has no list of layers in its "modelTopology".`);
  const inputLayer = layers.find((layer) => isJsonObject(layer) && layer.class_name === 'InputLayer') as JsonObject | undefined;
  const computing = layers.filter((layer) => !(isJsonObject(layer) && layer.class_name === 'InputLayer'));
  if (computing.length !== 1) {
    const names = computing.map((layer) => (isJsonObject(layer) ? String(layer.class_name) : '?')).join(', ');
    return refuse(`${jsonName} has ${computing.length} layers${names ? ` (${names})` : ''}; ${EXPECTED}.`);
  }
  const layer = computing[0];
  if (!isJsonObject(layer) || layer.class_name !== 'Dense' || !isJsonObject(layer.config)) {
    return refuse(`${jsonName} has a layer of type ${isJsonObject(layer) ? String(layer.class_name) : 'unknown'}, not Dense; ${EXPECTED}.`);
  }
  const config = layer.config;
  if (config.units !== 1) return refuse(`${jsonName} has a dense layer of ${String(config.units)} units; ${EXPECTED}.`);
  if (config.activation !== undefined && config.activation !== null && config.activation !== 'linear') {
    return refuse(
      `${jsonName} has a dense layer with "${typeof config.activation === 'string' ? config.activation : JSON.stringify(config.activation)}" activation; ${EXPECTED}.`,
    );
  }
  if (config.use_bias === false) return refuse(`${jsonName} has a dense layer without a bias; ${EXPECTED}.`);
  const inputConfig = isJsonObject(inputLayer?.config) ? inputLayer.config : {};
  const shape = config.batch_input_shape ?? inputConfig.batch_input_shape ?? inputConfig.batch_shape;
  if (!Array.isArray(shape) || shape.length !== 2 || shape[0] !== null || shape[1] !== inputs) {
    const perRow = inputs === 1 ? 'one number per row' : `${inputs} numbers per row, one per feature`;
    return refuse(`${jsonName} takes input of shape ${shapeText(shape)}, not [null, ${inputs}] (${perRow}); ${EXPECTED}.`);
  }

  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || !manifest.every(isJsonObject))
    return refuse(`${jsonName} has no "weightsManifest", so its weights cannot be found.`);
  const specs = manifest.flatMap((group) => (Array.isArray(group.weights) ? (group.weights as unknown[]) : []));
  const shapes = specs.map((spec) => shapeText(isJsonObject(spec) ? spec.shape : undefined));
  if (shapes.length !== 2 || shapes[0] !== `[${inputs}, 1]` || shapes[1] !== '[1]') {
    return refuse(`${jsonName} lists weights of shapes ${shapes.join(', ') || '(none)'}, not a [${inputs}, 1] kernel and a [1] bias.`);
  }
  const paths = manifestPaths(json);
  if (paths.length !== 1) {
    return refuse(
      `${jsonName} lists its weights in ${paths.length} files${paths.length > 0 ? ` (${paths.map(basename).join(', ')})` : ''}; bmi-predictor imports a model.json with one weights file.`,
    );
  }
  return { ok: true };
}

function manifestPaths(json: unknown): string[] {
  const manifest = isJsonObject(json) && Array.isArray(json.weightsManifest) ? json.weightsManifest : [];
  return manifest.flatMap((group) => (isJsonObject(group) && Array.isArray(group.paths) ? group.paths.map(String) : []));
}

/**
 * The name the weights file has in a checked model.json's manifest ("bmi-model-2026-11-25.weights.bin"):
 * TF.js looks the file up by it, so the file given, whatever the browser called it, is handed over
 * under this name.
 */
export function manifestWeightsName(json: unknown): string {
  return basename(manifestPaths(json)[0] ?? 'weights.bin');
}

/**
 * How many inputs the model files must take: as many as the features of the weights file the app
 * wrote into their metadata, else of the loaded data (1 without data).
 */
export function expectedInputs(userDefinedMetadata: unknown, dataset: Dataset | null): number {
  const carried = isJsonObject(userDefinedMetadata) ? validateWeights(userDefinedMetadata[TFJS_METADATA_KEY]) : undefined;
  if (carried?.ok) return hyperplaneOf(carried.model).coefficients.length;
  return dataset ? featureColumns(dataset).length : 1;
}

/**
 * The Model for coefficients on several features read from TF.js files, as `modelFromTfjsLine` does
 * for a line (which it is with one feature).
 */
export function modelFromTfjsHyperplane(
  plane: Hyperplane,
  userDefinedMetadata: unknown,
  dataset: Dataset | null,
  now = new Date(),
): Result<{ model: Model; fromMetadata: boolean }> {
  if (plane.coefficients.length === 1) {
    return modelFromTfjsLine({ slope: plane.coefficients[0], intercept: plane.intercept }, userDefinedMetadata, dataset, now);
  }
  const carried = isJsonObject(userDefinedMetadata) ? validateWeights(userDefinedMetadata[TFJS_METADATA_KEY]) : undefined;
  if (carried?.ok) {
    const file = hyperplaneOf(carried.model);
    const same =
      file.coefficients.length === plane.coefficients.length &&
      file.coefficients.every((c, j) => Math.fround(c) === plane.coefficients[j]) &&
      Math.fround(file.intercept) === plane.intercept;
    if (same) return { ok: true, model: carried.model, fromMetadata: true };
  }
  if (!dataset) {
    return { ok: false, error: 'TF.js model files carry no column names or scaling: load data first, then import them.' };
  }
  const countError = featureCountError(plane.coefficients.length, dataset);
  if (countError) return { ok: false, error: countError };
  const model = modelFromHyperplane(plane, dataset, { epochs: 0, optimizer: 'sgd', learningRate: 0, backend: UNKNOWN_BACKEND }, now);
  const problem = modelProblem(model);
  if (problem) return { ok: false, error: `The imported model cannot be used: ${problem}.` };
  return { ok: true, model, fromMetadata: false };
}

/** Why coefficients on `inputs` features cannot be described by the data set's columns, or undefined. */
function featureCountError(inputs: number, dataset: Dataset): string | undefined {
  const features = featureColumns(dataset).length;
  return inputs === features
    ? undefined
    : `The TF.js model takes ${inputs} feature${inputs === 1 ? '' : 's'} and the loaded data has ${features}: choose as many features, in the model's order, then import it.`;
}

/**
 * The Model for a line read from TF.js files: the app's own metadata when the file carries it and it
 * matches the float32 weights (so the float64 line comes back exactly), else the line described by
 * `dataset`, its column names, scaling and fit.
 */
export function modelFromTfjsLine(
  line: Line,
  userDefinedMetadata: unknown,
  dataset: Dataset | null,
  now = new Date(),
): Result<{ model: Model; fromMetadata: boolean }> {
  const carried = isJsonObject(userDefinedMetadata) ? validateWeights(userDefinedMetadata[TFJS_METADATA_KEY]) : undefined;
  if (carried?.ok && Math.fround(carried.model.slope) === line.slope && Math.fround(carried.model.intercept) === line.intercept) {
    return { ok: true, model: carried.model, fromMetadata: true };
  }
  if (!dataset) {
    return { ok: false, error: 'TF.js model files carry no column names or scaling: load data first, then import them.' };
  }
  const countError = featureCountError(1, dataset);
  if (countError) return { ok: false, error: countError };
  const model = modelFromLine(line, dataset, { epochs: 0, optimizer: 'sgd', learningRate: 0, backend: UNKNOWN_BACKEND }, now);
  // The same rule as a weights file: a line that overflows on this data is not a model.
  const problem = modelProblem(model);
  if (problem) return { ok: false, error: `The imported line cannot be used: ${problem}.` };
  return { ok: true, model, fromMetadata: false };
}

/** The name TF.js downloads get: `bmi-model-2026-11-25` → `….json` and `….weights.bin`. */
export function tfjsModelName(model: Model): string {
  return `bmi-model-${model.training.date.slice(0, 10)}`;
}
