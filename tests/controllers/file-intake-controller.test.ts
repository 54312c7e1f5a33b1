/**
 * The one intake of files the user gives: each `files-chosen` event is handed to the data (a CSV) or
 * to the model library (weights, TF.js files), or refused with why; files picked as the data go to
 * the data whatever they look like.
 */
import { describe, expect, it } from 'vitest';
import { FileIntakeController } from '../../src/ui/controllers/file-intake-controller.ts';
import { FilesChosenEvent } from '../../src/ui/events.ts';
import { StubHost } from './host.ts';

function setUp() {
  const handed: string[] = [];
  const host = new StubHost();
  const intake = new FileIntakeController(host, {
    csv: (file) => handed.push(`csv ${file.name}`),
    weights: (file) => handed.push(`weights ${file.name}`),
    tfjs: (json, bin) => handed.push(`tfjs ${json.name} + ${bin.name}`),
    refused: (error) => handed.push(`refused ${error}`),
  });
  host.connect();
  return { host, intake, handed };
}

const file = (name: string, text = '', type = '') => new File([text], name, { type });

describe('FileIntakeController', () => {
  it.each([
    [[file('data.csv', 'a,b\n1,2\n', 'text/csv')], 'csv data.csv'],
    [[file('w.json', '{}', 'application/json')], 'weights w.json'],
    [[file('m.json', '{}'), file('m.weights.bin')], 'tfjs m.json + m.weights.bin'],
    // Named oddly: told by its first bytes.
    [[file('numbers', 'x,y\n1,2\n')], 'csv numbers'],
    [[file('weights', '{"format": "bmi-predictor-weights"}')], 'weights weights'],
  ])('hands %o on by what it is', async (files, expected) => {
    const { intake, handed } = setUp();
    await intake.take(files);
    expect(handed).toEqual([expected]);
  });

  it('refuses files that are none of these, saying why', async () => {
    const { intake, handed } = setUp();
    await intake.take([file('m.weights.bin')]);
    await intake.take([file('a.csv'), file('b.csv'), file('c.csv')]);
    expect(handed).toEqual([
      'refused "m.weights.bin" is TF.js weights data without its model.json: pick or drop both files together.',
      'refused Got 3 files ("a.csv", "b.csv", "c.csv"). Give one weights file, one CSV, or a TF.js model.json with its weights.bin.',
    ]);
  });

  it('hands a file picked as the data to the data even when it looks like JSON (the data refuses it, saying why)', async () => {
    const { intake, handed } = setUp();
    await intake.take([file('data.json', '{"Bmi": [20]}', 'application/json')], 'data');
    expect(handed).toEqual(['csv data.json']);
  });

  it('takes the files-chosen event while the host is connected, once per event', async () => {
    const { host, handed } = setUp();
    host.dispatchEvent(new FilesChosenEvent([file('w.json', '{}', 'application/json')]));
    host.dispatchEvent(new FilesChosenEvent([file('picked.csv', 'a,b\n', 'text/csv')], 'data'));
    await expect.poll(() => handed).toEqual(['csv picked.csv', 'weights w.json']);
    host.disconnect();
    host.dispatchEvent(new FilesChosenEvent([file('late.csv', 'a,b\n', 'text/csv')], 'data'));
    expect(handed).toHaveLength(2);
  });
});
