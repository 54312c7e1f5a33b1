/**
 * Load on `npm run serve`, against the ceiling of Node's HTTP on this machine: the real command with
 * one worker and with `--workers 2`, and a bare `node:http` server answering a constant, each in its
 * own process, under the same load (autocannon in this process, 32 connections of `POST /predict`
 * with the original form body). Each server's output goes to a file, as a deployed server's log
 * would, so the load generator does not also read a log line per request.
 * `npm run bench -- --only=server` runs this section alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { parseCsv } from '../src/core/data/dataset.ts';
import { closedFormModel } from '../src/core/model/closed-form-model.ts';
import type { Model } from '../src/core/model/model.ts';
import { serializeWeights } from '../src/core/model/weights-file.ts';
import type { Row } from './run.ts';
import { summarize } from './summary.ts';

export interface ServerLoad {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** What the section compares: `serve` as users run it, and the floor of any Node HTTP server. */
export const SERVER_TARGETS = ['bare node:http, constant answer', 'serve, 1 worker', 'serve --workers 2'] as const;
export type ServerTarget = (typeof SERVER_TARGETS)[number];

/** The bundled data's exact least-squares model: a converged model, so the server answers real numbers. */
function bundledClosedFormModel(): Model {
  const outcome = parseCsv(readFileSync('public/bmi_and_life_expectancy.csv', 'utf8'));
  if (!outcome.ok) throw new Error(outcome.error);
  return closedFormModel(outcome.dataset, new Date());
}

/** The ceiling: Node's HTTP with nothing of ours, answering what `serve` answers to bmi=28.45. */
const BARE_SERVER = `require('node:http')
  .createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('78.8786\\n');
  })
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;

function commandOf(target: ServerTarget, weights: string): string[] {
  const serve = ['--import', 'tsx', 'src/cli/serve.ts', weights, '--port', '0'];
  switch (target) {
    case 'bare node:http, constant answer':
      return ['-e', BARE_SERVER];
    case 'serve, 1 worker':
      return serve;
    case 'serve --workers 2':
      return [...serve, '--workers', '2'];
  }
}

/** Starts a server with its output in `logPath` and resolves with its URL once it listens. */
async function startServer(command: string[], logPath: string): Promise<{ child: ChildProcess; url: string }> {
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, command, { stdio: ['ignore', log, 'inherit'] });
  closeSync(log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(readFileSync(logPath, 'utf8'))?.[0];
    // serve --workers prints its URL once every worker listens.
    if (url) return { child, url };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${command.join(' ')} did not start: ${readFileSync(logPath, 'utf8')}`);
    await sleep(50);
  }
}

async function load(url: string, seconds: number, connections: number): Promise<ServerLoad> {
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
}

/**
 * Each target `runs` times, in turn (bare, one worker, two workers, bare, …) so a change in the
 * machine's load falls on all of them alike; each run warms up for a second first.
 */
export async function measureServerLoads(seconds = 5, connections = 32, runs = 3): Promise<Map<ServerTarget, ServerLoad[]>> {
  const folder = mkdtempSync(join(tmpdir(), 'bmi-bench-'));
  const weights = join(folder, 'weights.json');
  writeFileSync(weights, serializeWeights(bundledClosedFormModel()));
  const results = new Map<ServerTarget, ServerLoad[]>(SERVER_TARGETS.map((target) => [target, []]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const target of SERVER_TARGETS) {
        const { child, url } = await startServer(commandOf(target, weights), join(folder, 'server.log'));
        try {
          await load(url, 1, connections);
          results.get(target)!.push(await load(url, seconds, connections));
        } finally {
          child.kill('SIGTERM');
          await new Promise((resolve) => child.once('exit', resolve));
        }
      }
    }
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The section's rows: each target's requests per second and latency, and the ratios the issue asks for. */
export async function serverBenchRows(seconds = 5, connections = 32, runs = 3): Promise<Row[]> {
  const results = await measureServerLoads(seconds, connections, runs);
  const section = 'Server';
  const base = { section, backend: '-', rows: '-' };
  const rows: Row[] = [];
  const median = (target: ServerTarget, pick: (load: ServerLoad) => number): number => summarize(results.get(target)!.map(pick)).median;
  for (const [target, loads] of results) {
    const requests = loads.reduce((sum, load) => sum + load.requests, 0);
    const failed = loads.reduce((sum, load) => sum + load.errors, 0);
    const non2xx = loads.reduce((sum, load) => sum + load.non2xx, 0);
    rows.push({
      ...base,
      measure: `POST /predict, ${connections} connections, ${seconds} s: requests per second, ${target}`,
      unit: 'req/s',
      summary: summarize(loads.map((load) => load.requestsPerSecond)),
      note: `${requests} requests, ${failed} errors, ${non2xx} non-2xx`,
    });
    rows.push({ ...base, measure: `latency p50, ${target}`, unit: 'ms', summary: summarize(loads.map((load) => load.p50)) });
    rows.push({ ...base, measure: `latency p99, ${target}`, unit: 'ms', summary: summarize(loads.map((load) => load.p99)) });
  }
  const [bare, one, two] = SERVER_TARGETS;
  const perSecond = (load: ServerLoad): number => load.requestsPerSecond;
  rows.push({
    ...base,
    measure: 'serve (1 worker) ÷ bare node:http, requests per second (medians)',
    unit: '×',
    summary: summarize([median(one, perSecond) / median(bare, perSecond)]),
    note: 'goal ≥ 0.8',
  });
  rows.push({
    ...base,
    measure: 'serve --workers 2 ÷ serve (1 worker), requests per second (medians)',
    unit: '×',
    summary: summarize([median(two, perSecond) / median(one, perSecond)]),
    note: 'goal > 1',
  });
  return rows;
}
