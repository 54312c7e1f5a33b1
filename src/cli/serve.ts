/**
 * `npm run serve -- <weights.json> [--port 8000] [--host 127.0.0.1]`: answers predictions over HTTP
 * from a weights file. See `--help`.
 */
import { columnLabel } from '../core/data/columns.ts';
import { modelFeatures } from '../core/model/model-features.ts';
import { intervalNote } from '../core/stats/intervals.ts';
import { formatPreciseLoss } from '../core/train/progress.ts';
import { createPredictServer } from '../server/predict-server.ts';
import { runCommand } from './cli-error.ts';
import { escapeControlCharacters } from './terminal-text.ts';
import { parseServeArgs, SERVE_HELP } from './serve-args.ts';
import { startListening, stopOnSignals } from './server-lifecycle.ts';
import { readWeights } from './weights-io.ts';

await runCommand('serve', async () => {
  const command = parseServeArgs(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(SERVE_HELP);
    return;
  }
  const { weightsPath, port, host } = command.args;
  const model = await readWeights(weightsPath);
  const say = (line: string): void => void process.stdout.write(`${escapeControlCharacters(line)}\n`);

  const server = createPredictServer(model, { log: say });
  const url = await startListening(server, port, host);
  stopOnSignals(server, say);
  const features = modelFeatures(model).map(({ feature }) => feature);
  const columns = `${features.map((feature) => columnLabel(feature.name)).join(', ')} → ${columnLabel(model.target.name)}`;
  say(`Serving ${weightsPath} (${columns}, ${model.training.epochs} epochs, MSE ${formatPreciseLoss(model.training.trainMse)}) at ${url}`);
  // A version 1 file predicts as before; say once why its JSON answers carry no interval.
  const note = intervalNote(model);
  if (note) say(note);
  const example = (feature: { min: number; max: number }): number => Number(((feature.min + feature.max) / 2).toPrecision(4));
  say(`Try: curl -d "${features.map((feature) => `${feature.name.toLowerCase()}=${example(feature)}`).join('&')}" ${url}/predict`);
});
