/**
 * The data alone: the bundled CSV at first (fetched from the test server, as the page does), then CSV
 * files and column choices; a refused file or choice keeps the data and says why, and still counts as
 * handled. The page's settings are functions (no URL controller).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ColumnChoice } from '../../src/core/data/dataset.ts';
import { DataController } from '../../src/ui/controllers/data-controller.ts';
import { ColumnsChangeEvent } from '../../src/ui/events.ts';
import { StubHost } from './host.ts';

const BUNDLED = 'bmi_and_life_expectancy.csv';

function setUp(options: { columns?: ColumnChoice; busy?: string } = {}) {
  const calls = { changed: 0, kept: [] as ColumnChoice[], notices: [] as string[] };
  const host = new StubHost();
  const data = new DataController(host, {
    columns: () => options.columns ?? {},
    keepColumns: (columns) => calls.kept.push(columns),
    notice: (text) => calls.notices.push(text),
    busy: () => options.busy,
    dataChanged: () => (calls.changed += 1),
  });
  return { host, data, calls };
}

const csv = (text: string, name = 'mine.csv') => new File([text], name, { type: 'text/csv' });
const THREE_COLUMNS = 'Country,Bmi,Year,LifeExpectancy\nA,20,2000,60\nB,25,2001,70\nC,30,2002,80\n';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DataController', () => {
  it('loads the bundled data when the host connects', async () => {
    const { host, data, calls } = setUp();
    host.connect();
    await expect.poll(() => data.data?.x.length).toBe(163);
    expect(data.state.source).toBe(BUNDLED);
    expect(data.data?.featureName).toBe('Bmi');
    expect(data.data?.targetName).toBe('LifeExpectancy');
    expect(calls.changed).toBe(1);
  });

  it('takes the columns the settings ask for, or says they were ignored and uses the defaults', async () => {
    const asked = setUp({ columns: { feature: 'LifeExpectancy', target: 'Bmi' } });
    asked.host.connect();
    await expect.poll(() => asked.data.data?.featureName).toBe('LifeExpectancy');
    const ignored = setUp({ columns: { feature: 'Height' } });
    ignored.host.connect();
    await expect.poll(() => ignored.data.data?.featureName).toBe('Bmi');
    expect(ignored.calls.notices).toHaveLength(1);
    expect(ignored.calls.notices[0]).toMatch(/^Ignored the columns from the address: .*Height.* Using the default columns\.$/);
  });

  it('says when the bundled data cannot be loaded', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    const { host, data } = setUp();
    host.connect();
    await expect.poll(() => data.state.error).toBe('Could not load the bundled data (Error: HTTP 404). Load a CSV file instead.');
    expect(data.data).toBeNull();
  });

  it('reads a CSV file as the data, keeping its columns in the settings', async () => {
    const { data, calls } = setUp();
    await data.loadFile(csv('Bmi,LifeExpectancy\n20,60\n25,70\n30,80\n'));
    expect(data.data?.x).toEqual(Float64Array.from([20, 25, 30]));
    expect(data.state).toMatchObject({ source: 'mine.csv', error: '', loading: undefined, filesRead: 1 });
    expect(calls.kept).toEqual([{ feature: 'Bmi', target: 'LifeExpectancy' }]);
    expect(calls.changed).toBe(1);
  });

  it('refuses a file that is not usable data, keeping the data, and counts it as handled', async () => {
    const { data, calls } = setUp();
    await data.loadFile(csv('Bmi,LifeExpectancy\n20,60\n25,70\n30,80\n'));
    const before = data.data;
    await data.loadFile(csv('Bmi,LifeExpectancy\r\n', 'header.csv'));
    expect(data.state.error).toMatch(/^header\.csv: .*The file has a header but no data rows\..* The current data is kept\.$/);
    expect(data.data).toBe(before);
    expect(data.state.filesRead).toBe(2);
    expect(calls.changed).toBe(1);
  });

  it('refuses a file that cannot be read (moved since it was picked)', async () => {
    const { data } = setUp();
    const moved = csv('a,b\n1,2\n', 'moved.csv');
    moved.slice = () => {
      throw new DOMException('The file was moved.', 'NotReadableError');
    };
    await data.loadFile(moved);
    expect(data.state.error).toBe('moved.csv: The file could not be read (The file was moved.).');
    expect(data.state.filesRead).toBe(1);
  });

  it('refuses other data while a run goes, saying why', async () => {
    const { data } = setUp({ busy: 'Training is running: stop it to load other data.' });
    await data.loadFile(csv('Bmi,LifeExpectancy\n20,60\n25,70\n'));
    expect(data.state.error).toBe('mine.csv: Training is running: stop it to load other data.');
    expect(data.state.filesRead).toBe(1);
    expect(data.data).toBeNull();
  });

  it('a file given while the bundled data is on its way wins over it', async () => {
    const { host, data } = setUp();
    host.connect();
    await data.loadFile(csv('Bmi,LifeExpectancy\n20,60\n25,70\n30,80\n'));
    await host.updateComplete;
    expect(data.state.source).toBe('mine.csv');
    expect(data.data?.x.length).toBe(3);
  });

  it('changes columns on the columns-change event; a text column is refused, keeping the data', async () => {
    const { host, data, calls } = setUp();
    host.connect();
    await data.loadFile(csv(THREE_COLUMNS, 'years.csv'));
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Year', target: 'LifeExpectancy' }));
    expect(data.data?.featureName).toBe('Year');
    expect(calls.kept.at(-1)).toEqual({ feature: 'Year', target: 'LifeExpectancy' });
    const before = data.data;
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Country', target: 'LifeExpectancy' }));
    expect(data.data).toBe(before);
    expect(data.state.error).toMatch(
      /^years\.csv: Column "Country" holds text, not numbers; choose a numeric column\. The current data is kept\.$/,
    );
  });
});
