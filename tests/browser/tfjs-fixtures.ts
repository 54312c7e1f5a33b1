/**
 * TF.js layers-model files written the way `model.save()` of TF.js 4.22 writes them, for models the
 * app did not make: a foreign 1 → 1 line without metadata, and other architectures it must refuse.
 */
import type { FileSpec } from './app-page.ts';

interface DenseSpec {
  units: number;
  inputs: number;
}

function denseLayer(index: number, { units, inputs }: DenseSpec, first: boolean) {
  return {
    class_name: 'Dense',
    config: {
      units,
      activation: 'linear',
      use_bias: true,
      kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null } },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      name: `dense_Dense${index}`,
      trainable: true,
      ...(first ? { batch_input_shape: [null, inputs] } : {}),
      dtype: 'float32',
    },
  };
}

/**
 * A model.json + weights.bin pair of dense layers (each `{units, inputs}`), weights filled from
 * `values` in manifest order (kernels row-major, then biases).
 */
export function tfjsFiles(
  layers: DenseSpec[],
  values: number[],
  name = 'foreign-model',
): { json: FileSpec; bin: FileSpec; modelJson: Record<string, unknown> } {
  const binName = `${name}.weights.bin`;
  const weights = layers.flatMap((layer, i) => [
    { name: `dense_Dense${i + 1}/kernel`, shape: [layer.inputs, layer.units], dtype: 'float32' },
    { name: `dense_Dense${i + 1}/bias`, shape: [layer.units], dtype: 'float32' },
  ]);
  const count = layers.reduce((sum, layer) => sum + layer.inputs * layer.units + layer.units, 0);
  if (values.length !== count) throw new Error(`expected ${count} values`);
  const modelJson = {
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'sequential_1', layers: layers.map((layer, i) => denseLayer(i + 1, layer, i === 0)) },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
    convertedBy: null,
    weightsManifest: [{ paths: [`./${binName}`], weights }],
  };
  return {
    json: { name: `${name}.json`, content: JSON.stringify(modelJson), type: 'application/json' },
    bin: { name: binName, content: new Uint8Array(new Float32Array(values).buffer) },
    modelJson,
  };
}
