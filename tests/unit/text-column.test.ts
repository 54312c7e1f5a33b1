import { describe, expect, it } from 'vitest';
import { indexOfText, packTexts, pickTexts, textAt } from '../../src/core/csv/text-column.ts';

describe('packed text column', () => {
  it('gives back each cell, empty ones too, and picks rows without copying the text', () => {
    const column = packTexts(['Tonga', '', 'Samoa', 'To']);
    expect([0, 1, 2, 3].map((i) => textAt(column, i))).toEqual(['Tonga', '', 'Samoa', 'To']);
    const picked = pickTexts(column, [2, 0]);
    expect([textAt(picked, 0), textAt(picked, 1)]).toEqual(['Samoa', 'Tonga']);
    expect(picked.text).toBe(column.text);
    expect([indexOfText(column, 'To'), indexOfText(column, 'Samoa'), indexOfText(column, 'Fiji')]).toEqual([3, 2, -1]);
  });

  it('survives structured cloning (worker to page) as one string and two arrays', () => {
    const clone = structuredClone(packTexts(['a', 'bc']));
    expect(textAt(clone, 1)).toBe('bc');
  });
});
