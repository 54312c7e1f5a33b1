/**
 * Issue 10, items 1 and 6, on the real `train` and `serve` commands: a data set whose statistics
 * overflow never reaches a file; a weights path that is not a regular file is refused at once; text
 * from a CSV in a refusal is escaped onto one line; an interrupted save leaves no temporary file, a
 * killed one's is cleaned by the next save; and a run does not overwrite a file another run saved
 * since it read it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWeights, serializeWeights } from '../../src/core/model/weights-file.ts';
import { bundledCsv } from '../unit/bundled-data.ts';
import { closedFormModel, collect, ENTRY, makeTempDir, ROOT, run, waitForOutput, type RunResult } from './helpers.ts';

let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
});
afterAll(() => removeDir());

async function epochsIn(path: string): Promise<number> {
  const result = parseWeights(await readFile(path, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return result.model.training.epochs;
}

/**
 * `train` in the process itself (`node --import tsx`, not the tsx binary, which runs the script in a
 * child), so signals reach the process that writes; it pauses before its rename until SIGUSR2.
 */
function trainPausingBeforeRename(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY.train, ...args], {
    cwd: ROOT,
    env: { ...process.env, BMI_PREDICTOR_TEST_PAUSE_BEFORE_RENAME_MS: '60000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a command but gives up (killing it) after `ms`: a command that blocks fails the test instead of hanging it. */
async function runWithin(command: 'train' | 'serve', args: string[], ms: number): Promise<RunResult & { timedOut: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY[command], ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, ms);
  const result = await collect(child);
  clearTimeout(timer);
  return { ...result, timedOut };
}

describe('a CSV whose statistics overflow never becomes a weights file', () => {
  it('refuses BMI 1e200 before training, naming line 4, and leaves the good file as it was', async () => {
    const good = join(dir, 'good.json');
    const content = serializeWeights(closedFormModel(20));
    await writeFile(good, content);
    const lines = bundledCsv.trimEnd().split(/\r?\n/);
    lines.splice(3, 0, 'Typo,70,1e200');
    const typo = join(dir, 'typo.csv');
    await writeFile(typo, `${lines.join('\n')}\n`);

    const result = await run('train', ['20', good, '--data', typo]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/Saved|NaN/);
    expect(result.stderr).toMatch(/line 4 \(Bmi 1e\+200\)/);
    expect(await readFile(good, 'utf8')).toBe(content);
  });
});

describe('a weights path that is not a regular file is refused at once', () => {
  it.concurrent.each([['train', ['5']] as const, ['serve', []] as const])(
    '%s refuses a FIFO instead of blocking on it',
    async (command, extra) => {
      const fifo = join(dir, `${command}.fifo`);
      execFileSync('mkfifo', [fifo]);
      const result = await runWithin(command, command === 'train' ? [...extra, fifo] : [fifo], 20_000);
      expect(result.timedOut).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/is a named pipe \(FIFO\), not a regular file/);
    },
  );

  it('refuses a device', async () => {
    const result = await runWithin('serve', ['/dev/null'], 20_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\/dev\/null is a device, not a regular file/);
  });
});

describe('text from a CSV in a refusal is escaped and stays on one line', () => {
  it('shows a header’s escape sequence and newline as visible escapes', async () => {
    const csv = join(dir, 'evil.csv');
    await writeFile(csv, '"a\x1b[2J\nsecond line",b\u202e,c\n1,2,3\n4,5,6\n');
    const result = await run('train', ['5', join(dir, 'evil.json'), '--data', csv]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(result.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\u202e]/);
    expect(result.stderr).toContain('Its columns: a\\x1b[2J\\x0asecond line, b\\u202e, c');
  });
});

describe('no temporary file outlives a save', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`removes it when the save is interrupted by ${signal}, and the old file stays`, async () => {
      const folder = join(dir, `interrupt-${signal}`);
      await mkdir(folder);
      const path = join(folder, 'w.json');
      const old = serializeWeights(closedFormModel(7));
      await writeFile(path, old);

      const child = trainPausingBeforeRename(['3', path, '--quiet']);
      const exited = collect(child);
      const [, tempPath] = await waitForOutput(child, 'stderr', /paused before renaming (\S+)\n/);
      expect((await readdir(folder)).sort()).toEqual(['w.json', tempPath.slice(folder.length + 1)].sort());

      child.kill(signal);
      expect((await exited).signal).toBe(signal);
      expect(await readdir(folder)).toEqual(['w.json']);
      expect(await readFile(path, 'utf8')).toBe(old);
    });
  }

  it('cleans the left-overs of a killed save at the next save of that file, and no other file’s', async () => {
    const folder = join(dir, 'killed');
    await mkdir(folder);
    const path = join(folder, 'w.json');
    await writeFile(path, serializeWeights(closedFormModel(7)));
    // Another file's temporary file, of a process long gone: not this save's business.
    const othersTemp = '.other.json.999999.0123abcd.tmp';
    await writeFile(join(folder, othersTemp), 'x');

    const child = trainPausingBeforeRename(['3', path, '--quiet']);
    const exited = collect(child);
    await waitForOutput(child, 'stderr', /paused before renaming/);
    child.kill('SIGKILL');
    await exited;
    expect(await readdir(folder)).toHaveLength(3); // SIGKILL cannot be caught: the left-over is there.

    const next = await run('train', ['3', path, '--quiet']);
    expect(next.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual([othersTemp, 'w.json'].sort());
    expect(await epochsIn(path)).toBe(10);
  });
});

describe('two runs saving the same file', () => {
  it('the second to save refuses to overwrite what the first saved since it read the file, and says so', async () => {
    const folder = join(dir, 'concurrent');
    await mkdir(folder);
    const path = join(folder, 'w.json');
    await writeFile(path, serializeWeights(closedFormModel(100)));

    // A reads the file (100 epochs) and stops before saving; B reads it too and saves 100 + 5.
    const a = trainPausingBeforeRename(['3', path, '--quiet']);
    const aExited = collect(a);
    await waitForOutput(a, 'stderr', /paused before renaming/);
    const b = await run('train', ['5', path, '--quiet']);
    expect(b.code).toBe(0);
    expect(await epochsIn(path)).toBe(105);

    a.kill('SIGUSR2'); // A goes on to save 100 + 3 over B's 105.
    const aResult = await aExited;
    expect(aResult.code).toBe(1);
    expect(aResult.stderr).toMatch(/w\.json changed since this run read it .*not overwritten.*this run's 3 epochs were not saved/);
    expect(await epochsIn(path)).toBe(105);
    expect(await readdir(folder)).toEqual(['w.json']);
  });

  it('a run that is alone saves as before (control)', async () => {
    const folder = join(dir, 'alone');
    await mkdir(folder);
    const path = join(folder, 'w.json');
    const a = trainPausingBeforeRename(['3', path, '--quiet']);
    const aExited = collect(a);
    await waitForOutput(a, 'stderr', /paused before renaming/);
    a.kill('SIGUSR2');
    const aResult = await aExited;
    expect(aResult.signal).toBeNull();
    expect(aResult.code).toBe(0);
    expect(await epochsIn(path)).toBe(3);
  });
});
