/**
 * Training on the page's own thread (`?engine=main`), kept to compare with the worker. Imported lazily,
 * so TensorFlow.js never delays the first paint.
 */
import { chooseBackend } from '../tfjs-browser/backend.ts';
import { runnerFor, warmUp } from '../tfjs-browser/runner-choice.ts';
import { memoryInfo, startTrainer } from '../core/train/start-run.ts';
import type { StartEngine } from './training-engine.ts';
import { wasmPaths } from './wasm-paths.ts';

export const startEngine: StartEngine = async (preferred) => {
  const backend = await chooseBackend({ preferred, wasmPaths });
  await warmUp(backend);
  return {
    name: 'main',
    backend,
    memory: async () => memoryInfo(),
    train(dataset, settings, initial, onProgress, start = 'run') {
      const trainer = startTrainer(dataset, settings, initial, onProgress, start, runnerFor(backend));
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
