/**
 * Training on the page's own thread. Imported lazily, so TensorFlow.js never delays the first paint.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../core/train/backend.ts';
import { Trainer } from '../core/train/trainer.ts';
import type { StartEngine } from './training-engine.ts';
import { wasmPaths } from './wasm-paths.ts';

/** Yields through a message (not a clamped timer), so the browser can paint and handle input. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export const startEngine: StartEngine = async (preferred) => {
  const backend = await chooseBackend({ preferred, wasmPaths });
  return {
    backend,
    memory: () => tf.memory(),
    train(dataset, settings, initial, onProgress) {
      const trainer = new Trainer(dataset, settings, initial, {
        onProgress,
        yieldToHost: yieldToBrowser,
        backend: tf.getBackend(),
      });
      return {
        result: trainer.run(),
        pause: () => trainer.pause(),
        resume: () => trainer.resume(),
        step: () => trainer.step(),
        stop: () => trainer.stop(),
      };
    },
  };
};
