/**
 * Issue 23, hot swap, on the real `serve` command: a weights file replaced by rename or rewritten in
 * place while a client asks in a loop is taken without a failed request, every answer coming whole
 * from the old model or the new one (its X-Model header names which, and its number is that model's);
 * a half-written file is never served; SIGHUP reloads (with --no-watch, only SIGHUP does); a bad
 * replacement keeps the old model with one line on stderr; /model and /healthz say what is served.
 */
import { open, rename, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFromLine, type Model } from '../../src/core/model/model.ts';
import { predict } from '../../src/core/model/predict.ts';
import { serializeWeights } from '../../src/core/model/weights-file.ts';
import { contentHash } from '../../src/server/served-model.ts';
import { bundledDataset, closedFormModel, makeTempDir, run, startServeProcess, waitForPrinted, type RunningServe } from './helpers.ts';

const OLD = closedFormModel(100);
/** Another line on the same columns: its answers differ from the old model's. */
const NEW: Model = modelFromLine(
  { slope: 2, intercept: 20 },
  bundledDataset().dataset,
  { epochs: 7, optimizer: 'adam', learningRate: 0.05, backend: 'cpu' },
  new Date('2026-12-01T10:00:00.000Z'),
);
const OLD_TEXT = serializeWeights(OLD);
const NEW_TEXT = serializeWeights(NEW);
const OLD_HASH = contentHash(OLD_TEXT);
const NEW_HASH = contentHash(NEW_TEXT);
/** What each model answers to bmi=28.45 as a form. */
const ANSWER_OF = new Map([
  [OLD_HASH, `${predict(OLD, 28.45).toFixed(4)}\n`],
  [NEW_HASH, `${predict(NEW, 28.45).toFixed(4)}\n`],
]);

let dir: string;
let removeDir: () => Promise<void>;
let fileNumber = 0;
const running: RunningServe[] = [];

beforeAll(async () => ({ dir, remove: removeDir } = await makeTempDir()));
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await removeDir();
});

/** A fresh weights file holding the old model, and `serve` on it. */
async function serveOld(args: string[] = []): Promise<{ server: RunningServe; path: string }> {
  fileNumber += 1;
  const path = join(dir, `weights-${fileNumber}.json`);
  await writeFile(path, OLD_TEXT);
  const server = await startServeProcess(path, args);
  running.push(server);
  return { server, path };
}

/** Replaces `path` the way `npm run train` saves: a complete file renamed over it. */
async function replaceByRename(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp-${fileNumber}`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

interface Answer {
  status: number;
  model: string | null;
  text: string;
}

async function ask(url: string): Promise<Answer> {
  const response = await fetch(`${url}/predict`, {
    method: 'POST',
    body: 'bmi=28.45',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return { status: response.status, model: response.headers.get('x-model'), text: await response.text() };
}

async function servedHash(url: string): Promise<string> {
  return ((await (await fetch(`${url}/model`)).json()) as { hash: string }).hash;
}

/**
 * Asks in a loop (two clients at once) until `until` resolves and one more answer came after it,
 * and returns every answer.
 */
async function askInLoop(url: string, until: Promise<unknown>): Promise<Answer[]> {
  const answers: Answer[] = [];
  let done = false;
  void until.then(() => (done = true));
  const client = async (): Promise<void> => {
    for (;;) {
      const stop = done;
      answers.push(await ask(url));
      if (stop) return;
    }
  };
  await Promise.all([client(), client()]);
  return answers;
}

/** Every answer succeeded and came whole from one of the two models, and the new one answers at the end. */
function expectOldOrNew(answers: Answer[]): void {
  expect(answers.length).toBeGreaterThan(2);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect([OLD_HASH, NEW_HASH]).toContain(answer.model);
    expect(answer.text).toBe(ANSWER_OF.get(answer.model!));
  }
  expect(answers[0].model).toBe(OLD_HASH);
  expect(answers.at(-1)!.model).toBe(NEW_HASH);
}

const takenNew = (server: RunningServe): Promise<void> =>
  waitForPrinted(server, ({ stdout }) => stdout.includes(`Now serving model ${NEW_HASH.slice(0, 12)}`));

describe('serve takes a new weights file without a restart', () => {
  it('replaced by rename while a client asks in a loop: no answer fails, each is the old or the new model', async () => {
    const { server, path } = await serveOld();
    expect(await servedHash(server.url)).toBe(OLD_HASH);
    const taken = takenNew(server);
    const answers = askInLoop(server.url, taken);
    await replaceByRename(path, NEW_TEXT);
    expectOldOrNew(await answers);
    expect(server.output().stderr).toBe('');
    expect(server.output().stdout).toMatch(
      new RegExp(
        `Now serving model ${NEW_HASH.slice(0, 12)} \\(trained 2026-12-01T10:00:00.000Z, 7 epochs, MSE [\\d.]+\\) from .*weights-\\d+\\.json, loaded \\S+; it replaces model ${OLD_HASH.slice(0, 12)}\\.`,
      ),
    );
  });

  it('rewritten in place while a client asks in a loop: the same', async () => {
    const { server, path } = await serveOld();
    const taken = takenNew(server);
    const answers = askInLoop(server.url, taken);
    await writeFile(path, NEW_TEXT);
    expectOldOrNew(await answers);
  });

  it('never serves a half-written file: it is refused until the writer finishes it', async () => {
    const { server, path } = await serveOld();
    const handle = await open(path, 'w');
    try {
      await handle.write(NEW_TEXT.slice(0, NEW_TEXT.length / 2));
      // The server read the half (it says so on stderr) and kept the old model.
      await waitForPrinted(server, ({ stderr }) => stderr.includes('not a usable weights file'));
      expect(await servedHash(server.url)).toBe(OLD_HASH);
      expect((await ask(server.url)).model).toBe(OLD_HASH);
      const taken = takenNew(server);
      await handle.write(NEW_TEXT.slice(NEW_TEXT.length / 2));
      await taken;
    } finally {
      await handle.close();
    }
    expect(await servedHash(server.url)).toBe(NEW_HASH);
    // One line per partial state read (the half; the empty file too, if the writer was slow to write after
    // truncating): each says the old model was kept.
    const refusals = server.output().stderr.trimEnd().split('\n');
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    for (const line of refusals)
      expect(line).toMatch(new RegExp(`^serve: Kept model ${OLD_HASH.slice(0, 12)} .*is not a usable weights file`));
  });

  it('/model and X-Model follow the swap; /healthz answers 200', async () => {
    const { server, path } = await serveOld();
    const before = (await (await fetch(`${server.url}/model`)).json()) as Record<string, unknown>;
    expect(before).toMatchObject({
      hash: OLD_HASH,
      feature: { name: 'Bmi', label: 'BMI', unit: 'kg/m²', field: 'bmi', trainingRange: { min: OLD.feature.min, max: OLD.feature.max } },
      target: { name: 'LifeExpectancy', label: 'Life expectancy', unit: 'years', key: 'lifeExpectancy' },
      training: { epochs: 100, mse: OLD.training.trainMse, r2: OLD.training.r2, date: OLD.training.date, dataHash: OLD.training.dataHash },
    });
    expect(Number.isNaN(Date.parse(before.loadedAt as string))).toBe(false);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-model')).toBe(OLD_HASH);
    expect(await health.text()).toBe('ok\n');

    const taken = takenNew(server);
    await replaceByRename(path, NEW_TEXT);
    await taken;
    const after = await fetch(`${server.url}/model`);
    expect(after.headers.get('x-model')).toBe(NEW_HASH);
    expect(await after.json()).toMatchObject({ hash: NEW_HASH, training: { epochs: 7, optimizer: 'adam', date: NEW.training.date } });
    const json = await fetch(`${server.url}/predict`, {
      method: 'POST',
      body: '{"bmi": 28.45}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(json.headers.get('x-model')).toBe(NEW_HASH);
    expect(((await json.json()) as { lifeExpectancy: number }).lifeExpectancy).toBe(predict(NEW, 28.45));
  });
});

describe('a replacement that cannot be served keeps the old model, with one line on stderr', () => {
  const other = JSON.parse(NEW_TEXT) as { feature: { name: string }; slope: number };
  const cases: [what: string, text: string, reason: RegExp][] = [
    ['not a weights file', '{"slope": 1}\n', /is not a usable weights file: .*"format" is missing/],
    ['not JSON', 'slope = 2\n', /is not a usable weights file/],
    ['a line whose predictions overflow', JSON.stringify({ ...other, slope: 1e308 }), /not finite/],
    ['other columns', JSON.stringify({ ...other, feature: { ...other.feature, name: 'Weight' } }), /clients send "bmi".*restart serve/],
  ];

  it.each(cases)('%s', async (_what, text, reason) => {
    const { server, path } = await serveOld();
    await replaceByRename(path, text);
    await waitForPrinted(server, ({ stderr }) => stderr.includes('\n'));
    const lines = server.output().stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^serve: Kept model ${OLD_HASH.slice(0, 12)} `));
    expect(lines[0]).toMatch(reason);
    const answer = await ask(server.url);
    expect(answer).toEqual({ status: 200, model: OLD_HASH, text: ANSWER_OF.get(OLD_HASH) });
    // The next valid replacement is taken.
    const taken = takenNew(server);
    await replaceByRename(path, NEW_TEXT);
    await taken;
    expect((await ask(server.url)).model).toBe(NEW_HASH);
  });
});

describe('SIGHUP and --no-watch', () => {
  it('with --no-watch a replaced file is taken on SIGHUP only', async () => {
    // Two servers on one file: the watching one shows when a watch would have seen the change.
    const { server: unwatched, path } = await serveOld(['--no-watch']);
    const watching = await startServeProcess(path);
    running.push(watching);
    expect(unwatched.output().stdout).toMatch(/a new model is taken on SIGHUP\./);
    const seen = takenNew(watching);
    await replaceByRename(path, NEW_TEXT);
    await seen;
    expect((await ask(unwatched.url)).model).toBe(OLD_HASH);
    expect(unwatched.output().stdout).not.toMatch(/Now serving/);

    const taken = takenNew(unwatched);
    unwatched.child.kill('SIGHUP');
    await taken;
    expect((await ask(unwatched.url)).model).toBe(NEW_HASH);
    // A SIGHUP with nothing new says so, and the process lives on.
    unwatched.child.kill('SIGHUP');
    await waitForPrinted(unwatched, ({ stdout }) => /SIGHUP: .* is unchanged; still serving model/.test(stdout));
    unwatched.child.kill('SIGTERM');
    expect((await unwatched.exited).code).toBe(0);
  });
});

describe('serve --workers 2', () => {
  it('answers from two processes, each swapping the model on its own, and stops both on SIGTERM', async () => {
    const { server, path } = await serveOld(['--workers', '2']);
    expect(server.output().stdout).toMatch(/ with 2 workers/);
    const bothTook = waitForPrinted(server, ({ stdout }) => new Set(stdout.match(/worker \d+: Now serving model/g)).size === 2);
    await replaceByRename(path, NEW_TEXT);
    await bothTook;
    // New connections go to the workers in turn: every one answers with the new model.
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${server.url}/predict`, { method: 'POST', body: 'bmi=28.45', headers: { Connection: 'close' } });
      expect(response.headers.get('x-model')).toBe(NEW_HASH);
      expect(await response.text()).toBe(ANSWER_OF.get(NEW_HASH));
    }
    server.child.kill('SIGTERM');
    const { code, stdout, stderr } = await server.exited;
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.match(/SIGTERM received, shutting down\./g)).toHaveLength(1);
  });

  it('refuses to start with one line and exit code 1 when the port is taken, however many workers fail', async () => {
    const blocker: NetServer = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const path = join(dir, 'taken.json');
      await writeFile(path, OLD_TEXT);
      const result = await run('serve', [path, '--port', String(port), '--workers', '3']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `serve: Port ${port} on 127.0.0.1 is already in use. Stop the other server or choose another port with --port (0 picks a free one).\n`,
      );
    } finally {
      blocker.close();
    }
  });
});
