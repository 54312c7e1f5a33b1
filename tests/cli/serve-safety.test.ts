/**
 * Issue 10, items 1 and 7, on the real `serve` command (and the server in-process where no file can
 * make the case): a field given twice is refused the same way as a form and as JSON; every answer
 * says `X-Content-Type-Options: nosniff`; a weights file that would predict Infinity is refused, and a
 * prediction that is not finite is a 422 with a message; at shutdown a request in flight is answered
 * and idle keep-alive connections are closed.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeWeights } from '../../src/core/model/weights-file.ts';
import { createPredictServer } from '../../src/server/predict-server.ts';
import { closedFormModel, collect, ENTRY, makeTempDir, ROOT, run, waitForOutput, type RunResult } from './helpers.ts';

interface RunningServer {
  url: string;
  child: ChildProcess;
  exited: Promise<RunResult>;
}

/** `serve` in this process's node (not the tsx binary's child), so a signal reaches the server itself. */
async function startServe(weightsPath: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY.serve, weightsPath, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = collect(child);
  const [url] = await waitForOutput(child, 'stdout', /http:\/\/127\.0\.0\.1:\d+/);
  return { url: url, child, exited };
}

let dir: string;
let removeDir: () => Promise<void>;
let weightsPath: string;
let server: RunningServer;

beforeAll(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
  weightsPath = join(dir, 'w.json');
  await writeFile(weightsPath, serializeWeights(closedFormModel()));
  server = await startServe(weightsPath);
});

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await removeDir();
});

async function post(body: string, contentType: string): Promise<{ status: number; text: string; nosniff: string | null }> {
  const response = await fetch(`${server.url}/predict`, { method: 'POST', body, headers: { 'Content-Type': contentType } });
  return { status: response.status, text: await response.text(), nosniff: response.headers.get('x-content-type-options') };
}

describe('a field given twice', () => {
  it('is refused with 400 and the same message as a form and as JSON', async () => {
    const form = await post('bmi=28.45&bmi=99', 'application/x-www-form-urlencoded');
    const json = await post('{"bmi": 28.45, "bmi": 99}', 'application/json');
    expect(form.status).toBe(400);
    expect(json.status).toBe(400);
    expect(form.text.trim()).toBe('"bmi" is given 2 times; send it once.');
    expect((JSON.parse(json.text) as { error: string }).error).toBe(form.text.trim());
  });

  it('counts names case-insensitively, and escaped JSON keys as what they decode to', async () => {
    expect((await post('bmi=28.45&BMI=28.45', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await post('{"b\\u006di": 99, "bmi": 28.45}', 'application/json')).status).toBe(400);
  });

  it('a nested "bmi" or one inside a string is not a second field', async () => {
    const answer = await post('{"bmi": 28.45, "note": {"bmi": 1}, "text": "\\"bmi\\": 2"}', 'application/json');
    expect(answer.status).toBe(200);
  });
});

describe('X-Content-Type-Options: nosniff', () => {
  it('is on answers, errors and the title', async () => {
    expect((await post('bmi=28.45', 'application/x-www-form-urlencoded')).nosniff).toBe('nosniff');
    expect((await post('bmi=abc', 'application/x-www-form-urlencoded')).nosniff).toBe('nosniff');
    expect((await fetch(`${server.url}/nowhere`)).headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${server.url}/`)).headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('non-finite predictions are never served', () => {
  it('serve refuses a weights file whose slope (1e308) would predict Infinity', async () => {
    const path = join(dir, 'steep.json');
    const file = JSON.parse(serializeWeights(closedFormModel())) as Record<string, unknown>;
    file.slope = 1e308;
    await writeFile(path, JSON.stringify(file));
    const result = await run('serve', [path, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not finite numbers/);
  });

  it('a model that predicts Infinity anyway gets 422 and a message, as text and as JSON', async () => {
    const inProcess = createPredictServer({ ...closedFormModel(), slope: 1e308 });
    await new Promise<void>((resolve) => inProcess.listen(0, '127.0.0.1', resolve));
    const { port } = inProcess.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}/predict`;
      const text = await fetch(url, { method: 'POST', body: 'bmi=28.45' });
      expect(text.status).toBe(422);
      const body = await text.text();
      expect(body).toMatch(/no finite prediction/);
      expect(body).not.toMatch(/Infinity\s*$/);
      const json = await fetch(url, { method: 'POST', body: '{"bmi": 28.45}', headers: { 'Content-Type': 'application/json' } });
      expect(json.status).toBe(422);
      expect(await json.json()).toEqual({ error: expect.stringMatching(/no finite prediction/) as unknown });
    } finally {
      inProcess.close();
    }
  });
});

/** A raw connection, to hold a keep-alive socket open or send a request in pieces. */
function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function readUntilClosed(socket: Socket): Promise<string> {
  let text = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return new Promise((resolve) => socket.once('close', () => resolve(text)));
}

function waitForText(socket: Socket, pattern: RegExp): Promise<void> {
  let text = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      if (pattern.test(text)) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
  });
}

describe('shutting down', () => {
  it('answers a request in flight, closes idle keep-alive connections, and exits with code 0', async () => {
    const own = await startServe(weightsPath);
    try {
      // An idle keep-alive connection: one request answered, then nothing.
      const idle = await open(own.url);
      const answered = waitForText(idle, /\r\n\r\nbmi-predictor[^\n]*\n/);
      idle.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
      await answered;
      const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));

      // A request in flight: headers sent, body not yet.
      // "Expect: 100-continue" makes the server say when it has the headers.
      const busy = await open(own.url);
      const headersRead = waitForText(busy, /^HTTP\/1\.1 100 Continue\r\n\r\n/);
      const busyAnswer = readUntilClosed(busy);
      busy.write(
        'POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\nExpect: 100-continue\r\n\r\n',
      );
      await headersRead;

      own.child.kill('SIGTERM');
      await waitForOutput(own.child, 'stdout', /SIGTERM received/);
      await idleClosed;
      expect(idle.destroyed).toBe(true);

      busy.write('bmi=28.45');
      const answer = await busyAnswer;
      expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
      expect(answer).toMatch(/connection: close/i);
      expect(answer).toMatch(/\r\n\r\n78\.8\d+\n$/);
      const exited = await own.exited;
      expect(exited.code).toBe(0);
    } finally {
      if (own.child.exitCode === null) own.child.kill('SIGKILL');
    }
  });
});
