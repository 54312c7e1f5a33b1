/**
 * `serve --workers N`: N processes answer on one port through Node's `node:cluster` (the primary
 * accepts connections and hands them to the workers in turn). Each worker reads and watches the
 * weights file on its own, as separate machines behind a load balancer would, so each swaps in a new
 * model by itself. The primary only starts, stops and replaces workers: it checks the weights file
 * once (a bad file is one line and exit code 1, before any worker starts), prints the URL when every
 * worker listens, passes SIGHUP on, and on SIGINT or SIGTERM lets every worker drain and exits with
 * code 0 once all have.
 */
import cluster, { type Worker } from 'node:cluster';
import { errorMessage } from '../core/text.ts';
import { CliError } from './cli-error.ts';
import type { ServeArgs } from './serve-args.ts';
import { startServing } from './serve-instance.ts';
import { readServedModel, servingLines } from './serve-weights.ts';
import { onStopSignals } from './server-lifecycle.ts';
import { standardOutput } from './terminal-output.ts';

/** What a worker tells the primary, and the primary a worker, over the cluster's channel. */
type WorkerMessage = { type: 'listening'; url: string } | { type: 'failed'; message: string };
type PrimaryMessage = { type: 'stop' } | { type: 'reload' };

/** The primary: starts `workers` workers and looks after them until they have all stopped. */
export async function runPrimary(args: ServeArgs, workers: number): Promise<void> {
  const { stdout, stderr } = standardOutput();
  const served = await readServedModel(args.weightsPath);
  await new Promise<void>((resolve) => {
    /** Each worker, and whether it listens yet (only a listening one can be told to stop). */
    const running = new Map<Worker, boolean>();
    let listening = 0;
    let announced = false;
    let ending = false;
    const tell = (message: PrimaryMessage): void => {
      for (const [worker, up] of running) {
        if (!worker.isConnected()) continue;
        // One still starting has nothing to drain, and would not hear the message yet.
        if (up) worker.send(message);
        else if (message.type === 'stop') worker.kill();
      }
    };
    const fail = (message: string): void => {
      if (ending) return;
      ending = true;
      stderr.line(`serve: ${message}`);
      process.exitCode = 1;
      for (const worker of running.keys()) worker.kill();
    };
    const start = (): void => {
      const worker = cluster.fork();
      running.set(worker, false);
      let up = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'failed') fail(message.message);
        else if (!up) {
          up = true;
          running.set(worker, true);
          listening += 1;
          if (!announced && listening === workers) {
            announced = true;
            for (const line of servingLines(args, served, message.url, workers)) stdout.line(line);
          }
        }
      });
      worker.on('exit', (code, signal) => {
        running.delete(worker);
        if (up) listening -= 1;
        if (ending) {
          if (running.size === 0) resolve();
          return;
        }
        if (!up) {
          fail(`A worker exited (${signal ?? `code ${code}`}) before it listened.`);
          if (running.size === 0) resolve();
          return;
        }
        // One worker lost (killed, out of memory): the others answer while a new one starts.
        stderr.line(`serve: worker ${worker.id} exited (${signal ?? `code ${code}`}); starting another.`);
        start();
      });
    };
    for (let i = 0; i < workers; i++) start();
    process.on('SIGHUP', () => tell({ type: 'reload' }));
    onStopSignals((signal) => {
      if (ending) return;
      ending = true;
      stdout.line(`${signal} received, shutting down.`);
      process.exitCode = 0;
      tell({ type: 'stop' });
    });
  });
}

/**
 * A worker: serves on the shared port and reports to the primary. Its failures go to the primary,
 * which prints the first one, so N workers failing alike print one line.
 */
export async function runWorker(args: ServeArgs): Promise<void> {
  const prefix = `worker ${cluster.worker?.id ?? process.pid}: `;
  let serving;
  try {
    serving = await startServing(args, await readServedModel(args.weightsPath), prefix);
  } catch (error) {
    const message = error instanceof CliError ? error.message : errorMessage(error);
    process.send?.({ type: 'failed', message } satisfies WorkerMessage);
    process.exitCode = 1;
    process.disconnect?.();
    return;
  }
  const stop = (): void => serving.stop(() => process.exit(0));
  // The primary says when to stop; a signal from the terminal (Ctrl-C reaches every process of the
  // group) or the primary's loss (its channel closes) stops the worker the same way.
  process.on('message', (message: PrimaryMessage) => {
    if (message.type === 'stop') stop();
    else serving.reload();
  });
  process.on('SIGHUP', () => serving.reload());
  process.on('disconnect', stop);
  onStopSignals(stop);
  process.send?.({ type: 'listening', url: serving.url } satisfies WorkerMessage);
}
