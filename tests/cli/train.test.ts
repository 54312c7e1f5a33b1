/**
 * `npm run train`, run for real: training, resuming, atomic saving and every refusal.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWeights, serializeWeights } from '../../src/core/model/weights-file.ts';
import { scalingOf } from '../../src/core/stats/stats.ts';
import { REFERENCE } from '../unit/reference.ts';
import { bundledDataset, closedFormModel, collect, ENTRY, lossLines, makeTempDir, ROOT, run, waitForOutput } from './helpers.ts';

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
});
afterAll(() => removeDir());

async function readModel(path: string) {
  const result = parseWeights(await readFile(path, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return result.model;
}

describe('train <epochs> <weights.json>', () => {
  it('trains to the closed-form line, then resumes from the file and accumulates epochs', async () => {
    const path = join(dir, 'w.json');
    const first = await run('train', ['100', path]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const model = await readModel(path);
    expect(relative(model.slope, REFERENCE.slope)).toBeLessThan(1e-3);
    expect(relative(model.intercept, REFERENCE.intercept)).toBeLessThan(1e-3);
    expect(model.training).toMatchObject({ epochs: 100, optimizer: 'sgd', learningRate: 0.1, backend: 'cpu', rows: 163 });
    expect(first.stdout).toMatch(/Saved .*w\.json/);
    expect(first.stdout).toMatch(/gap to the closed-form optimum/);

    const untrainedLoss = scalingOf(bundledDataset().dataset.y).std ** 2; // ≈ 80.2: the loss of a flat line at 0 in standardized units
    const firstLosses = lossLines(first.stdout);
    // The first line is the starting point: epoch 0, the untrained line's loss.
    expect(firstLosses[0]).toMatchObject({ epoch: 0, lastEpoch: 100 });
    expect(relative(firstLosses[0].loss, untrainedLoss)).toBeLessThan(1e-3);
    expect(firstLosses.at(-1)!.epoch).toBe(100);
    const lastLoss = firstLosses.at(-1)!.loss;
    expect(relative(lastLoss, REFERENCE.mse)).toBeLessThan(1e-5);
    // The last line describes the saved weights: it is their MSE.
    expect(relative(lastLoss, model.training.trainMse)).toBeLessThan(1e-5);

    const second = await run('train', ['100', path]);
    expect(second.code).toBe(0);
    const resumedLosses = lossLines(second.stdout);
    // The resumed run starts where the first ended (epoch 100, the loaded model's loss), not from the untrained line.
    expect(resumedLosses[0]).toMatchObject({ epoch: 100, lastEpoch: 200 });
    expect(relative(resumedLosses[0].loss, lastLoss)).toBeLessThan(1e-5);
    expect(resumedLosses.at(-1)!.epoch).toBe(200);
    expect(second.stdout).toMatch(/continuing from .*w\.json \(100 epochs/);
    expect((await readModel(path)).training.epochs).toBe(200);
  });

  it('saves to weights.json in the current folder by default, and --quiet prints only the summary', async () => {
    const result = await run('train', ['5', '--quiet'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(lossLines(result.stdout)).toEqual([]);
    expect(result.stdout).toMatch(/^Trained 5 epochs/);
    expect((await readModel(join(dir, 'weights.json'))).training.epochs).toBe(5);
  });

  it('honours --data, --feature, --target, --lr, --optimizer and --seed', async () => {
    // The bundled data with its columns renamed and reordered, so the defaults cannot be what makes it work.
    const renamed = (await readFile(join(ROOT, 'public', 'bmi_and_life_expectancy.csv'), 'utf8'))
      .replace('Country,LifeExpectancy,Bmi', 'Country,Years,Mass')
      .split('\n')
      .map((line) => line.split(',').reverse().join(','))
      .join('\n');
    const csv = join(dir, 'renamed.csv');
    await writeFile(csv, renamed);
    const path = join(dir, 'options.json');
    const result = await run('train', [
      '60',
      path,
      '--data',
      csv,
      '--feature',
      'Mass',
      '--target=Years',
      '--lr',
      '0.05',
      '--optimizer',
      'adam',
      '--seed',
      '7',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const model = await readModel(path);
    expect(model.feature.name).toBe('Mass');
    expect(model.target.name).toBe('Years');
    expect(model.training).toMatchObject({ optimizer: 'adam', learningRate: 0.05, epochs: 60 });
    // Resuming without --feature/--target keeps the file's columns.
    const resumed = await run('train', ['1', path, '--data', csv, '--quiet']);
    expect(resumed.code).toBe(0);
    expect((await readModel(path)).training.epochs).toBe(61);
  });

  it('holds out --split rows and shuffles --batch batches by --seed: the same seed repeats a run, another changes it', async () => {
    const train = async (name: string, seed: string) => {
      const path = join(dir, name);
      const result = await run('train', ['20', path, '--split', '0.2', '--batch', '16', '--seed', seed]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return { stdout: result.stdout, model: await readModel(path) };
    };
    const [first, again, other] = await Promise.all([train('seed-a.json', '7'), train('seed-b.json', '7'), train('seed-c.json', '8')]);
    expect(first.stdout).toMatch(/batches of 16, 0\.2 of the rows held out for validation \(seed 7\)/);
    expect(first.stdout).toMatch(/^ {2}held out {3}MSE \d/m);
    // 163 rows, a fifth (33) held out.
    expect(first.model.training.rows).toBe(130);
    expect(first.model.training.validationMse).toBeGreaterThan(0);
    expect(again.model.slope).toBe(first.model.slope);
    expect(again.model.training.validationMse).toBe(first.model.training.validationMse);
    expect(other.model.slope).not.toBe(first.model.slope);
    expect(other.model.training.validationMse).not.toBe(first.model.training.validationMse);
  });

  it('prints a sensible number of loss lines for a long piped run', async () => {
    const result = await run('train', ['5000', join(dir, 'long.json')]);
    expect(result.code).toBe(0);
    const lines = lossLines(result.stdout);
    expect(lines[0].epoch).toBe(0);
    expect(lines.at(-1)!.epoch).toBe(5000);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThan(100);
  });
});

describe('saving is atomic', () => {
  it('leaves the old file intact when the process is killed between writing the new one and renaming it', async () => {
    const path = join(dir, 'atomic.json');
    const old = serializeWeights(closedFormModel(7));
    await writeFile(path, old);

    // `node --import tsx` rather than the tsx binary: tsx runs the script in a child process, and the
    // SIGKILL must hit the process that is writing.
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY.train, '3', path, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, BMI_PREDICTOR_TEST_PAUSE_BEFORE_RENAME_MS: '20000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = collect(child);
    const [, tempPath] = await waitForOutput(child, 'stderr', /paused before renaming (\S+)\n/);

    // The new weights are complete on disk, next to the target, while the target still holds the old ones.
    const pending = parseWeights(await readFile(tempPath, 'utf8'));
    expect(pending.ok && pending.model.training.epochs).toBe(10);
    expect(await readFile(path, 'utf8')).toBe(old);

    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    expect(await readFile(path, 'utf8')).toBe(old);
    expect(parseWeights(old).ok).toBe(true);

    // Control: the same run, not killed, does replace the file (so the test above could have failed).
    const completed = await run('train', ['3', path, '--quiet']);
    expect(completed.code).toBe(0);
    expect((await readModel(path)).training.epochs).toBe(10);
  });

  it('leaves no temporary file behind after a normal save', async () => {
    const folder = join(dir, 'clean');
    await mkdir(folder);
    const result = await run('train', ['2', join(folder, 'w.json'), '--quiet']);
    expect(result.code).toBe(0);
    expect(await readdir(folder)).toEqual(['w.json']);
  });
});

describe('refusals: exit code 1, one line on stderr, files untouched', () => {
  // Each case runs in a folder of its own holding only other.csv; afterwards the folder must hold only that.
  // (The other argument mistakes are covered in-process in pieces.test.ts, to keep this file fast.)
  const refusals: [what: string, args: string[], message: RegExp][] = [
    ['epochs 0', ['0'], /<epochs> must be a whole number from 1 to 100000 \(got "0"\)/],
    ['epochs -3', ['-3'], /<epochs> must be a whole number from 1 to 100000 \(got "-3"\)/],
    ['epochs 2.5', ['2.5'], /<epochs> must be a whole number from 1 to 100000 \(got "2.5"\)/],
    ['epochs abc', ['abc'], /<epochs> must be a whole number from 1 to 100000; "abc" is not a number/],
    ['an unknown option', ['10', '--epochs-per-second', '3'], /Unknown option "--epochs-per-second"/],
    ['an unreadable CSV', ['10', '--data', 'missing.csv'], /Cannot read the CSV file missing\.csv: no such file/],
    [
      'a CSV without the columns',
      ['10', '--data', 'other.csv'],
      /Cannot train on other\.csv: Column "Bmi" and "LifeExpectancy" not found.*Its columns: a, b, c/,
    ],
    ['a CSV without the chosen column', ['10', '--feature', 'Weight'], /Column "Weight" not found in the header/],
    ['a folder that does not exist', ['10', 'nowhere/w.json'], /Cannot save the weights to nowhere\/w\.json: no such file/],
  ];

  it.concurrent.each(refusals)('refuses %s', async (what, args, message) => {
    const folder = join(dir, `refuse-${what.replace(/\W+/g, '-')}`);
    await mkdir(folder);
    await writeFile(join(folder, 'other.csv'), 'a,b,c\n1,2,3\n4,5,6\n');
    const result = await run('train', args, { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^train: /);
    expect(result.stderr).toMatch(message);
    expect(await readdir(folder)).toEqual(['other.csv']);
  });

  it.concurrent.each([
    ['not JSON', 'weights.bin contents\n', /not valid JSON/],
    ['another format', '{"modelTopology": {}, "weightsManifest": []}\n', /TensorFlow\.js model\.json, not a bmi-predictor weights file/],
  ])('refuses a weights file that is %s and leaves it unchanged', async (what, content, message) => {
    const path = join(dir, `wrong-${what.replace(/\W/g, '-')}.json`);
    await writeFile(path, content);
    const result = await run('train', ['10', path]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/left unchanged/);
    expect(await readFile(path, 'utf8')).toBe(content);
  });

  it.concurrent('refuses a weights file of other columns than the ones asked for, and leaves it unchanged', async () => {
    const path = join(dir, 'columns.json');
    const content = serializeWeights(closedFormModel());
    await writeFile(path, content);
    const result = await run('train', ['10', path, '--feature', 'LifeExpectancy', '--target', 'Bmi']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/predicts LifeExpectancy from Bmi, but this run asks for Bmi from LifeExpectancy/);
    expect(await readFile(path, 'utf8')).toBe(content);
  });
});

describe('--help', () => {
  it.concurrent.each([['--help'], ['-h']])('%s exits 0 and explains every option', async (flag) => {
    const result = await run('train', [flag]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: npm run train -- <epochs> \[weights\.json\]/);
    for (const option of ['--data', '--feature', '--target', '--lr', '--optimizer', '--split', '--batch', '--seed', '--quiet', '--help']) {
      expect(result.stdout).toContain(option);
    }
  });
});

describe('a CSV whose columns are named like object properties (issue 22, class 8)', () => {
  it('trains on a numeric column named __proto__ against one named constructor', async () => {
    const csv = join(dir, 'proto.csv');
    await writeFile(csv, 'toString,__proto__,constructor\nA,20,50\nB,22,56\nC,25,61\nD,27,66\n');
    const path = join(dir, 'proto.json');
    const result = await run('train', ['5', path, '--data', csv, '--feature', '__proto__', '--target', 'constructor', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const model = await readModel(path);
    expect(model.feature.name).toBe('__proto__');
    expect(model.target.name).toBe('constructor');
    expect([model.feature.min, model.feature.max]).toEqual([20, 27]);
  });
});
