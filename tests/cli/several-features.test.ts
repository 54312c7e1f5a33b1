/**
 * Several features from a terminal: `train --feature a --feature b,c` prints R's summary for every
 * coefficient and writes a version 3 file; `serve` answers a form and JSON with a field per feature.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWeights } from '../../src/core/model/weights-file.ts';
import { modelFeatureNames } from '../../src/core/model/model-features.ts';
import { rFixture } from '../unit/r-lm-fixtures.ts';
import { relativeError } from '../unit/statistics-reference.ts';
import { collect, makeTempDir, ROOT, run, spawnCommand, waitForOutput } from './helpers.ts';

let dir: string;
let removeDir: () => Promise<void>;
let trained: { stdout: string; code: number | null; path: string };
const { fixture } = rFixture('stackloss');
const csv = join(ROOT, 'tests', 'fixtures', 'r-lm', 'stackloss.csv');

beforeAll(async () => {
  ({ dir, remove: removeDir } = await makeTempDir());
  const path = join(dir, 'stackloss.json');
  const result = await run('train', [
    '3000',
    path,
    '--data',
    csv,
    '--feature',
    'Air.Flow',
    '--feature',
    'Water.Temp,Acid.Conc.',
    '--target',
    'stack.loss',
    '--lr',
    '0.3',
    '--quiet',
  ]);
  trained = { ...result, path };
}, 120_000);
afterAll(() => removeDir());

describe('train with several features', () => {
  it("prints R's coefficient table for every feature, and its F on (p − 1, n − p)", () => {
    expect(trained.code).toBe(0);
    const rows = fixture.coefficients.map((term) => {
      const line = trained.stdout.split('\n').find((text) => text.startsWith(`${term.name} `));
      expect(line, term.name).toBeDefined();
      return line!.trim().split(/\s+/);
    });
    rows.forEach((cells, i) => {
      const want = fixture.coefficients[i];
      // Estimates to the digits R prints: float32 training lands on the optimum; standard errors from the cross-products.
      expect(Number(cells[1])).toBeCloseTo(want.estimate!, 3);
      expect(Number(cells[2])).toBeCloseTo(want.standardError!, 4);
    });
    expect(trained.stdout).toContain('Residual standard error: 3.243 on 17 degrees of freedom');
    expect(trained.stdout).toContain('F-statistic: 59.9 on 3 and 17 DF');
  });

  it('writes a version 3 weights file of the features in the order asked for', async () => {
    const read = parseWeights(await readFile(trained.path, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    expect(JSON.parse(await readFile(trained.path, 'utf8')).version).toBe(3);
    expect(modelFeatureNames(read.model)).toEqual(['Air.Flow', 'Water.Temp', 'Acid.Conc.']);
    expect(relativeError(read.model.moreFeatures![0].coefficient, fixture.coefficients[2].estimate!)).toBeLessThan(1e-3);
  });

  it('refuses to continue it with other features, and leaves the file unchanged', async () => {
    const before = await readFile(trained.path, 'utf8');
    const result = await run('train', [
      '10',
      trained.path,
      '--data',
      csv,
      '--feature',
      'Water.Temp,Air.Flow,Acid.Conc.',
      '--target',
      'stack.loss',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /predicts stack\.loss from Air\.Flow, Water\.Temp, Acid\.Conc\., but this run asks for stack\.loss from Water\.Temp, Air\.Flow, Acid\.Conc\./,
    );
    expect(await readFile(trained.path, 'utf8')).toBe(before);
  });

  it.each([
    [['--feature', 'a,,b'], /--feature needs a column name \(between commas too\)/],
    [['--feature', 'a', '--feature', 'a'], /--feature "a" is given twice/],
  ])('refuses %j', async (args, message) => {
    const result = await run('train', ['10', join(dir, 'never.json'), ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('serve with several features', () => {
  it('answers a form with the plain number and JSON with every input and predict.lm’s intervals; refuses a missing, duplicated or unknown field by name', async () => {
    const child = spawnCommand('serve', [trained.path, '--port', '0']);
    const exited = collect(child);
    try {
      const [url] = await waitForOutput(child, 'stdout', /http:\/\/127\.0\.0\.1:\d+/);
      const ask = async (body: string, type = 'application/x-www-form-urlencoded') => {
        const response = await fetch(`${url}/predict`, { method: 'POST', body, headers: { 'Content-Type': type } });
        return { status: response.status, text: await response.text() };
      };
      const point = fixture.predictions[0];
      const form = await ask('air.flow=60&Water.Temp=21&acid.conc.=86');
      expect(form.status).toBe(200);
      expect(Number(form.text)).toBeCloseTo(point.fitted, 2);
      const json = await ask('{"Air.Flow": 60, "water.temp": 21, "Acid.Conc.": "86"}', 'application/json');
      const answer = JSON.parse(json.text);
      expect(answer).toMatchObject({ 'air.flow': 60, 'water.temp': 21, 'acid.conc.': 86, extrapolation: false });
      expect(answer.predictionInterval.low).toBeCloseTo(point.prediction[0], 2);
      expect(answer.confidenceInterval.high).toBeCloseTo(point.confidence[1], 2);
      expect(await ask('air.flow=60&water.temp=21')).toEqual({
        status: 400,
        text: expect.stringMatching(/^Missing "acid\.conc\.": send air\.flow=<number>&water\.temp=<number>&acid\.conc\.=<number>/),
      });
      expect(await ask('air.flow=60&water.temp=21&acid.conc.=86&AIR.FLOW=61')).toEqual({
        status: 400,
        text: expect.stringMatching(/^"air\.flow" is given 2 times; send it once\./),
      });
      const twiceInJson = await ask('{"air.flow": 60, "water.temp": 21, "acid.conc.": 86, "air.flow": 1}', 'application/json');
      expect(twiceInJson.status).toBe(400);
      expect((JSON.parse(twiceInJson.text) as { error: string }).error).toMatch(/"air\.flow" is given 2 times/);
      expect(await ask('air.flow=60&water.temp=21&acid.conc.=86&bmi=20')).toEqual({
        status: 400,
        text: expect.stringMatching(/^Unknown field "bmi": this model reads air\.flow, water\.temp, acid\.conc\./),
      });
      const described = (await (await fetch(`${url}/model`)).json()) as {
        features: { field: string; coefficient: number }[];
        intercept: number;
        intervals: boolean;
      };
      expect(described.features.map((f) => f.field)).toEqual(['air.flow', 'water.temp', 'acid.conc.']);
      expect(described.features[1].coefficient).toBeCloseTo(fixture.coefficients[2].estimate!, 3);
      expect(described.intervals).toBe(true);
      child.kill('SIGTERM');
      const printed = (await exited).stdout;
      expect(printed).toMatch(/Serving .* \(Air\.Flow, Water\.Temp, Acid\.Conc\. → stack\.loss/);
      expect(printed).toMatch(/Try: curl -d "air\.flow=\d+(\.\d+)?&water\.temp=\d+(\.\d+)?&acid\.conc\.=\d+(\.\d+)?"/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
