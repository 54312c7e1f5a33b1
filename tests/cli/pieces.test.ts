/**
 * The command-line pieces in-process: argument parsing, progress throttling, the atomic write and the
 * server's body limit on a streamed (chunked) request.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, type OptionSpec } from '../../src/cli/args.ts';
import { writeFileAtomic } from '../../src/cli/atomic-write.ts';
import { ProgressPrinter } from '../../src/cli/progress.ts';
import { TerminalOutput } from '../../src/cli/terminal-output.ts';
import { parseServeArgs } from '../../src/cli/serve-args.ts';
import { parseTrainArgs } from '../../src/cli/train-args.ts';
import { predict } from '../../src/core/model/predict.ts';
import { createPredictServer } from '../../src/server/predict-server.ts';
import { closedFormModel, makeTempDir } from './helpers.ts';

describe('parseArgs', () => {
  const options: OptionSpec[] = [
    { name: 'lr', value: '<rate>', description: '' },
    { name: 'quiet', description: '' },
    { name: 'help', alias: 'h', description: '' },
  ];

  it('reads positionals, --name value, --name=value, flags and aliases', () => {
    const parsed = parseArgs(['10', '--lr', '0.5', 'w.json', '--quiet', '-h'], options);
    expect(parsed.positionals).toEqual(['10', 'w.json']);
    expect(parsed.values.get('lr')).toBe('0.5');
    expect([...parsed.flags]).toEqual(['quiet', 'help']);
    expect(parseArgs(['--lr=0.5'], options).values.get('lr')).toBe('0.5');
  });

  it('passes negative numbers on as positionals, and everything after --', () => {
    expect(parseArgs(['-3', '--', '--quiet'], options).positionals).toEqual(['-3', '--quiet']);
  });

  it('names the problem with a wrong option', () => {
    expect(() => parseArgs(['--nope'], options)).toThrow('Unknown option "--nope".');
    expect(() => parseArgs(['-x'], options)).toThrow('Unknown option "-x".');
    expect(() => parseArgs(['--lr'], options)).toThrow('--lr needs a value');
    expect(() => parseArgs(['--lr', '--quiet'], options)).toThrow('--lr needs a value');
    expect(() => parseArgs(['--quiet=yes'], options)).toThrow('--quiet takes no value');
    expect(() => parseArgs(['--lr', '1', '--lr', '2'], options)).toThrow('--lr is given more than once');
  });
});

describe('parseTrainArgs and parseServeArgs', () => {
  it('fill in the defaults', () => {
    expect(parseTrainArgs(['100'])).toEqual({
      help: false,
      args: {
        epochs: 100,
        weightsPath: 'weights.json',
        dataPath: undefined,
        feature: undefined,
        target: undefined,
        learningRate: 0.1,
        optimizer: 'sgd',
        validationSplit: 0,
        batchSize: 0,
        seed: 42,
        quiet: false,
      },
    });
    expect(
      !parseTrainArgs(['1e3', '--split', '0,25', '--batch', '32', '--seed', '7', '--lr', '10']).help &&
        parseTrainArgs(['1e3', '--split', '0,25', '--batch', '32', '--seed', '7', '--lr', '10']),
    ).toMatchObject({
      args: { epochs: 1000, validationSplit: 0.25, batchSize: 32, seed: 7, learningRate: 10 },
    });
    expect(parseServeArgs(['w.json'])).toEqual({ help: false, args: { weightsPath: 'w.json', port: 8000, host: '127.0.0.1' } });
    expect(parseServeArgs(['w.json', '--port', '0', '--host', '0.0.0.0'])).toEqual({
      help: false,
      args: { weightsPath: 'w.json', port: 0, host: '0.0.0.0' },
    });
  });

  it.each([
    [[], /^Missing <epochs>/],
    [['10', 'a.json', 'b.json'], /^Too many arguments: "b.json"/],
    [['10', '--optimizer', 'rmsprop'], /^--optimizer must be sgd or adam \(got "rmsprop"\)/],
    [['10', '--lr', '-1'], /^--lr must be a number above 0 and at most 10 \(got "-1"\)/],
    [['10', '--lr', '0'], /^--lr must be a number above 0 and at most 10 \(got "0"\)/],
    [['10', '--lr', '11'], /^--lr must be a number above 0 and at most 10 \(got "11"\)/],
    [['10', '--lr', 'fast'], /^--lr must be a number above 0 and at most 10; "fast" is not a number\./],
    [['10', '--lr', '1,000'], /^--lr "1,000" is ambiguous: use a dot for decimals, and no thousands separators\./],
    [['1,000'], /^<epochs> "1,000" is ambiguous/],
    [['10', '--seed', 'x'], /^--seed must be a whole number from 0 to 4294967295/],
    [['10', '--seed', '1.5'], /^--seed must be a whole number from 0 to 4294967295 \(got "1.5"\)/],
    [['10', '--split', '0.95'], /^--split must be a number from 0 to 0\.9 \(got "0.95"\)/],
    [['10', '--split', '20%'], /^--split must be a number from 0 to 0\.9; "20%" is not a number/],
    [['10', '--batch', '-1'], /^--batch must be a whole number from 0 to 10000000 \(got "-1"\)/],
    [['10', '--batch', '2.5'], /^--batch must be a whole number/],
    [['10', '--feature', ' '], /^--feature needs a column name/],
    [['10', '--data'], /^--data needs a value/],
    [['100001'], /^<epochs> must be a whole number from 1 to 100000 \(got "100001"\)/],
  ])('train refuses %j', (argv, message) => {
    expect(() => parseTrainArgs(argv)).toThrow(message);
    expect(() => parseTrainArgs(argv)).toThrow(/Run "npm run train -- --help" for usage\.$/);
  });

  it.each([
    [[], /^Missing <weights\.json>/],
    [['a.json', 'b.json'], /^Too many arguments/],
    [['w.json', '--port', '70000'], /^--port must be a whole number from 0 to 65535 \(got "70000"\)/],
    [['w.json', '--port', 'http'], /^--port must be a whole number/],
    [['w.json', '--host', ''], /^--host needs an address/],
  ])('serve refuses %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(message);
  });
});

describe('ProgressPrinter', () => {
  function printer(isTTY: boolean) {
    let time = 0;
    let output = '';
    const progress = new ProgressPrinter(new TerminalOutput({ isTTY, write: (text) => (output += text) }), 1000, { now: () => time });
    return { progress, tick: (ms: number) => (time += ms), output: () => output };
  }

  it('when piped: prints the first epoch, then at most one line per 250 ms, then the last epoch', () => {
    const { progress, tick, output } = printer(false);
    for (let epoch = 1; epoch <= 1000; epoch++) {
      progress.add(epoch, 100 / epoch);
      tick(1);
    }
    progress.finish();
    const lines = output().trimEnd().split('\n');
    expect(lines[0]).toBe('epoch    1/1000  loss 100.00000');
    expect(lines.at(-1)).toBe('epoch 1000/1000  loss 0.10000000');
    expect(lines.map((line) => Number(/\d+/.exec(line)![0]))).toEqual([1, 251, 501, 751, 1000]);
  });

  it('on a terminal: rewrites one line in place and ends it once', () => {
    const { progress, tick, output } = printer(true);
    progress.add(1, 80);
    tick(150);
    progress.add(2, 50);
    progress.finish();
    expect(output()).toBe('\repoch    1/1000  loss 80.000000\x1b[K\repoch    2/1000  loss 50.000000\x1b[K\n');
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await makeTempDir()));
  afterAll(() => remove());

  it('replaces the file and leaves no temporary file', async () => {
    const path = join(dir, 'a.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old file and removes the temporary one when the write fails before the rename', async () => {
    const path = join(dir, 'b.json');
    await writeFile(path, 'old');
    let tempContent = '';
    const failing = writeFileAtomic(path, 'new', {
      beforeRename: async (tempPath) => {
        tempContent = await readFile(tempPath, 'utf8');
        throw new Error('disk pulled out');
      },
    });
    await expect(failing).rejects.toThrow('disk pulled out');
    expect(tempContent).toBe('new');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.json']);
  });
});

describe('createPredictServer in-process', () => {
  const model = closedFormModel();
  const logged: string[] = [];
  const server = createPredictServer(model, { log: (line) => logged.push(line) });
  let port: number;
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve())));
  beforeAll(() => void (port = (server.address() as AddressInfo).port));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 413 and closes the connection when a chunked body (no Content-Length) passes 1 KB', async () => {
    const { status, connection } = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/predict',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode!, connection: res.headers.connection });
      });
      req.on('error', reject);
      req.write('bmi=28.45&padding=');
      req.write('x'.repeat(1100));
      // Never ends the body: the server must answer without waiting for the rest.
    });
    expect(status).toBe(413);
    expect(connection).toBe('close');
  });

  it('ignores a query string, and matches the field name case-insensitively', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/predict?debug=1`, {
      method: 'POST',
      body: new URLSearchParams({ BMI: '28.45' }),
    });
    expect(await response.text()).toBe(`${predict(model, 28.45).toFixed(4)}\n`);
    expect(logged.at(-1)).toMatch(/ POST \/predict 200 /);
  });

  it('answers HEAD / without a body', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
