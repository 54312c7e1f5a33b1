/**
 * `npm run serve -- <weights.json> [--port 8000] [--host 127.0.0.1] [--workers N] [--no-watch]`:
 * answers predictions over HTTP from a weights file, taking a new model from it without a restart.
 * See `--help`.
 */
import cluster from 'node:cluster';
import { runCommand } from './cli-error.ts';
import { parseServeArgs, SERVE_HELP } from './serve-args.ts';
import { startServing } from './serve-instance.ts';
import { readServedModel, servingLines } from './serve-weights.ts';
import { runPrimary, runWorker } from './serve-workers.ts';
import { onStopSignals } from './server-lifecycle.ts';
import { standardOutput } from './terminal-output.ts';

await runCommand('serve', async () => {
  const { stdout } = standardOutput();
  const command = parseServeArgs(process.argv.slice(2));
  if (command.help) {
    stdout.block(SERVE_HELP);
    return;
  }
  const { args } = command;
  if (cluster.isWorker) {
    await runWorker(args);
    return;
  }
  const workers = args.workers ?? 1;
  if (workers > 1) {
    await runPrimary(args, workers);
    return;
  }
  const served = await readServedModel(args.weightsPath);
  const serving = await startServing(args, served);
  onStopSignals((signal) => {
    stdout.line(`${signal} received, shutting down.`);
    serving.stop(() => (process.exitCode = 0));
  });
  // SIGHUP's default would end the process: here it asks for the weights file to be read again.
  process.on('SIGHUP', () => serving.reload());
  for (const line of servingLines(args, served, serving.url)) stdout.line(line);
});
