/**
 * The statistics on the command line: `train` prints R's coefficient table and writes a version 2
 * file; `serve` answers JSON with 95% intervals from it, and still serves a version 1 file, without
 * intervals and with a note.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedFormModel as exactModel } from '../../src/core/model/closed-form-model.ts';
import { isIntervalBasis } from '../../src/core/stats/intervals.ts';
import { parseWeights, serializeWeights } from '../../src/core/model/weights-file.ts';
import { R_INTERVALS, R_SUMMARY, relativeError } from '../unit/statistics-reference.ts';
import { bundledDataset, closedFormModel as version1Model, collect, makeTempDir, run, spawnCommand, waitForOutput } from './helpers.ts';

let dir: string;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
});
afterAll(() => removeDir());

interface Interval {
  level: number;
  low: number;
  high: number;
}
interface Answer {
  bmi: number;
  lifeExpectancy: number;
  predictionInterval?: Interval;
  confidenceInterval?: Interval;
  intervalNote?: string;
}

/** Serves `path`, sends one JSON and one form request for BMI 28.45, and stops the server. */
async function askServer(path: string): Promise<{ json: Answer; form: string; printed: string }> {
  const child = spawnCommand('serve', [path, '--port', '0']);
  const exited = collect(child);
  try {
    const [url] = await waitForOutput(child, 'stdout', /http:\/\/127\.0\.0\.1:\d+/);
    const ask = (body: string, type: string) =>
      fetch(`${url}/predict`, { method: 'POST', body, headers: { 'Content-Type': type } }).then((r) => r.text());
    const json = JSON.parse(await ask('{"bmi": 28.45}', 'application/json')) as Answer;
    const form = await ask('bmi=28.45', 'application/x-www-form-urlencoded');
    child.kill('SIGTERM');
    return { json, form, printed: (await exited).stdout };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

describe('train', () => {
  it("prints R's coefficient table after the fit and writes a version 2 file with the intervals' statistics", async () => {
    const path = join(dir, 'trained.json');
    const result = await run('train', ['100', path, '--quiet']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(
      /^Coefficients:\n {12}Estimate Std\. Error t value Pr\(>\|t\|\)\n\(Intercept\) {3}7\.2278 {5}5\.3200 {3}1\.359 {4}0\.176\nBmi {11}2\.5185 {5}0\.2136 {2}11\.792 {3}<2e-16 \*\*\*$/m,
    );
    expect(out).toContain('Residual standard error: 6.6 on 161 degrees of freedom');
    expect(out).toContain('Multiple R-squared:  0.4634,\tAdjusted R-squared:  0.4601');
    expect(out).toContain('F-statistic: 139.1 on 1 and 161 DF,  p-value: < 2.2e-16');
    expect(out).toMatch(/^Bmi +2\.09672\d +2\.94023\d$/m);
    const file = JSON.parse(await readFile(path, 'utf8')) as { version: number; intervals: Record<string, number> };
    expect(file.version).toBe(2);
    expect(file.intervals.degreesOfFreedom).toBe(161);
    // A trained line is within float32 of the optimum, so its residual SE is R's to ~1e-7.
    expect(relativeError(file.intervals.residualStandardError, R_SUMMARY.residualStandardError)).toBeLessThan(1e-6);
  });

  it('uses the training rows only with --split: n − 2 degrees of freedom of those rows', async () => {
    const path = join(dir, 'split.json');
    const result = await run('train', ['50', path, '--quiet', '--split', '0.2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('on 128 degrees of freedom');
    const parsed = parseWeights(await readFile(path, 'utf8'));
    expect(parsed.ok && isIntervalBasis(parsed.model.intervals) && parsed.model.intervals.rows).toBe(130);
  });

  it('continues training from a version 1 file, and the result is version 2', async () => {
    const path = join(dir, 'old.json');
    await writeFile(path, serializeWeights(version1Model(10)));
    expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(1);
    const result = await run('train', ['5', path, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(2);
  });
});

describe('serve', () => {
  it('answers JSON with the 95% prediction and confidence intervals R gives, and the form with the plain number', async () => {
    const path = join(dir, 'exact.json');
    await writeFile(path, serializeWeights(exactModel(bundledDataset().dataset, new Date('2026-12-01T09:00:00Z'))));
    const { json, form } = await askServer(path);
    const reference = R_INTERVALS[1];
    expect(json.bmi).toBe(28.45);
    expect(relativeError(json.lifeExpectancy, reference.fitted)).toBeLessThan(1e-9);
    expect(json.predictionInterval!.level).toBe(0.95);
    expect(relativeError(json.predictionInterval!.low, reference.prediction[0])).toBeLessThan(1e-6);
    expect(relativeError(json.predictionInterval!.high, reference.prediction[1])).toBeLessThan(1e-6);
    expect(json.confidenceInterval!.level).toBe(0.95);
    expect(relativeError(json.confidenceInterval!.low, reference.confidence[0])).toBeLessThan(1e-6);
    expect(relativeError(json.confidenceInterval!.high, reference.confidence[1])).toBeLessThan(1e-6);
    expect(json.intervalNote).toBeUndefined();
    expect(form).toBe('78.8786\n');
  });

  it('carries the interval for weights written by train', async () => {
    const path = join(dir, 'served-trained.json');
    expect((await run('train', ['100', path, '--quiet'])).code).toBe(0);
    const { json } = await askServer(path);
    expect(Math.abs(json.predictionInterval!.low - 65.7149)).toBeLessThan(1e-3);
    expect(Math.abs(json.predictionInterval!.high - 92.0422)).toBeLessThan(1e-3);
    expect(Math.abs(json.confidenceInterval!.low - 77.0288)).toBeLessThan(1e-3);
  });

  it('still serves a version 1 file: the prediction, no interval, and a note saying why', async () => {
    const path = join(dir, 'version1.json');
    await writeFile(path, serializeWeights(version1Model()));
    const { json, form, printed } = await askServer(path);
    expect(relativeError(json.lifeExpectancy, R_INTERVALS[1].fitted)).toBeLessThan(1e-9);
    expect(json.predictionInterval).toBeUndefined();
    expect(json.confidenceInterval).toBeUndefined();
    expect(json.intervalNote).toMatch(/^No 95% interval: its weights file is version 1/);
    expect(form).toBe('78.8786\n');
    expect(printed).toMatch(/^No 95% interval: its weights file is version 1/m);
  });
});
