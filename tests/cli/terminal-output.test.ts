/**
 * Issue 22, item 7: every line the commands write goes through one writer that escapes control
 * characters, so a column name with an escape sequence never reaches the terminal raw, in `train`'s
 * start line, fit summary and coefficient table as in its refusals, and in `serve`'s lines.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalOutput } from '../../src/cli/terminal-output.ts';
import { serializeWeights } from '../../src/core/model/weights-file.ts';
import { bundledCsv } from '../unit/bundled-data.ts';
import { closedFormModel, makeTempDir, run, startServeProcess } from './helpers.ts';

/** A control character the writer would not add itself (it adds newlines, and keeps a layout's tabs). */
// eslint-disable-next-line no-control-regex -- what must never reach the terminal
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function collecting(isTTY = false): { out: TerminalOutput; written: () => string } {
  let text = '';
  return { out: new TerminalOutput({ isTTY, write: (chunk: string) => (text += chunk) }), written: () => text };
}

describe('TerminalOutput', () => {
  it('writes a line with every control character escaped, a newline included', () => {
    const { out, written } = collecting();
    out.line('a\x1b[2Jb\nc\td\u202e');
    expect(written()).toBe('a\\x1b[2Jb\\x0ac\\x09d\\u202e\n');
  });

  it('keeps the newlines and tabs of a block, escaping everything else in each line', () => {
    const { out, written } = collecting();
    out.block('Name\tValue\nB\x1b]0;x\x07mi\t2\n');
    expect(written()).toBe('Name\tValue\nB\\x1b]0;x\\x07mi\t2\n');
  });

  it('adds its own codes around an escaped in-place line', () => {
    const { out, written } = collecting(true);
    out.redraw('epoch 1\x1b[31m');
    out.endRedraw();
    expect(written()).toBe('\repoch 1\\x1b[31m\x1b[K\n');
  });

  it('batches lineSoon lines into one write per turn of the event loop, in order after the lines before', async () => {
    const writes: string[] = [];
    const out = new TerminalOutput({ write: (chunk: string) => void writes.push(chunk) });
    out.lineSoon('one');
    out.lineSoon('two\x1b');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['one\ntwo\\x1b\n']);
    out.lineSoon('three');
    out.line('four');
    expect(writes).toEqual(['one\ntwo\\x1b\n', 'three\n', 'four\n']);
  });

  it('keeps a batch under PIPE_BUF, so lines of several processes on one pipe never interleave', () => {
    const writes: string[] = [];
    const out = new TerminalOutput({ write: (chunk: string) => void writes.push(chunk) });
    for (let i = 0; i < 200; i++) out.lineSoon(`2026-12-05T23:00:00.000Z POST /predict 200 0.${i} ms`);
    out.flush();
    expect(writes.length).toBeGreaterThan(1);
    for (const chunk of writes) {
      expect(Buffer.byteLength(chunk)).toBeLessThanOrEqual(4096);
      expect(chunk.endsWith('\n')).toBe(true);
    }
    expect(writes.join('').split('\n')).toHaveLength(201);
  });
});

describe('the commands write no raw control character from a column name', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await makeTempDir()));
  afterAll(() => remove());

  const feature = 'B\x1b]0;owned\x07m\x1b[2Ji';
  const target = 'Life\x1b[31mExpectancy\u202e';

  it('train: the start line, the summary and the coefficient table show the names escaped', async () => {
    const [header, ...rows] = bundledCsv.trim().split('\n');
    expect(header.trim()).toBe('Country,LifeExpectancy,Bmi');
    const csv = join(dir, 'names.csv');
    await writeFile(csv, [`Country,"${target}","${feature}"`, ...rows].join('\n'));
    const result = await run('train', ['20', join(dir, 'w.json'), '--data', csv, '--feature', feature, '--target', target]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    const shown = 'B\\x1b]0;owned\\x07m\\x1b[2Ji';
    expect(result.stdout).toContain(`Training ${shown} → Life\\x1b[31mExpectancy\\u202e on 163 rows`);
    // The coefficient table's estimates line up, counting the name as shown.
    const tableRows = result.stdout.split('\n').filter((line) => /^(\(Intercept\)|\S+)\s+-?\d+\.\d{4}\s/.test(line));
    expect(tableRows.map((line) => line.split(/\s+/)[0])).toEqual(['(Intercept)', shown]);
    const estimateEnds = tableRows.map((line) => /^\S+\s+-?\d+\.\d{4}/.exec(line)![0].length);
    expect(estimateEnds[0]).toBe(estimateEnds[1]);
  });

  it('serve: the lines it prints at start show the names escaped', async () => {
    const model = closedFormModel();
    const path = join(dir, 'served.json');
    await writeFile(
      path,
      serializeWeights({ ...model, feature: { ...model.feature, name: feature }, target: { ...model.target, name: target } }),
    );
    const server = await startServeProcess(path);
    try {
      await fetch(`${server.url}/model`);
      server.child.kill('SIGTERM');
      const { stdout, code } = await server.exited;
      expect(code).toBe(0);
      expect(stdout).toContain('B\\x1b]0;owned\\x07m\\x1b[2Ji → Life\\x1b[31mExpectancy\\u202e');
      expect(stdout).not.toMatch(RAW_CONTROL);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
