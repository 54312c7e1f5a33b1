import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { SETTING_RULES, checkText, checkValue, formatPercent } from '../../src/core/settings/training-settings-rules.ts';
import {
  DEFAULT_PAGE_SETTINGS,
  parseUrlSettings,
  serializeUrlSettings,
  withoutIgnoredValues,
  type PageSettings,
} from '../../src/core/settings/url-settings.ts';

describe('URL settings', () => {
  it('gives the defaults, without notices, for an empty query', () => {
    expect(parseUrlSettings('')).toEqual({ settings: DEFAULT_PAGE_SETTINGS, notices: [] });
  });

  it('round-trips every setting exactly', () => {
    const settings: PageSettings = {
      training: {
        epochs: 321,
        learningRate: 0.0123456789,
        optimizer: 'adam',
        batchSize: 16,
        validationSplit: 0.07,
        seed: 4_294_967_295,
        earlyStopping: { patience: 7, minImprovement: 0.00125 },
      },
      columns: { feature: 'Body mass index', target: 'Life & health' },
      backend: 'wasm',
      engine: 'main',
    };
    const query = serializeUrlSettings(settings);
    expect(parseUrlSettings(query)).toEqual({ settings, notices: [] });
  });

  it('round-trips the defaults with full batch, no early stopping, and no backend or engine written', () => {
    const query = serializeUrlSettings(DEFAULT_PAGE_SETTINGS);
    expect(query).toBe('?optimizer=sgd&lr=0.1&epochs=50&batch=full&split=0&seed=42');
    expect(parseUrlSettings(query)).toEqual({ settings: DEFAULT_PAGE_SETTINGS, notices: [] });
  });

  it('keeps parameters that are not settings, and replaces the ones that are', () => {
    const query = serializeUrlSettings({ ...DEFAULT_PAGE_SETTINGS, backend: 'cpu' }, '?model=abc&lr=5&backend=wasm');
    const params = new URLSearchParams(query);
    expect(params.get('model')).toBe('abc');
    expect(params.get('lr')).toBe('0.1');
    expect(params.getAll('backend')).toEqual(['cpu']);
  });

  it('reads a partial query over the defaults; split=0 trains on all rows', () => {
    const { settings, notices } = parseUrlSettings('?split=0&epochs=30');
    expect(notices).toEqual([]);
    expect(settings.training).toEqual({ ...DEFAULT_SETTINGS, validationSplit: 0, epochs: 30 });
  });

  it('turns early stopping on with its defaults when only one of its values is given', () => {
    expect(parseUrlSettings('?patience=4').settings.training.earlyStopping).toEqual({ patience: 4, minImprovement: 0.0001 });
  });

  it.each([
    [
      'lr=abc',
      'learningRate',
      /Ignored lr=abc .*Learning rate must be a number above 0 and at most 10; "abc" is not a number\. Using 0\.1\./,
    ],
    ['lr=0', 'learningRate', /Learning rate must be a number above 0/],
    ['lr=-1', 'learningRate', /Learning rate/],
    ['lr=11', 'learningRate', /at most 10/],
    ['lr=Infinity', 'learningRate', /not a number/],
    ['lr=0x10', 'learningRate', /not a number/],
    ['epochs=1.5', 'epochs', /Epochs must be a whole number from 1 to 100000/],
    ['epochs=0', 'epochs', /Epochs/],
    ['epochs=1e9', 'epochs', /Epochs/],
    ['epochs=', 'epochs', /Ignored epochs= .*empty/],
    ['batch=-1', 'batchSize', /Batch size must be a whole number from 0/],
    ['batch=1.5', 'batchSize', /Batch size must be a whole number from 0/],
    ['batch=half', 'batchSize', /Batch size.*Using full batch/],
    ['split=0.95', 'validationSplit', /Validation rows must be a number from 0% to 90%/],
    ['split=-0.1', 'validationSplit', /Validation rows/],
    ['seed=-1', 'seed', /Seed must be a whole number from 0 to 4294967295/],
    ['seed=4294967296', 'seed', /Seed/],
    ['seed=1.5', 'seed', /Seed/],
    ['optimizer=rmsprop', 'optimizer', /Optimizer must be one of sgd, adam/],
  ] as const)('ignores %s with a notice and keeps the default', (query, key, message) => {
    const other = query.startsWith('epochs') ? '' : '&epochs=77';
    const { settings, notices } = parseUrlSettings(`?${query}${other}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(message);
    expect(settings.training[key]).toBe(DEFAULT_SETTINGS[key]);
    // The other settings still apply.
    if (other) expect(settings.training.epochs).toBe(77);
  });

  it.each([
    ['patience=0', /Patience must be a whole number from 1/],
    ['improve=2', /Minimum improvement must be a number from 0% to 100%/],
  ])('ignores early-stopping value %s with a notice', (query, message) => {
    const { settings, notices } = parseUrlSettings(`?${query}`);
    expect(notices[0]).toMatch(message);
    expect(settings.training.earlyStopping).toEqual({ patience: 10, minImprovement: 0.0001 });
  });

  it.each([
    ['backend=tpu', /Backend must be one of webgpu, webgl, wasm, cpu\. Using the best available backend\./, 'backend'],
    ['engine=gpu', /Engine must be one of worker, main/, 'engine'],
    ['feature=', /empty/, 'columns'],
  ] as const)('ignores %s with a notice', (query, message, key) => {
    const { settings, notices } = parseUrlSettings(`?${query}`);
    expect(notices[0]).toMatch(message);
    expect(settings[key]).toEqual(DEFAULT_PAGE_SETTINGS[key]);
  });

  it('takes batch=0 as full batch, as the README and the CLI do, without a notice', () => {
    for (const query of ['?batch=0', '?batch=full', '?batch=FULL']) {
      const { settings, notices } = parseUrlSettings(query);
      expect(notices).toEqual([]);
      expect(settings.training.batchSize).toBe(0);
    }
  });

  it('accepts names in any case', () => {
    expect(parseUrlSettings('?optimizer=ADAM&backend=WebGPU&batch=FULL').settings).toMatchObject({
      training: { optimizer: 'adam', batchSize: 0 },
      backend: 'webgpu',
    });
  });
});

describe('setting rules', () => {
  it('reads percent settings as typed in the form, without float noise', () => {
    expect(checkText('7', SETTING_RULES.validationSplit, 'percent')).toEqual({ ok: true, value: 0.07 });
    expect(checkText('20', SETTING_RULES.validationSplit, 'percent')).toEqual({ ok: true, value: 0.2 });
    expect(checkText('95', SETTING_RULES.validationSplit, 'percent')).toMatchObject({ ok: false });
    expect(formatPercent(0.07)).toBe('7');
    expect(formatPercent(0.0001)).toBe('0.01');
  });

  it('refuses what is not a plain number and accepts a comma decimal', () => {
    expect(checkText(' ', SETTING_RULES.epochs).ok).toBe(false);
    expect(checkText('1,5', SETTING_RULES.learningRate)).toEqual({ ok: true, value: 1.5 });
    expect(checkValue(Number.NaN, SETTING_RULES.learningRate).ok).toBe(false);
  });
});

describe('withoutIgnoredValues', () => {
  it('drops the values the settings ignore from the query, and keeps the rest', () => {
    expect(withoutIgnoredValues('?lr=abc&epochs=20&optimizer=magic&other=1')).toBe('?epochs=20&other=1');
    expect(withoutIgnoredValues('?lr=abc')).toBe('');
    expect(withoutIgnoredValues('?lr=0.5')).toBe('?lr=0.5');
  });
});

describe('URL settings: several features', () => {
  const withColumns = (columns: PageSettings['columns']): PageSettings => ({ ...DEFAULT_PAGE_SETTINGS, columns });

  it('writes feature=a,b,c with the names in order, and reads them back', () => {
    const query = serializeUrlSettings(withColumns({ features: ['Bmi', 'Height', 'Age'], target: 'LifeExpectancy' }));
    expect(query).toMatch(/^\?feature=Bmi,Height,Age&target=LifeExpectancy&/);
    expect(parseUrlSettings(query)).toEqual({
      settings: withColumns({ features: ['Bmi', 'Height', 'Age'], target: 'LifeExpectancy' }),
      notices: [],
    });
  });

  it('keeps a comma, a space, an ampersand and non-ASCII inside a name (each name percent-encoded)', () => {
    const features = ['Weight, kg', 'a&b=c', 'Größe %', 'Bmi'];
    const query = serializeUrlSettings(withColumns({ features }));
    expect(query).toContain('feature=Weight%2C%20kg,a%26b%3Dc,Gr%C3%B6%C3%9Fe%20%25,Bmi');
    expect(parseUrlSettings(query).settings.columns).toEqual({ features });
    // Other parameters' values are left as they are by a rewrite.
    const feature = query.split('&')[0];
    expect(withoutIgnoredValues(`${feature}&lr=abc`)).toBe(feature);
  });

  it('still reads the single feature= of older links, a comma in its name included', () => {
    expect(parseUrlSettings('?feature=Bmi').settings.columns).toEqual({ feature: 'Bmi' });
    // Written by URLSearchParams before: the comma is %2C, so it is part of the name.
    expect(parseUrlSettings('?feature=Weight%2C+kg').settings.columns).toEqual({ feature: 'Weight, kg' });
    expect(serializeUrlSettings(withColumns({ feature: 'Bmi' }))).toMatch(/^\?feature=Bmi&/);
  });

  it.each([
    ['feature=Bmi,,Age', /Ignored feature=Bmi,,Age from the address: a name is empty\. Using the default column\./],
    ['feature=Bmi,Bmi', /Bmi is named twice/],
    ['feature=Bmi,%E0%A4%A', /not percent-encoded correctly/],
  ])('ignores %s with a notice and drops it from the address', (query, message) => {
    const { settings, notices } = parseUrlSettings(`?${query}&epochs=7`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(message);
    expect(settings.columns).toEqual({});
    expect(withoutIgnoredValues(`?${query}&epochs=7`)).toBe('?epochs=7');
  });
});
