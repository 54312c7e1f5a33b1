/**
 * One serving process: the HTTP server on a slot holding the model, its request log, the reloader
 * that swaps a new model in, and a graceful stop. `serve` runs one in its own process, or one in
 * each worker of `--workers N`.
 */
import { createPredictServer } from '../server/predict-server.ts';
import { ModelSlot, type ServedModel } from '../server/served-model.ts';
import { ModelReloader } from './serve-reload.ts';
import type { ServeArgs } from './serve-args.ts';
import { shutDown, startListening } from './server-lifecycle.ts';
import { standardOutput } from './terminal-output.ts';

export interface ServingProcess {
  url: string;
  /** Reads the weights file now (SIGHUP). */
  reload(): void;
  /** Stops gracefully (see shutDown); `closed` runs once the server has closed. */
  stop(closed: () => void): void;
}

/** Serves `served` (read from `args.weightsPath`) until stopped; `prefix` names this process in its lines. */
export async function startServing(args: ServeArgs, served: ServedModel, prefix = ''): Promise<ServingProcess> {
  const { stdout, stderr } = standardOutput();
  const slot = new ModelSlot(served);
  // The request log is batched: one write per turn of the event loop, not one per request.
  const server = createPredictServer(slot, { log: (line) => stdout.lineSoon(line) });
  const url = await startListening(server, args.port, args.host);
  const reloader = new ModelReloader(
    args.weightsPath,
    slot,
    { taken: (line) => stdout.line(line), refused: (line) => stderr.line(`serve: ${line}`) },
    { watch: args.watch !== false, prefix },
  );
  reloader.start();
  // A replacement saved between the first read and the watch starting is seen now.
  void reloader.reload('watch');
  let stopped = false;
  return {
    url,
    reload: () => void reloader.reload('signal'),
    stop: (closed) => {
      if (stopped) return;
      stopped = true;
      reloader.close();
      shutDown(server, closed);
    },
  };
}
