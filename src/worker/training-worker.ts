/**
 * The training worker: TensorFlow.js, its backend and every training run live here, so the page's
 * thread only renders. It speaks `protocol.ts` and nothing else.
 */
import type { BackendChoice } from '../core/settings/backends.ts';
import { DatasetAssembler } from '../core/data/dataset-parts.ts';
import { chooseBackend } from '../tfjs-browser/backend.ts';
import { runnerFor, warmUp } from '../tfjs-browser/runner-choice.ts';
import type { TrainingEvent, TrainingRequest } from '../core/train/protocol.ts';
import { errorMessage } from '../core/text.ts';
import { memoryInfo, startTrainer } from '../core/train/start-run.ts';
import type { Trainer } from '../core/train/trainer.ts';

let backend: Promise<BackendChoice> | undefined;
const datasets = new Map<number, DatasetAssembler>();
const trainers = new Map<number, Trainer>();

function post(event: TrainingEvent): void {
  self.postMessage(event);
}

async function train(request: Extract<TrainingRequest, { type: 'train' }>): Promise<void> {
  const { run } = request;
  try {
    const dataset = datasets.get(request.dataId)?.dataset();
    if (!dataset) throw new Error('The worker has no such data set.');
    if (!backend) throw new Error('The worker was not initialised.');
    const choice = await backend;
    const trainer = startTrainer(
      dataset,
      request.settings,
      request.initial,
      (progress) => post({ type: 'progress', run, progress }),
      request.start,
      runnerFor(choice),
    );
    trainers.set(run, trainer);
    const result = await trainer.run();
    post({ type: 'done', run, result });
  } catch (error) {
    post({ type: 'failed', run, message: errorMessage(error) });
  } finally {
    trainers.delete(run);
  }
}

function handle(request: TrainingRequest): void {
  switch (request.type) {
    case 'init':
      // Ready once the backend is up and, on WebGPU, its fused shaders are compiled, so the first run
      // does not wait for them.
      backend = chooseBackend({ preferred: request.preferred, wasmPaths: request.wasmPaths }).then(async (choice) => {
        await warmUp(choice);
        return choice;
      });
      backend.then(
        (choice) => post({ type: 'ready', backend: choice }),
        (error: unknown) => post({ type: 'init-failed', message: errorMessage(error) }),
      );
      break;
    case 'data':
      // Only the latest data set is trained on; older ones are dropped.
      datasets.clear();
      datasets.set(request.dataId, new DatasetAssembler(request.header));
      break;
    case 'data-part':
      datasets.get(request.dataId)?.add(request.part);
      break;
    case 'train':
      void train(request);
      break;
    case 'control':
      trainers.get(request.run)?.[request.action]();
      break;
    case 'memory':
      post({ type: 'memory', id: request.id, memory: memoryInfo() });
      break;
  }
}

self.addEventListener('message', (event: MessageEvent<TrainingRequest>) => handle(event.data));
