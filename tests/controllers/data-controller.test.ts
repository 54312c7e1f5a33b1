/**
 * The data alone: the bundled CSV at first (fetched from the test server, as the page does), then CSV
 * files and column choices; a refused file or choice keeps the data and says why, and still counts as
 * handled. The page's settings are functions (no URL controller).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { featureNamesOf, type ColumnChoice } from '../../src/core/data/dataset.ts';
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

  it('takes several features from the settings, in their order; a name the data lacks is dropped with a notice and leaves the address', async () => {
    const asked = setUp({ columns: { features: ['Bmi', 'Nope', 'LifeExpectancy'], target: 'LifeExpectancy' } });
    asked.host.connect();
    // LifeExpectancy is the target as well: the choice is refused as a whole, saying so.
    await expect.poll(() => asked.data.data?.featureName).toBe('Bmi');
    expect(asked.calls.notices.join(' ')).toMatch(/Ignored the columns from the address: Feature and target must be different columns\./);

    const { data, calls } = setUp({ columns: { features: ['Year', 'Nope', 'Bmi'], target: 'LifeExpectancy' } });
    await data.loadFile(csv(THREE_COLUMNS, 'years.csv'));
    expect(featureNamesOf(data.data!)).toEqual(['Year', 'Bmi']);
    expect(calls.kept.at(-1)).toEqual({ features: ['Year', 'Bmi'], target: 'LifeExpectancy' });
  });

  it('says which features from the address the bundled data lacks, uses the others and writes them back', async () => {
    const { host, data, calls } = setUp({ columns: { features: ['Bmi', 'Height'] } });
    host.connect();
    await expect.poll(() => data.data?.featureName).toBe('Bmi');
    expect(data.data?.moreFeatures).toBeUndefined();
    expect(calls.notices).toEqual(['Ignored the feature "Height" from the address: not a numeric column of the data.']);
    expect(calls.kept).toEqual([{ feature: 'Bmi', target: 'LifeExpectancy' }]);
  });

  it('several features on the columns-change event; skipped rows count a gap in any of them; a feature chosen as the target leaves the features, saying so', async () => {
    const { host, data, calls } = setUp();
    host.connect();
    await data.loadFile(
      csv('Country,Bmi,Year,Height,LifeExpectancy\nA,20,2000,1.6,60\nB,25,,1.7,70\nC,30,2002,1.8,80\nD,22,2003,1.5,65\nE,27,2004,,75\n'),
    );
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Bmi', features: ['Bmi', 'Year', 'Height'], target: 'LifeExpectancy' }));
    expect(featureNamesOf(data.data!)).toEqual(['Bmi', 'Year', 'Height']);
    expect(data.state.skipped).toEqual({ count: 2, lines: [3, 6] });
    expect(calls.kept.at(-1)).toEqual({ features: ['Bmi', 'Year', 'Height'], target: 'LifeExpectancy' });
    expect(data.state.columnsNote).toBe('');

    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Bmi', features: ['Bmi', 'Year', 'Height'], target: 'Year' }));
    expect(featureNamesOf(data.data!)).toEqual(['Bmi', 'Height']);
    expect(data.data?.targetName).toBe('Year');
    expect(data.state.columnsNote).toBe('Year is now the target, so it is no longer a feature.');
    expect(calls.kept.at(-1)).toEqual({ features: ['Bmi', 'Height'], target: 'Year' });

    // One feature chosen as the target swaps with the old target, as the pickers always did.
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Bmi', target: 'LifeExpectancy' }));
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Bmi', target: 'Bmi' }));
    expect(data.data?.featureName).toBe('LifeExpectancy');
    expect(data.data?.targetName).toBe('Bmi');

    // A text column among the features is refused, keeping the data and the note of the last change.
    const before = data.data;
    host.dispatchEvent(new ColumnsChangeEvent({ feature: 'Bmi', features: ['Bmi', 'Country'], target: 'LifeExpectancy' }));
    expect(data.data).toBe(before);
    expect(data.state.error).toMatch(/Column "Country" holds text, not numbers; choose a numeric column\. The current data is kept\.$/);
  });
});
