/**
 * Issue 22, items 5 and 6, on `serve`'s answer and request rules: no column name can take a key of the
 * JSON answer (a model that would lose a value is refused at load, naming the field), and a field
 * given twice in JSON is found by parsing the body for its keys, whatever stands between a key and
 * its colon.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model/model.ts';
import { serializeWeights } from '../../src/core/model/weights-file.ts';
import { answerKeysProblem, FIXED_ANSWER_KEYS, jsonAnswer } from '../../src/server/json-answer.ts';
import { topLevelKeys } from '../../src/server/json-keys.ts';
import { predictApiOf, readFormInput, readJsonInput } from '../../src/server/predict-api.ts';
import { checkInput } from '../../src/core/model/predict.ts';
import { closedFormModel, makeTempDir, run } from './helpers.ts';

function withColumns(feature: string, target: string): Model {
  const model = closedFormModel();
  return { ...model, feature: { ...model.feature, name: feature }, target: { ...model.target, name: target } };
}

describe('a column name never takes another key of the JSON answer', () => {
  it.each([
    [
      'Bmi',
      'PredictionInterval',
      /target column "PredictionInterval" \(answered as "predictionInterval"\) would take the key of the 95% prediction interval/,
    ],
    ['Bmi', 'ConfidenceInterval', /"confidenceInterval"/],
    ['Bmi', 'IntervalNote', /target column "IntervalNote" .* the note saying why there is no interval \("intervalNote"\)/],
    [
      'Score',
      'score',
      /target column "score" \(answered as "score"\) would take the key of the feature column "Score" \(its field "score"\)/,
    ],
    ['Height', 'Height', /target column "Height" .* the feature column "Height"/],
  ])('feature %j, target %j', (feature, target, message) => {
    const problem = answerKeysProblem(predictApiOf(withColumns(feature, target))) ?? '';
    expect(problem).toMatch(message);
  });

  it('every fixed key is guarded, and names that collide with none pass', () => {
    for (const key of Object.keys(FIXED_ANSWER_KEYS)) {
      const target = `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
      expect(answerKeysProblem(predictApiOf(withColumns('Bmi', target)))).toMatch(new RegExp(`"${key}"`));
    }
    expect(answerKeysProblem(predictApiOf(withColumns('Bmi', 'LifeExpectancy')))).toBeUndefined();
    expect(answerKeysProblem(predictApiOf(withColumns('Bmi', 'Prediction')))).toBeUndefined();
  });

  it('keeps a column named __proto__ (or constructor) as a key of its own, with the prediction', () => {
    for (const target of ['__proto__', 'constructor']) {
      const api = predictApiOf(withColumns('Bmi', target));
      expect(answerKeysProblem(api)).toBeUndefined();
      const text = JSON.stringify(jsonAnswer(api, 28.45, 78.9));
      expect(text).toContain(`"${target}":78.9`);
      expect(text).toContain('"bmi":28.45');
    }
  });

  describe('serve', () => {
    let dir: string;
    let remove: () => Promise<void>;
    beforeAll(async () => ({ dir, remove } = await makeTempDir()));
    afterAll(() => remove());

    it('refuses to start on such a model, with one line naming the field', async () => {
      const path = join(dir, 'colliding.json');
      await writeFile(path, serializeWeights(withColumns('Bmi', 'PredictionInterval')));
      const result = await run('serve', [path, '--port', '0']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^serve: .*colliding\.json cannot be served: The target column "PredictionInterval" .*"predictionInterval".*Rename the column/,
      );
    });
  });
});

describe('a JSON field given twice is found by parsing, not by looking a few characters ahead', () => {
  const api = predictApiOf(closedFormModel());

  it.each([
    ['spaces', `{"bmi"${' '.repeat(100)}: 28.45, "bmi": 99}`],
    ['newlines and tabs', `{"bmi"\n\t\n${'\t'.repeat(70)}\n:28.45,"bmi":99}`],
    ['a long value between', `{"bmi": 28.45, "note": "${'x'.repeat(500)}", "bmi": 99}`],
    ['a nested object between', `{"bmi": 28.45, "n": {"a": [1, {"b": "}"}]}, "BMI": 99}`],
    ['an escaped key', `{"bmi": 28.45,     "b\\u006di"${' '.repeat(80)}: 99}`],
  ])('with %s between', (_what, body) => {
    expect(body.length).toBeLessThanOrEqual(1024);
    expect(readJsonInput(body, api)).toEqual({ ok: false, error: '"bmi" is given 2 times; send it once.' });
  });

  it('reads the top-level keys only, in order, with strings holding quotes, colons and braces', () => {
    expect(topLevelKeys('{"a": {"bmi": 1}, "b": "\\"bmi\\": 2 }", "c": [{"bmi": 3}], "a" : null}')).toEqual({
      ok: true,
      keys: ['a', 'b', 'c', 'a'],
    });
    expect(topLevelKeys(' { } ')).toEqual({ ok: true, keys: [] });
    expect(topLevelKeys('{"x":-1.5e+3,"y":true,"z":false,"w":null}')).toEqual({ ok: true, keys: ['x', 'y', 'z', 'w'] });
  });

  it.each(['{"a" 1}', '{"a": 1,}', '{"a": 01}', '{"a": "\u0001"}', '{"a": 1} x', '[1]', '{"a": tru}', '{"a": 1', '{a: 1}'])(
    'refuses JSON that is not valid: %j',
    (text) => {
      expect(topLevelKeys(text).ok).toBe(false);
    },
  );
});

describe('a form body', () => {
  const api = predictApiOf(closedFormModel());

  /** What URLSearchParams makes of the body, by the same rules: the reference the quick split must match. */
  function byUrlSearchParams(body: string): ReturnType<typeof readFormInput> {
    const values = [...new URLSearchParams(body)].filter(([key]) => key.toLowerCase() === 'bmi').map(([, value]) => value);
    if (values.length > 1) return { ok: false, error: `"bmi" is given ${values.length} times; send it once.` };
    if (values.length === 0) return { ok: false, error: 'Missing "bmi": send bmi=<number> as a form, or {"bmi": <number>} as JSON.' };
    return checkInput(values[0], api.label, api.range);
  }

  it.each([
    'bmi=28.45',
    'BMI=28.45',
    '',
    'bmi',
    'bmi=',
    '=28',
    'x=1',
    'bmi=28.45=3',
    'bmi=2%38.45',
    'bmi=28.45&bmi=1',
    'bmi=+28',
    'bmi=28+',
    ' bmi=28.45',
    'bmi= 28.45 ',
    'bmi=28,45',
    '?bmi=28.45',
    'bmi=28.45&',
    'b%6Di=30',
    'bmi=é',
  ])('reads %j as URLSearchParams does', (body) => {
    expect(readFormInput(body, api)).toEqual(byUrlSearchParams(body));
  });
});
