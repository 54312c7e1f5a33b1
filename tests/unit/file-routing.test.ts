import { describe, expect, it } from 'vitest';
import { routeFiles } from '../../src/app/file-routing.ts';

const file = (name: string, content = '', type = ''): File => new File([content], name, { type });

describe('routeFiles', () => {
  it('sends a CSV to the data, by extension or type', async () => {
    for (const f of [file('data.csv'), file('data.TSV'), file('data', 'Bmi,LifeExpectancy\n', 'text/csv')]) {
      await expect(routeFiles([f])).resolves.toEqual({ kind: 'csv', file: f });
    }
  });

  it('sends a .json to the weights reader', async () => {
    const f = file('bmi-weights-2026-11-25.json', '{}');
    await expect(routeFiles([f])).resolves.toEqual({ kind: 'weights', file: f });
  });

  it('looks inside a file without a known extension', async () => {
    const weights = file('weights (1)', '\uFEFF  \n{"format": "bmi-predictor-weights"}');
    const csv = file('export', 'Bmi,LifeExpectancy\n20,60\n');
    await expect(routeFiles([weights])).resolves.toEqual({ kind: 'weights', file: weights });
    await expect(routeFiles([csv])).resolves.toEqual({ kind: 'csv', file: csv });
  });

  it('pairs a model.json with its weights.bin in either order', async () => {
    const json = file('model.json', '{}');
    const bin = file('model.weights.bin', '\0\0\0\0');
    await expect(routeFiles([bin, json])).resolves.toEqual({ kind: 'tfjs', json, bin });
  });

  it.each([
    ['nothing', [], /No file was given/],
    ['a lone weights.bin', [file('model.weights.bin')], /"model\.weights\.bin" is TF\.js weights data without its model\.json/],
    ['two .bin files', [file('a.bin'), file('b.bin')], /"a\.bin", "b\.bin" are TF\.js weights data without a model\.json/],
    ['two weights files', [file('a.json'), file('b.json')], /Got 2 files \("a\.json", "b\.json"\)/],
    ['three files', [file('m.json'), file('m.bin'), file('d.csv')], /Got 3 files/],
  ])('refuses %s, naming the files', async (_case, files, message) => {
    const route = await routeFiles(files);
    expect(route.kind).toBe('refused');
    if (route.kind === 'refused') expect(route.error).toMatch(message);
  });
});
