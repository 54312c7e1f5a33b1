/**
 * Load on `npm run serve`: the real command in its own process, 32 connections of `POST /predict`
 * with the original form body for 5 seconds, from autocannon in this process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { parseCsv } from '../src/core/data/dataset.ts';
import { closedFormModel } from '../src/core/model/closed-form-model.ts';
import type { Model } from '../src/core/model/model.ts';
import { serializeWeights } from '../src/core/model/weights-file.ts';

export interface ServerLoad {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** The bundled data's exact least-squares model: a converged model, so the server answers real numbers. */
function bundledClosedFormModel(): Model {
  const outcome = parseCsv(readFileSync('public/bmi_and_life_expectancy.csv', 'utf8'));
  if (!outcome.ok) throw new Error(outcome.error);
  return closedFormModel(outcome.dataset, new Date());
}

export async function measureServerLoad(seconds = 5, connections = 32): Promise<ServerLoad> {
  const folder = mkdtempSync(join(tmpdir(), 'bmi-bench-'));
  const weights = join(folder, 'weights.json');
  writeFileSync(weights, serializeWeights(bundledClosedFormModel()));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', weights, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    // Keep draining the per-request log lines so the server never blocks on a full pipe.
    server.stdout.resume();
    const result = await autocannon({
      url: `${url}/predict`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'bmi=28.45',
      connections,
      duration: seconds,
    });
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      requests: result.requests.total,
    };
  } finally {
    server.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}
