/**
 * Training on the page's own thread (`?engine=main`), kept to compare with the worker. Imported lazily,
 * so TensorFlow.js never delays the first paint.
 */
import * as tf from '@tensorflow/tfjs-core';
import { chooseBackend } from '../core/train/backend.ts';
import { Trainer } from '../core/train/trainer.ts';
import { yieldThroughMessage } from '../core/train/yield.ts';
import type { StartEngine } from './training-engine.ts';
import { wasmPaths } from './wasm-paths.ts';

export const startEngine: StartEngine = async (preferred) => {
  const backend = await chooseBackend({ preferred, wasmPaths });
  return {
    name: 'main',
    backend,
    memory: async () => {
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },
    train(dataset, settings, initial, onProgress, start = 'run') {
      const trainer = new Trainer(dataset, settings, initial, {
        onProgress,
        yieldToHost: yieldThroughMessage,
        backend: tf.getBackend(),
      });
      if (start === 'step') trainer.step();
      return {
        result: trainer.run(),
        pause: () => trainer.pause(),
        resume: () => trainer.resume(),
        step: () => trainer.step(),
        stop: () => trainer.stop(),
      };
    },
    dispose() {
      // TF.js stays loaded on the page; the next engine reuses it.
    },
  };
};
