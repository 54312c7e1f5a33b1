/**
 * The TF.js model files of a line, or of coefficients on d features, built and read by hand: the
 * `modelTopology` of one dense d → 1 layer, its two weight specs and the weights file (d + 1 float32
 * numbers). So the app writes and reads
 * TF.js files with tfjs-core's browser file handlers alone, without tfjs-layers or a backend. Only the
 * lazily loaded export/import code uses it (what is checked before loading is in tfjs-model-json.ts).
 */
import { isJsonObject, type JsonObject } from '../json-object.ts';
import type { Hyperplane, Line } from './predict.ts';
import type { Result } from '../result.ts';

/** The layer's name in the topology and the manifest, as `tf.layers.dense` names the first one. */
const DENSE_NAME = 'dense_Dense1';

/**
 * The `modelTopology` TF.js 4.22 writes for `tf.sequential` of one dense layer, `inputs` → 1 unit,
 * linear, with a bias: what `tf.loadLayersModel` reads back.
 */
export function linearModelTopology(inputs = 1): JsonObject {
  return {
    class_name: 'Sequential',
    config: {
      name: 'sequential_1',
      layers: [
        {
          class_name: 'Dense',
          config: {
            units: 1,
            activation: 'linear',
            use_bias: true,
            kernel_initializer: {
              class_name: 'VarianceScaling',
              config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null },
            },
            bias_initializer: { class_name: 'Zeros', config: {} },
            kernel_regularizer: null,
            bias_regularizer: null,
            activity_regularizer: null,
            kernel_constraint: null,
            bias_constraint: null,
            name: DENSE_NAME,
            trainable: true,
            batch_input_shape: [null, inputs],
            dtype: 'float32',
          },
        },
      ],
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

/** The manifest entries of the two weights, in the order their bytes follow each other. */
export const LINEAR_WEIGHT_SPECS = [
  { name: `${DENSE_NAME}/kernel`, shape: [1, 1], dtype: 'float32' },
  { name: `${DENSE_NAME}/bias`, shape: [1], dtype: 'float32' },
] as const;

/** The manifest entries of a dense layer of `inputs` inputs: a [inputs, 1] kernel and a [1] bias. */
export function linearWeightSpecs(inputs: number): { name: string; shape: number[]; dtype: 'float32' }[] {
  return LINEAR_WEIGHT_SPECS.map((spec, i) => ({ ...spec, shape: i === 0 ? [inputs, 1] : [...spec.shape] }));
}

/** The weights file of a line: kernel (the slope) then bias (the intercept), float32, little-endian. */
export function lineToWeightData(line: Line): ArrayBuffer {
  return hyperplaneToWeightData({ coefficients: [line.slope], intercept: line.intercept });
}

/** The weights file of coefficients on d features: the kernel (one per feature) then the bias, float32, little-endian. */
export function hyperplaneToWeightData(plane: Hyperplane): ArrayBuffer {
  const values = [...plane.coefficients, plane.intercept];
  const bytes = new DataView(new ArrayBuffer(4 * values.length));
  values.forEach((value, i) => bytes.setFloat32(4 * i, value, true));
  return bytes.buffer;
}

/**
 * The coefficients in a weights file of a dense layer of `inputs` inputs whose manifest passed
 * `checkLinearModelJson`: inputs + 1 float32 numbers, kernel then bias. Refuses other sizes and
 * encodings (float16, quantized weights) by name.
 */
export function hyperplaneFromWeightData(data: ArrayBuffer, specs: readonly unknown[], inputs: number): Result<{ plane: Hyperplane }> {
  if (inputs === 1) {
    const read = lineFromWeightData(data, specs);
    return read.ok ? { ok: true, plane: { coefficients: [read.line.slope], intercept: read.line.intercept } } : read;
  }
  const encodingError = encodingProblem(specs);
  if (encodingError) return { ok: false, error: encodingError };
  if (data.byteLength !== 4 * (inputs + 1)) {
    return {
      ok: false,
      error: `the weights file holds ${data.byteLength} bytes, not the ${4 * (inputs + 1)} of a float32 kernel of ${inputs} and a bias.`,
    };
  }
  const view = new DataView(data);
  const values = Array.from({ length: inputs + 1 }, (_, i) => view.getFloat32(4 * i, true));
  if (!values.every(Number.isFinite)) {
    return { ok: false, error: `its weights are not finite numbers (${values.join(', ')}), so it cannot predict.` };
  }
  return { ok: true, plane: { coefficients: values.slice(0, inputs), intercept: values[inputs] } };
}

/** Why the weights are not plain float32 numbers, or undefined. */
function encodingProblem(specs: readonly unknown[]): string | undefined {
  const encodings = specs.map((spec) =>
    isJsonObject(spec) ? `${String(spec.dtype)}${isJsonObject(spec.quantization) ? ' (quantized)' : ''}` : '?',
  );
  return encodings.some((encoding) => encoding !== 'float32')
    ? `its weights are stored as ${encodings.join(', ')}; bmi-predictor reads float32 weights.`
    : undefined;
}

/**
 * The line in a weights file whose manifest passed `checkLinearModelJson`: two float32 numbers, kernel
 * then bias. Refuses other sizes and encodings (float16, quantized weights) by name.
 */
export function lineFromWeightData(data: ArrayBuffer, specs: readonly unknown[]): Result<{ line: Line }> {
  const encodingError = encodingProblem(specs);
  if (encodingError) return { ok: false, error: encodingError };
  if (data.byteLength !== 8) {
    return { ok: false, error: `the weights file holds ${data.byteLength} bytes, not the 8 of a float32 kernel and bias.` };
  }
  const bytes = new DataView(data);
  const line = { slope: bytes.getFloat32(0, true), intercept: bytes.getFloat32(4, true) };
  if (!Number.isFinite(line.slope) || !Number.isFinite(line.intercept)) {
    return { ok: false, error: `its weights are not finite numbers (kernel ${line.slope}, bias ${line.intercept}), so it cannot predict.` };
  }
  return { ok: true, line };
}
