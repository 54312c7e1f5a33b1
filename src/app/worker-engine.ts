/**
 * Training in a Web Worker: the page posts requests and renders the events that come back
 * (`core/train/protocol.ts`). TensorFlow.js loads in the worker only, so the page never runs it.
 */
import type { Dataset } from '../core/data/dataset.ts';
import type { MemoryInfo, TrainingEvent, TrainingRequest } from '../core/train/protocol.ts';
import { errorMessage } from '../core/text.ts';
import type { TrainingProgress, TrainingResult } from '../core/train/trainer.ts';
import type { StartEngine, TrainingRun } from './training-engine.ts';
import { wasmPaths } from './wasm-paths.ts';
import { datasetParts } from '../core/data/dataset-parts.ts';
import { yieldThroughMessage } from '../core/train/yield.ts';

interface PendingRun {
  onProgress: (progress: TrainingProgress) => void;
  resolve: (result: TrainingResult) => void;
  reject: (error: Error) => void;
}

export const startEngine: StartEngine = async (preferred) => {
  const worker = new Worker(new URL('../worker/training-worker.ts', import.meta.url), { type: 'module', name: 'training' });
  /**
   * Requests wait here, in order, while a data set's parts are being posted one per task (each post
   * copies its part on this thread): a run's request and its controls go after its data.
   */
  const backlog: TrainingRequest[] = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    draining = true;
    while (backlog.length > 0) {
      const request = backlog.shift()!;
      if (request.type === 'data-part') {
        // A copy of the part's rows alone, handed over: cloning a view would copy its whole column.
        const values = request.part.values.slice();
        worker.postMessage({ ...request, part: { ...request.part, values } }, [values.buffer]);
        await yieldThroughMessage();
      } else worker.postMessage(request);
    }
    draining = false;
  };
  const send = (request: TrainingRequest): void => {
    if (!draining && request.type !== 'data-part') {
      worker.postMessage(request);
      return;
    }
    backlog.push(request);
    if (!draining) void drain();
  };

  const runs = new Map<number, PendingRun>();
  const memoryRequests = new Map<number, { resolve: (memory: MemoryInfo) => void; reject: (error: Error) => void }>();
  /** Why the worker is gone, once it is: later requests fail at once instead of waiting forever. */
  let failure: Error | undefined;
  let nextId = 1;
  /** The data set the worker holds, so it is copied over once, not for every run. */
  let sentData: { dataset: Dataset; dataId: number } | undefined;
  let failWorker: (error: Error) => void = () => {};

  const ready = new Promise<TrainingEvent & { type: 'ready' }>((resolve, reject) => {
    failWorker = (error) => {
      failure ??= error;
      reject(error);
      for (const run of runs.values()) run.reject(error);
      runs.clear();
      for (const request of memoryRequests.values()) request.reject(error);
      memoryRequests.clear();
    };
    worker.addEventListener('message', (message: MessageEvent<TrainingEvent>) => {
      const event = message.data;
      switch (event.type) {
        case 'ready':
          resolve(event);
          break;
        case 'init-failed':
          reject(new Error(event.message));
          break;
        case 'progress':
          runs.get(event.run)?.onProgress(event.progress);
          break;
        case 'done':
          runs.get(event.run)?.resolve(event.result);
          runs.delete(event.run);
          break;
        case 'failed':
          runs.get(event.run)?.reject(new Error(event.message));
          runs.delete(event.run);
          break;
        case 'memory':
          memoryRequests.get(event.id)?.resolve(event.memory);
          memoryRequests.delete(event.id);
          break;
      }
    });
  });
  // A worker script that fails to load or throws at the top level.
  worker.addEventListener('error', (event) => failWorker(new Error(`The training worker failed: ${event.message || 'could not start'}`)));

  send({ type: 'init', preferred, wasmPaths });
  let backend;
  try {
    ({ backend } = await ready);
  } catch (error) {
    worker.terminate();
    throw new Error(errorMessage(error), { cause: error });
  }

  return {
    name: 'worker',
    backend,
    memory() {
      const id = nextId++;
      return new Promise<MemoryInfo>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        memoryRequests.set(id, { resolve, reject });
        send({ type: 'memory', id });
      });
    },
    train(dataset, settings, initial, onProgress, start = 'run'): TrainingRun {
      if (sentData?.dataset !== dataset) {
        sentData = { dataset, dataId: nextId++ };
        // Training needs the numbers only, in parts (dataset-parts.ts): no long task to copy them.
        const { dataId } = sentData;
        const { header, parts } = datasetParts(dataset);
        send({ type: 'data', dataId, header });
        for (const part of parts) send({ type: 'data-part', dataId, part });
      }
      const run = nextId++;
      const result = new Promise<TrainingResult>((resolve, reject) => runs.set(run, { onProgress, resolve, reject }));
      send({ type: 'train', run, dataId: sentData.dataId, settings, initial, start });
      const control = (action: 'pause' | 'resume' | 'step' | 'stop') => () => send({ type: 'control', run, action });
      return { result, pause: control('pause'), resume: control('resume'), step: control('step'), stop: control('stop') };
    },
    dispose() {
      failWorker(new Error('The training engine was closed.'));
      worker.terminate();
    },
  };
};
