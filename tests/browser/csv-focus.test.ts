/**
 * After loading a CSV with the file picker, the keyboard focus is back on the picker (it is disabled
 * while the file is read, which takes the focus away), not lost to the start of the page.
 */
import { describe, expect } from 'vitest';
import { bundledCsv } from '../unit/bundled-data.ts';
import { dataSummary, deepFocus, loadCsv, waitUntilReady } from './app-page.ts';
import { test } from './browser.ts';

describe('focus after loading a CSV', () => {
  test('stays on the file picker, for a file taken and for one refused', async ({ open }) => {
    const { page, errors } = await open('', { webgpu: false });
    await waitUntilReady(page);
    const picker = page.getByLabel(/Load another CSV/);
    await picker.focus();
    await loadCsv(page, 'again.csv', bundledCsv);
    expect(await dataSummary(page)).toBe('163 rows from again.csv');
    expect(await deepFocus(page)).toEqual({ tag: 'INPUT', action: null, host: 'data-panel' });
    await loadCsv(page, 'notes.csv', 'just one line of text\n');
    expect(await deepFocus(page)).toEqual({ tag: 'INPUT', action: null, host: 'data-panel' });
    expect(errors).toEqual([]);
  });
});
