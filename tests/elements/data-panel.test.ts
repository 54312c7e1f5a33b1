/**
 * `<data-panel>` alone: the summary, skipped rows, errors, reading progress, the column choice and the
 * file input, and the events a file pick and a column change send.
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ColumnsChangeEvent, FilesChosenEvent } from '../../src/ui/events.ts';
import '../../src/ui/data-panel.ts';
import { REFERENCE_LINE, fiveRows } from './fixtures.ts';
import { mount, part, recordEvents, shadowOf, textOf, update } from './mount.ts';

const COLUMNS = ['LifeExpectancy', 'Bmi', 'Year'];

describe('<data-panel>', () => {
  it('says the data is loading before there is any, with no column choice yet', async () => {
    const panel = await mount('data-panel');
    expect(textOf(part(panel, '[data-summary]'))).toBe('Loading data…');
    expect(shadowOf(panel).querySelector('select')).toBeNull();
    expect(textOf(part(panel, '[role=alert]'))).toBe('');
  });

  it('shows an error instead of "Loading" forever when there is no data', async () => {
    const panel = await mount('data-panel', { error: 'Could not load bmi_and_life_expectancy.csv: 404 Not Found.' });
    expect(textOf(part(panel, '[data-summary]'))).toBe('No data loaded.');
    expect(textOf(part(panel, '[role=alert]'))).toBe('Could not load bmi_and_life_expectancy.csv: 404 Not Found.');
  });

  it('shows the rows, their source and the chosen columns, and announces them once', async () => {
    const panel = await mount('data-panel', { data: fiveRows(), source: 'five.csv', numericColumns: COLUMNS, line: REFERENCE_LINE });
    expect(textOf(part(panel, '[data-summary]'))).toBe('5 rows from five.csv');
    const announce = part(panel, '[data-announce]');
    expect(announce.getAttribute('aria-live')).toBe('polite');
    expect(textOf(announce)).toBe('5 rows from five.csv.');
    await expect.element(page.getByLabelText('Feature (x axis)')).toHaveDisplayValue('BMI');
    await expect.element(page.getByLabelText('Target (y axis)')).toHaveDisplayValue('Life expectancy');
    const options = [...part<HTMLSelectElement>(panel, '#feature-column').options].map((option) => option.textContent);
    expect(options).toEqual(['Life expectancy', 'BMI', 'Year']);
    // The scatter plot gets the same data and line.
    const plot = part<HTMLElementTagNameMap['scatter-plot']>(part(panel, 'point-views'), 'scatter-plot');
    expect(plot.data).toBe(panel.data);
    expect(plot.line).toBe(REFERENCE_LINE);
  });

  it('lists the skipped rows, with an ellipsis when there were more than it keeps', async () => {
    const panel = await mount('data-panel', { data: fiveRows(), source: 'x.csv', skipped: { count: 1, lines: [4] } });
    expect(textOf(part(panel, '[data-skipped]'))).toBe('Skipped 1 row with missing or non-numeric values (line 4).');
    await update(panel, { skipped: { count: 25, lines: [2, 3, 7] } });
    expect(textOf(part(panel, '[data-skipped]'))).toBe('Skipped 25 rows with missing or non-numeric values (lines 2, 3, 7, …).');
    await update(panel, { skipped: { count: 0, lines: [] } });
    expect(shadowOf(panel).querySelector('[data-skipped]')).toBeNull();
  });

  it('while a file is read: the share in a labelled bar, one announcement, and no other file or column choice', async () => {
    const panel = await mount('data-panel', { data: fiveRows(), source: 'x.csv', numericColumns: COLUMNS, loading: 0.42 });
    expect(textOf(part(panel, '[data-summary]'))).toBe('Reading the file… 42%');
    const bar = part<HTMLProgressElement>(panel, '[data-loading]');
    expect(bar.getAttribute('aria-label')).toBe('Reading the file');
    expect(bar.value).toBeCloseTo(0.42);
    expect(textOf(part(panel, '[data-announce]'))).toBe('Reading the file…');
    await update(panel, { loading: 0.9 });
    // The announcement does not change per chunk.
    expect(textOf(part(panel, '[data-announce]'))).toBe('Reading the file…');
    await expect.element(page.getByLabelText('Load another CSV (any numeric columns)')).toBeDisabled();
    await expect.element(page.getByLabelText('Feature (x axis)')).toBeDisabled();
    await update(panel, { loading: undefined });
    expect(shadowOf(panel).querySelector('[data-loading]')).toBeNull();
    await expect.element(page.getByLabelText('Load another CSV (any numeric columns)')).toBeEnabled();
  });

  it('locked (a run is going): no file or column choice', async () => {
    await mount('data-panel', { data: fiveRows(), source: 'x.csv', numericColumns: COLUMNS, locked: true });
    await expect.element(page.getByLabelText('Load another CSV (any numeric columns)')).toBeDisabled();
    await expect.element(page.getByLabelText('Feature (x axis)')).toBeDisabled();
    await expect.element(page.getByLabelText('Target (y axis)')).toBeDisabled();
  });

  it('sends the picked CSV file, and lets the same file be picked again', async () => {
    const panel = await mount('data-panel', { data: fiveRows(), source: 'x.csv' });
    const picked = recordEvents<FilesChosenEvent>(panel, 'files-chosen');
    const file = new File(['Bmi,LifeExpectancy\n20,60\n30,80\n'], 'two.csv', { type: 'text/csv' });
    const input = page.getByLabelText('Load another CSV (any numeric columns)');
    await userEvent.upload(input, file);
    expect(picked.map((event) => event.files.map((file) => file.name))).toEqual([['two.csv']]);
    expect(picked[0].intent).toBe('data');
    expect(await picked[0].files[0].text()).toBe('Bmi,LifeExpectancy\n20,60\n30,80\n');
    expect(part<HTMLInputElement>(panel, 'input[type=file]').value).toBe('');
  });

  it('sends the feature and target chosen', async () => {
    const panel = await mount('data-panel', { data: fiveRows(), source: 'x.csv', numericColumns: COLUMNS });
    const changes = recordEvents<ColumnsChangeEvent>(panel, 'columns-change');
    await userEvent.selectOptions(page.getByLabelText('Feature (x axis)'), 'Year');
    expect(changes.map((event) => event.columns)).toEqual([{ feature: 'Year', target: 'LifeExpectancy' }]);
    await userEvent.selectOptions(page.getByLabelText('Target (y axis)'), 'BMI');
    expect(changes.at(-1)!.columns).toEqual({ feature: 'Year', target: 'Bmi' });
  });

  it('picking the target as the feature swaps the two, instead of asking for the same column twice', async () => {
    const panel = await mount('data-panel', { data: fiveRows(), source: 'x.csv', numericColumns: COLUMNS });
    const changes = recordEvents<ColumnsChangeEvent>(panel, 'columns-change');
    await userEvent.selectOptions(page.getByLabelText('Feature (x axis)'), 'Life expectancy');
    expect(changes.at(-1)!.columns).toEqual({ feature: 'LifeExpectancy', target: 'Bmi' });
    await update(panel, { data: fiveRows() });
    await userEvent.selectOptions(page.getByLabelText('Target (y axis)'), 'BMI');
    expect(changes.at(-1)!.columns).toEqual({ feature: 'LifeExpectancy', target: 'Bmi' });
  });

  it('says which columns the app chose and why, warns about a chosen column, and names text columns written as numbers', async () => {
    const notes = {
      choice:
        'Feature Mean BMI and target Life exp.: the first two numeric columns that measure something, passing over id (row numbers 1 to 20).',
      warnings: ['id looks like row numbers (1 to 20, each once): a line through them says nothing about the data.'],
      asText: ['Weight: a unit in every cell: 71.5 kg'],
    };
    const panel = await mount('data-panel', { data: fiveRows(), source: 'x.csv', numericColumns: COLUMNS, notes });
    expect(textOf(part(panel, '[data-column-choice]'))).toBe(notes.choice);
    const warnings = part(panel, '[data-column-warnings]');
    expect(warnings.getAttribute('role')).toBe('status');
    expect(textOf(warnings)).toBe(`⚠ ${notes.warnings[0]}`);
    await expect.element(part(panel, '[data-column-warning]')).toBeVisible();
    expect(textOf(part(panel, '[data-text-columns]'))).toBe('Read as text, not numbers: Weight: a unit in every cell: 71.5 kg.');
    await update(panel, { notes: { choice: '', warnings: [], asText: [] } });
    expect(shadowOf(panel).querySelector('[data-column-choice]')).toBeNull();
    expect(shadowOf(panel).querySelector('[data-column-warning]')).toBeNull();
  });

  it('lists the numeric columns but the target as labelled boxes, the chosen features ticked; ticking and clearing send the features in order', async () => {
    const panel = await mount('data-panel', {
      data: fiveRows(),
      source: 'x.csv',
      numericColumns: ['LifeExpectancy', 'Bmi', 'Year', 'Height'],
    });
    const changes = recordEvents<ColumnsChangeEvent>(panel, 'columns-change');
    expect(shadowOf(panel).querySelector('[data-bands-toggle]')).not.toBeNull();
    const boxes = part(panel, '[data-feature-boxes]');
    expect(textOf(boxes.querySelector('legend'))).toBe('Features of the model (tick several for a multiple regression)');
    expect([...boxes.querySelectorAll('label')].map(textOf)).toEqual(['BMI', 'Year', 'Height']);
    // The only feature cannot be cleared: a model needs one.
    await expect.element(page.getByRole('checkbox', { name: 'BMI' })).toBeChecked();
    await expect.element(page.getByRole('checkbox', { name: 'BMI' })).toBeDisabled();
    await userEvent.click(page.getByRole('checkbox', { name: 'Height' }));
    expect(changes.at(-1)!.columns).toEqual({ feature: 'Bmi', features: ['Bmi', 'Height'], target: 'LifeExpectancy' });
    // The page answers with the data of both: both ticked, both can be cleared, in the order chosen.
    const two = { ...fiveRows(), moreFeatures: [{ name: 'Height', values: Float64Array.from([1, 2, 3, 4, 5]) }] };
    await update(panel, { data: two });
    await expect.element(page.getByRole('checkbox', { name: 'BMI' })).toBeEnabled();
    // The bands are drawn around a line: with a plane there are none, so no box offers them.
    expect(shadowOf(panel).querySelector('[data-bands-toggle]')).toBeNull();
    // Keyboard: Tab to a box, Space ticks it.
    page.getByRole('checkbox', { name: 'BMI' }).element().focus();
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard(' ');
    expect(changes.at(-1)!.columns).toEqual({ feature: 'Bmi', features: ['Bmi', 'Height', 'Year'], target: 'LifeExpectancy' });
    await userEvent.click(page.getByRole('checkbox', { name: 'BMI' }));
    expect(changes.at(-1)!.columns).toEqual({ feature: 'Height', target: 'LifeExpectancy' });
    // With several features the boxes choose them: no feature picker; the target picker sends the features as they are.
    await update(panel, { data: two });
    expect(shadowOf(panel).querySelector('#feature-column')).toBeNull();
    await userEvent.selectOptions(page.getByLabelText('Target (y axis)'), 'Year');
    expect(changes.at(-1)!.columns).toEqual({ feature: 'Bmi', features: ['Bmi', 'Height'], target: 'Year' });
  });

  it('shows no boxes when there is one column to choose from, and a note on what a column change did', async () => {
    const panel = await mount('data-panel', { data: fiveRows(), source: 'x.csv', numericColumns: ['LifeExpectancy', 'Bmi'] });
    expect(shadowOf(panel).querySelector('[data-feature-boxes]')).toBeNull();
    await update(panel, { columnsNote: 'Year is now the target, so it is no longer a feature.' });
    const note = part(panel, '[data-columns-note]');
    expect(note.getAttribute('role')).toBe('status');
    expect(textOf(note)).toBe('Year is now the target, so it is no longer a feature.');
  });

  it('in a wide table the boxes follow the column filter, the chosen features always listed; locked, none can change', async () => {
    const numericColumns = ['LifeExpectancy', ...Array.from({ length: 300 }, (_, i) => `n${i}`)];
    const data = { ...fiveRows(), featureName: 'n250', moreFeatures: [{ name: 'n7', values: Float64Array.from([1, 2, 3, 4, 5]) }] };
    const panel = await mount('data-panel', { data, source: 'wide.csv', numericColumns });
    const listed = () => [...shadowOf(panel).querySelectorAll<HTMLInputElement>('[data-feature-boxes] input')].map((box) => box.value);
    expect(listed()).toHaveLength(201); // the first 200 and the chosen n250
    expect(listed()).toContain('n250');
    await userEvent.fill(page.getByRole('searchbox'), 'n29');
    expect(listed()).toEqual(
      ['n7', 'n29', ...Array.from({ length: 10 }, (_, i) => `n${290 + i}`), 'n250'].sort(
        (a, b) => numericColumns.indexOf(a) - numericColumns.indexOf(b),
      ),
    );
    await update(panel, { locked: true });
    expect([...shadowOf(panel).querySelectorAll<HTMLInputElement>('[data-feature-boxes] input')].every((box) => box.disabled)).toBe(true);
  });
});
