/** `<chart-table>` alone: a closed "Table view" that builds its rows only once opened. */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/ui/chart-table.ts';
import { mount, settled, shadowOf, textOf, update } from './mount.ts';

/** The text of each body cell, row by row. */
function cellsOf(table: HTMLElement): string[][] {
  return [...shadowOf(table).querySelectorAll('tbody tr')].map((row) =>
    [...(row as HTMLTableRowElement).cells].map((cell) => textOf(cell)),
  );
}

describe('<chart-table>', () => {
  it('builds no rows while closed; opened, it shows the caption, the columns, the rows and the note', async () => {
    let built = 0;
    const rows = () => {
      built++;
      return [
        ['0', '80.1'],
        ['1', '43.0'],
      ];
    };
    const table = await mount('chart-table', {
      caption: 'Epochs of the loss chart',
      columns: ['Epoch', 'Loss'],
      rows,
      note: 'Both epochs',
    });
    expect(shadowOf(table).querySelector('table')).toBeNull();
    expect(built).toBe(0);
    await userEvent.click(shadowOf(table).querySelector('summary')!);
    await expect.poll(() => shadowOf(table).querySelectorAll('tbody tr').length).toBe(2);
    expect(built).toBeGreaterThan(0);
    expect(shadowOf(table).querySelector('[role=region]')?.getAttribute('aria-label')).toBe('Epochs of the loss chart');
    expect([...shadowOf(table).querySelectorAll('thead th')].map((cell) => textOf(cell))).toEqual(['Epoch', 'Loss']);
    expect(cellsOf(table)).toEqual([
      ['0', '80.1'],
      ['1', '43.0'],
    ]);
    expect(textOf(shadowOf(table))).toContain('Both epochs');
    // New rows are read again while it is open.
    await update(table, { rows: () => [['2', '42.9']] });
    await settled(table);
    expect(cellsOf(table)).toEqual([['2', '42.9']]);
  });
});
