/**
 * `npm run serve`, run for real against weights from `train` and from the browser app's serializer.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model/model.ts';
import { predict } from '../../src/core/model/predict.ts';
import { parseWeights, serializeWeights } from '../../src/core/model/weights-file.ts';
import { REFERENCE } from '../unit/reference.ts';
import { closedFormModel, collect, makeTempDir, run, spawnCommand, waitForOutput, type RunResult } from './helpers.ts';

interface RunningServer {
  url: string;
  child: ChildProcess;
  exited: Promise<RunResult>;
}

/** Starts `serve` on a free port and waits for the URL it prints. */
async function startServe(weightsPath: string): Promise<RunningServer> {
  const child = spawnCommand('serve', [weightsPath, '--port', '0']);
  const exited = collect(child);
  const [url] = await waitForOutput(child, 'stdout', /http:\/\/127\.0\.0\.1:\d+/);
  return { url: url, child, exited };
}

async function post(
  url: string,
  body: string,
  contentType = 'application/x-www-form-urlencoded',
): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType } });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

function modelIn(text: string): Model {
  const result = parseWeights(text);
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

let dir: string;
let removeDir: () => Promise<void>;
let trainedPath: string;
let trained: Model;
let server: RunningServer;

beforeAll(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
  trainedPath = join(dir, 'trained.json');
  const training = await run('train', ['100', trainedPath, '--quiet']);
  if (training.code !== 0) throw new Error(training.stderr);
  trained = modelIn(await readFile(trainedPath, 'utf8'));
  server = await startServe(trainedPath);
});

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await removeDir();
});

describe('serve <weights from train>', () => {
  it('answers GET / with a title line', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('bmi-predictor: POST /predict with bmi=<number>\n');
  });

  it('answers a form POST bmi=28.45 with the prediction as a plain number', async () => {
    const { status, text, type } = await post(`${server.url}/predict`, 'bmi=28.45');
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toMatch(/^\d+\.\d{4}\n$/);
    expect(Math.abs(Number(text) - 78.88)).toBeLessThan(0.05);
    expect(Math.abs(Number(text) - predict(trained, 28.45))).toBeLessThanOrEqual(0.00005);
  });

  it('answers JSON with JSON, giving exactly what core predict() gives for the same file', async () => {
    for (const bmi of [19.9, 24.5, 28.45, 31]) {
      const { status, text, type } = await post(`${server.url}/predict`, JSON.stringify({ bmi }), 'application/json');
      expect(status).toBe(200);
      expect(type).toMatch(/^application\/json/);
      const answer = JSON.parse(text) as { bmi: number; lifeExpectancy: number };
      expect(answer.bmi).toBe(bmi);
      expect(Math.abs(answer.lifeExpectancy - predict(trained, bmi))).toBeLessThan(1e-9);
    }
  });

  it('marks a JSON answer outside the data as an extrapolation, and keeps the form answer a plain number', async () => {
    const outside = JSON.parse((await post(`${server.url}/predict`, '{"bmi": 40}', 'application/json')).text) as Record<string, unknown>;
    expect(outside.extrapolation).toBe(true);
    expect(outside.extrapolationNote).toBe('BMI 40 is outside the data (19.9 to 31.0): an extrapolation');
    expect(Math.abs((outside.lifeExpectancy as number) - predict(trained, 40))).toBeLessThan(1e-9);
    const inside = JSON.parse((await post(`${server.url}/predict`, '{"bmi": 28.45}', 'application/json')).text) as Record<string, unknown>;
    expect(inside.extrapolation).toBe(false);
    expect(inside).not.toHaveProperty('extrapolationNote');
    const form = await post(`${server.url}/predict`, 'bmi=40');
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/^\d+\.\d{4}\n$/);
  });

  it('reads a body starting with { as JSON whatever its Content-Type (curl -d sends a form type)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const { status, text, type: answerType } = await post(`${server.url}/predict`, ' {"bmi":28.45}', type);
      expect(status).toBe(200);
      expect(answerType).toMatch(/^application\/json/);
      const answer = JSON.parse(text) as { bmi: number; lifeExpectancy: number };
      expect(answer.bmi).toBe(28.45);
      expect(Math.abs(answer.lifeExpectancy - predict(trained, 28.45))).toBeLessThan(1e-9);
    }
    const bad = await post(`${server.url}/predict`, '{"bmi": "abc"}');
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.text) as { error: string }).error).toMatch(/"abc" is not a number/);
  });

  const badInputs: [what: string, body: string, type: string | undefined, message: RegExp][] = [
    ['a missing value', '', undefined, /Missing "bmi"/],
    ['another field', 'weight=70', undefined, /Missing "bmi"/],
    ['letters', 'bmi=abc', undefined, /"abc" is not a number/],
    ['a value out of range', 'bmi=500', undefined, /BMI 500 is outside the range this model can answer for/],
    ['a negative value', 'bmi=-5', undefined, /BMI cannot be negative/],
    ['a thousands separator', 'bmi=1,000', undefined, /"1,000" is ambiguous: use a dot for decimals/],
    ['a JSON string with a thousands separator', '{"bmi": "1,000"}', 'application/json', /no thousands separators/],
    ['JSON letters', '{"bmi": "abc"}', 'application/json', /"abc" is not a number/],
    ['a JSON value out of range', '{"bmi": 500}', 'application/json', /outside the range/],
    ['a JSON value of the wrong type', '{"bmi": true}', 'application/json', /"bmi" must be a number/],
    ['JSON without the field', '{}', 'application/json', /Missing "bmi"/],
    ['bad JSON', '{"bmi": 28.45', 'application/json', /not valid JSON/],
    ['JSON that is not an object', '[28.45]', 'application/json', /Send a JSON object/],
  ];

  it.each(badInputs)('answers 400 with a message for %s', async (_what, body, type, message) => {
    const response = await post(`${server.url}/predict`, body, type);
    expect(response.status).toBe(400);
    if (type === 'application/json') {
      expect(response.type).toMatch(/^application\/json/);
      expect((JSON.parse(response.text) as { error: string }).error).toMatch(message);
    } else {
      expect(response.text).toMatch(message);
    }
  });

  it('answers 413 to a body over 1 KB', async () => {
    const response = await post(`${server.url}/predict`, `bmi=28.45&padding=${'x'.repeat(2000)}`);
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/over 1024 bytes/);
  });

  it('answers 404 to an unknown path', async () => {
    const response = await fetch(`${server.url}/predictions`, { method: 'POST', body: 'bmi=28.45' });
    expect(response.status).toBe(404);
  });

  it('answers 405 with an Allow header to a wrong method', async () => {
    const onPredict = await fetch(`${server.url}/predict`);
    expect(onPredict.status).toBe(405);
    expect(onPredict.headers.get('allow')).toBe('POST');
    const onRoot = await fetch(`${server.url}/`, { method: 'DELETE' });
    expect(onRoot.status).toBe(405);
    expect(onRoot.headers.get('allow')).toBe('GET, HEAD');
  });

  it('logs one line per request and exits with code 0 on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    const { code, stdout, stderr } = await server.exited;
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const requests = stdout.split('\n').filter((line) => / (GET|POST|DELETE) \//.test(line));
    expect(requests.length).toBeGreaterThanOrEqual(4 + badInputs.length + 5);
    expect(stdout).toMatch(/^\S+ POST \/predict 200 \d+\.\d ms$/m);
    expect(stdout).toMatch(/^\S+ POST \/predict 400 \d+\.\d ms$/m);
    expect(stdout).toMatch(/^\S+ POST \/predict 413 \d+\.\d ms$/m);
    expect(stdout).toMatch(/^\S+ POST \/predictions 404 \d+\.\d ms$/m);
    expect(stdout).toMatch(/^\S+ GET \/predict 405 \d+\.\d ms$/m);
  });
});

describe('serve <weights file from the browser app>', () => {
  it('serves a serializeWeights file unchanged, predicting exactly what core predict() does', async () => {
    const model = closedFormModel(250);
    const text = serializeWeights(model);
    const path = join(dir, 'browser.json');
    await writeFile(path, text);
    const browser = await startServe(path);
    try {
      const { text: answer } = await post(`${browser.url}/predict`, '{"bmi": 28.45}', 'application/json');
      const { lifeExpectancy } = JSON.parse(answer) as { lifeExpectancy: number };
      expect(Math.abs(lifeExpectancy - predict(model, 28.45))).toBeLessThan(1e-9);
      expect(Math.abs(lifeExpectancy - REFERENCE.predictionAt28)).toBeLessThan(1e-6);
      const form = await post(`${browser.url}/predict`, 'bmi=28.45');
      expect(form.text).toBe(`${predict(model, 28.45).toFixed(4)}\n`);
    } finally {
      browser.child.kill('SIGTERM');
      expect((await browser.exited).code).toBe(0);
    }
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});

describe('serve refuses to start', () => {
  it.concurrent.each([
    ['a missing weights file', 'missing.json', /The weights file .*missing\.json does not exist/],
    ['a file that is not weights', 'not-weights.json', /not-weights\.json is not a usable weights file: .*"format" is missing/],
  ])('with %s', async (_what, name, message) => {
    const path = join(dir, name);
    if (name === 'not-weights.json') await writeFile(path, '{"slope": 1}\n');
    const result = await run('serve', [path, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^serve: /);
    expect(result.stderr).toMatch(message);
  });

  it.concurrent('when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await run('serve', [trainedPath, '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(new RegExp(`^serve: Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it.concurrent('with an unknown option', async () => {
    const result = await run('serve', ['w.json', '--verbose']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('serve: Unknown option "--verbose". Run "npm run serve -- --help" for usage.\n');
  });

  it('but --help exits 0 and explains the options and the API', async () => {
    const result = await run('serve', ['--help']);
    expect(result.code).toBe(0);
    for (const text of ['--port', '--host', '--help', 'POST /predict', 'bmi=28.45', '413']) expect(result.stdout).toContain(text);
    expect(result.stdout).toMatch(/GET +\//);
  });
});
