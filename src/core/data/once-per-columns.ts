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

/** `compute` once per pair of columns. */
export function oncePerColumns<T>(compute: (x: Float64Array, y: Float64Array) => T): (x: Float64Array, y: Float64Array) => T {
  const known = new WeakMap<Float64Array, { y: Float64Array; value: T }>();
  return (x, y) => {
    const cached = known.get(x);
    if (cached?.y === y) return cached.value;
    const value = compute(x, y);
    known.set(x, { y, value });
    return value;
  };
}

/**
 * `compute` once per list of feature columns and target: remembered under the first column and
 * found again only when every column is the same array as before.
 */
export function oncePerColumnSet<T>(
  compute: (columns: readonly Float64Array[], y: Float64Array) => T,
): (columns: readonly Float64Array[], y: Float64Array) => T {
  const known = new WeakMap<Float64Array, { columns: readonly Float64Array[]; y: Float64Array; value: T }[]>();
  return (columns, y) => {
    const key = columns[0] ?? y;
    const entries = known.get(key) ?? [];
    const cached = entries.find(
      (entry) => entry.y === y && entry.columns.length === columns.length && entry.columns.every((c, j) => c === columns[j]),
    );
    if (cached) return cached.value;
    const value = compute(columns, y);
    // A few column sets per first column at most (the user's recent choices); the oldest goes first.
    known.set(key, [...entries.slice(-3), { columns: [...columns], y, value }]);
    return value;
  };
}
