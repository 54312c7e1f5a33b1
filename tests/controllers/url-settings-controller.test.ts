/**
 * The settings in the URL alone: read from the address on connection (with a notice per ignored
 * value), written back without a history entry, left alone by a change that changes nothing. The
 * test page's own address is put back after each test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SETTINGS } from '../../src/core/settings/url-settings.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings/training-settings.ts';
import { UrlSettingsController } from '../../src/ui/controllers/url-settings-controller.ts';
import { SettingsChangeEvent } from '../../src/ui/events.ts';
import { StubHost } from './host.ts';

let original = '';
beforeEach(() => {
  original = location.href;
});
afterEach(() => {
  history.replaceState(history.state, '', original);
});

function at(search: string): { host: StubHost; settings: UrlSettingsController } {
  history.replaceState(history.state, '', `${location.pathname}${search}`);
  const host = new StubHost();
  const settings = new UrlSettingsController(host);
  host.connect();
  return { host, settings };
}

describe('UrlSettingsController', () => {
  it('reads the settings from the address when the host connects', () => {
    const { settings } = at('?epochs=100&optimizer=adam&lr=0.05&feature=Bmi&backend=wasm');
    expect(settings.settings.training).toMatchObject({ epochs: 100, optimizer: 'adam', learningRate: 0.05 });
    expect(settings.settings.columns).toEqual({ feature: 'Bmi' });
    expect(settings.settings.backend).toBe('wasm');
    expect(settings.notices).toEqual([]);
  });

  it('falls back to the default for a bad value, with a notice', () => {
    const { settings } = at('?epochs=many');
    expect(settings.settings.training.epochs).toBe(DEFAULT_SETTINGS.epochs);
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toMatch(/epochs/i);
  });

  it('writes a change into the address without a history entry, keeping other parameters', () => {
    const { settings } = at('?other=1');
    const entries = history.length;
    settings.update({ backend: 'cpu', training: { ...DEFAULT_SETTINGS, epochs: 7 } });
    const params = new URLSearchParams(location.search);
    expect(params.get('backend')).toBe('cpu');
    expect(params.get('epochs')).toBe('7');
    expect(params.get('other')).toBe('1');
    expect(history.length).toBe(entries);
  });

  it('takes the settings-change event, and with ifChanged writes nothing for a change that changes nothing', () => {
    const { host, settings } = at('');
    host.dispatchEvent(new SettingsChangeEvent({ ...DEFAULT_SETTINGS, epochs: 9 }));
    expect(settings.settings.training.epochs).toBe(9);
    const same = settings.settings;
    settings.update({ training: { ...DEFAULT_SETTINGS, epochs: 9 } }, { ifChanged: true });
    expect(settings.settings).toBe(same);
  });

  it('adds notices, and starts from the defaults before it connects', async () => {
    const host = new StubHost();
    const settings = new UrlSettingsController(host);
    expect(settings.settings).toBe(DEFAULT_PAGE_SETTINGS);
    settings.notice('Ignored the columns from the address.');
    expect(settings.notices).toEqual(['Ignored the columns from the address.']);
    await host.updateComplete;
    expect(host.updates).toBe(1);
  });

  it('reads feature=a,b,c in order, writes several features back with plain commas, and drops a bad list from the address', () => {
    const { settings } = at('?feature=Bmi,Height%2C%20cm,Age&target=LifeExpectancy&epochs=7');
    expect(settings.settings.columns).toEqual({ features: ['Bmi', 'Height, cm', 'Age'], target: 'LifeExpectancy' });
    expect(settings.notices).toEqual([]);
    settings.update({ columns: { features: ['Age', 'Bmi'], target: 'LifeExpectancy' } });
    expect(location.search).toContain('feature=Age,Bmi&');
    settings.update({ columns: { feature: 'Bmi', target: 'LifeExpectancy' } });
    expect(new URLSearchParams(location.search).get('feature')).toBe('Bmi');

    const bad = at('?feature=Bmi,,Age&epochs=7&other=a,b');
    expect(bad.settings.settings.columns).toEqual({});
    expect(bad.settings.notices).toEqual(['Ignored feature=Bmi,,Age from the address: a name is empty. Using the default column.']);
    // Dropped from the address; the other parameters stay as written.
    expect(location.search).toBe('?epochs=7&other=a,b');
  });
});
