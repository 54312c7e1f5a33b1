/**
 * The Cholesky factor of a small symmetric positive definite matrix (a cross-product matrix of at
 * most a few dozen features), and what it solves: a linear system and the inverse. Matrices are
 * row-major `Float64Array`s of d × d values.
 */

/** The lower-triangular L with L·Lᵀ = a, or undefined when `a` is not positive definite. */
export function choleskyFactor(a: ArrayLike<number>, d: number): Float64Array | undefined {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let diagonal = a[j * d + j];
    for (let k = 0; k < j; k++) diagonal -= l[j * d + k] ** 2;
    if (!(diagonal > 0)) return undefined;
    const root = Math.sqrt(diagonal);
    l[j * d + j] = root;
    for (let i = j + 1; i < d; i++) {
      let sum = a[i * d + j];
      for (let k = 0; k < j; k++) sum -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = sum / root;
    }
  }
  return l;
}

/** Solves L·z = b (forward substitution). */
export function solveLower(l: Float64Array, b: ArrayLike<number>, d: number): Float64Array {
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * d + k] * z[k];
    z[i] = sum / l[i * d + i];
  }
  return z;
}

/** Solves Lᵀ·x = z (back substitution). */
function solveUpper(l: Float64Array, z: ArrayLike<number>, d: number): Float64Array {
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < d; k++) sum -= l[k * d + i] * x[k];
    x[i] = sum / l[i * d + i];
  }
  return x;
}

/** Solves a·x = b given a's Cholesky factor. */
export function solveCholesky(l: Float64Array, b: ArrayLike<number>, d: number): Float64Array {
  return solveUpper(l, solveLower(l, b, d), d);
}

/** a⁻¹ given a's Cholesky factor: column by column, symmetric by construction. */
export function inverseFromCholesky(l: Float64Array, d: number): Float64Array {
  const inverse = new Float64Array(d * d);
  const unit = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = solveCholesky(l, unit, d);
    for (let i = 0; i < d; i++) inverse[i * d + j] = column[i];
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (inverse[i * d + j] + inverse[j * d + i]) / 2;
      inverse[i * d + j] = mean;
      inverse[j * d + i] = mean;
    }
  }
  return inverse;
}

/** The quadratic form vᵀ·a·v of a row-major d × d matrix. */
export function quadraticForm(a: ArrayLike<number>, v: ArrayLike<number>, d: number): number {
  let sum = 0;
  for (let i = 0; i < d; i++) {
    let row = 0;
    for (let j = 0; j < d; j++) row += a[i * d + j] * v[j];
    sum += v[i] * row;
  }
  return sum;
}
