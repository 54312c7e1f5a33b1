import { describe, expect, it } from 'vitest';
import { rowsWithNaN, withoutRows } from '../../src/core/csv/drop-rows.ts';

/** The plain way: keep every row that is not dropped, one by one. */
function naive(source: ArrayLike<number>, dropped: readonly number[]): number[] {
  const skip = new Set(dropped);
  return Array.from(source).filter((_, i) => !skip.has(i));
}

describe('dropping rows from a column', () => {
  it('finds the rows where either column is NaN, in order', () => {
    const a = Float64Array.of(1, NaN, 3, 4, 5);
    const b = Float64Array.of(1, 2, 3, NaN, NaN);
    expect(rowsWithNaN(a, b)).toEqual([1, 3, 4]);
  });

  it('keeps the other rows in order, for long and short runs, at the ends and in the middle', () => {
    const source = Float64Array.from({ length: 1000 }, (_, i) => i * 1.5);
    for (const dropped of [[], [0], [999], [0, 1, 2], [5, 6, 40, 41, 500, 998, 999], Array.from({ length: 500 }, (_, i) => i * 2)]) {
      const kept = withoutRows(source, dropped);
      expect(kept).toBeInstanceOf(Float64Array);
      expect(Array.from(kept)).toEqual(naive(source, dropped));
    }
  });

  it('gives a new array of the same type, never a view on the source', () => {
    const lines = Uint32Array.of(2, 3, 4, 5);
    const all = withoutRows(lines, []);
    const some = withoutRows(lines, [1]);
    expect(all).toBeInstanceOf(Uint32Array);
    expect(Array.from(some)).toEqual([2, 4, 5]);
    all[0] = 99;
    expect(lines[0]).toBe(2);
    expect(all.buffer).not.toBe(lines.buffer);
  });
});
