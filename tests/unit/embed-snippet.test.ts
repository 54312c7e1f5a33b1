import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedScriptUrl } from '../../src/app/embed-script-url.ts';
import { embedSnippet } from '../../src/core/model/embed-snippet.ts';
import type { Model } from '../../src/core/model/model.ts';
import { parseWeights } from '../../src/core/model/weights-file.ts';

const sample = JSON.parse(readFileSync(new URL('../../public/sample-weights.json', import.meta.url), 'utf8')) as Model;

/** What an HTML parser makes of the single-quoted attribute: the two entities the snippet writes. */
function weightsAttribute(snippet: string): string {
  const value = /weights='([^']*)'/.exec(snippet)?.[1];
  if (value === undefined) throw new Error(`no weights attribute in ${snippet}`);
  return value.replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

describe('embedSnippet', () => {
  it('is the script tag and the element with the weights file inline', () => {
    const snippet = embedSnippet(sample);
    expect(snippet.split('\n')[0]).toBe('<script type="module" src="bmi-predictor.js"></script>');
    expect(snippet).toMatch(/^<script[^\n]*\n<bmi-predictor weights='[^']*'><\/bmi-predictor>\n$/);
    const read = parseWeights(weightsAttribute(snippet));
    expect(read.ok && read.model.slope).toBe(sample.slope);
    expect(read.ok && read.model.intercept).toBe(sample.intercept);
  });

  it("points its script at the app's own address and names the data's rows", () => {
    const snippet = embedSnippet(sample, { scriptSrc: 'https://example.org/bmi/bmi-predictor.js', population: 'countries' });
    expect(snippet.split('\n')[0]).toBe('<script type="module" src="https://example.org/bmi/bmi-predictor.js"></script>');
    expect(snippet.split('\n')[1]).toMatch(/^<bmi-predictor population="countries" weights='/);
    expect(embedScriptUrl('https://example.org/bmi/?epochs=100&lr=0.05')).toBe('https://example.org/bmi/bmi-predictor.js');
    expect(embedScriptUrl('https://example.org/bmi/index.html')).toBe('https://example.org/bmi/bmi-predictor.js');
  });

  it('escapes an apostrophe or ampersand in a column name so the attribute stays whole', () => {
    const model = { ...sample, feature: { ...sample.feature, name: "Men's & women's BMI" } };
    const snippet = embedSnippet(model);
    expect(snippet).toContain('Men&#39;s &amp; women&#39;s BMI');
    const read = parseWeights(weightsAttribute(snippet));
    expect(read.ok && read.model.feature.name).toBe("Men's & women's BMI");
  });

  it('refuses a model that could not be read back, rather than write it', () => {
    expect(() => embedSnippet({ ...sample, slope: Number.NaN })).toThrow(/cannot be saved/);
  });
});
