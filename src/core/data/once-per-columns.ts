/**
 * Remembering what a data set's columns give, for as long as the columns live: a data set's columns
 * are never changed in place (new rows or another column choice make new ones), so a value computed
 * from them once holds until they are dropped.
 */

/** `compute` once per column (of any typed array kind). */
export function oncePerColumn<C extends Float64Array | Float32Array, T>(compute: (x: C) => T): (x: C) => T {
  const known = new WeakMap<C, T>();
  return (x) => {
    if (known.has(x)) return known.get(x)!;
    const value = compute(x);
    known.set(x, value);
    return value;
  };
}

/**
 * A computation remembered per columns, which can also be told a value computed elsewhere (in the
 * worker that read the rows, so the page never passes over them itself).
 */
export type Remembered<A extends unknown[], T> = ((...columns: A) => T) & {
  remember(value: T, ...columns: A): void;
  /** Whether the value for these columns is known (remembered or computed before). */
  known(...columns: A): boolean;
};

/** `compute` once per pair of columns. */
// Marked free of side effects: a bundle that imports a module making one at its top level but never calls
// it (the embeddable element) leaves it out; Object.assign would otherwise keep it in.
/* #__NO_SIDE_EFFECTS__ */
export function oncePerColumns<T>(compute: (x: Float64Array, y: Float64Array) => T): Remembered<[x: Float64Array, y: Float64Array], T> {
  const known = new WeakMap<Float64Array, { y: Float64Array; value: T }>();
  const once = (x: Float64Array, y: Float64Array): T => {
    const cached = known.get(x);
    if (cached?.y === y) return cached.value;
    const value = compute(x, y);
    known.set(x, { y, value });
    return value;
  };
  return Object.assign(once, {
    remember: (value: T, x: Float64Array, y: Float64Array) => void known.set(x, { y, value }),
    known: (x: Float64Array, y: Float64Array) => known.get(x)?.y === y,
  });
}

/**
 * `compute` once per list of feature columns and target: remembered under the first column and
 * found again only when every column is the same array as before.
 */
/* #__NO_SIDE_EFFECTS__ */
export function oncePerColumnSet<T>(
  compute: (columns: readonly Float64Array[], y: Float64Array) => T,
): Remembered<[columns: readonly Float64Array[], y: Float64Array], T> {
  const known = new WeakMap<Float64Array, { columns: readonly Float64Array[]; y: Float64Array; value: T }[]>();
  const remember = (value: T, columns: readonly Float64Array[], y: Float64Array): void => {
    const key = columns[0] ?? y;
    // A few column sets per first column at most (the user's recent choices); the oldest goes first.
    known.set(key, [...(known.get(key) ?? []).slice(-3), { columns: [...columns], y, value }]);
  };
  const find = (columns: readonly Float64Array[], y: Float64Array) =>
    known
      .get(columns[0] ?? y)
      ?.find((entry) => entry.y === y && entry.columns.length === columns.length && entry.columns.every((c, j) => c === columns[j]));
  const once = (columns: readonly Float64Array[], y: Float64Array): T => {
    const cached = find(columns, y);
    if (cached) return cached.value;
    const value = compute(columns, y);
    remember(value, columns, y);
    return value;
  };
  return Object.assign(once, { remember, known: (columns: readonly Float64Array[], y: Float64Array) => find(columns, y) !== undefined });
}
