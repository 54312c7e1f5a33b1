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
