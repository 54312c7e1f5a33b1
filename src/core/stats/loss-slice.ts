/**
 * The loss landscape of a fit of several features: the training MSE over two chosen parameters (two
 * coefficients, or a coefficient and the intercept) with every other parameter held where it is, a
 * slice through the (d + 1)-dimensional bowl. The MSE is quadratic in the parameters, so the slice is
 * an exact quadratic in its two, from the data's cross-products: any grid costs O(cells), and the
 * slice's own optimum (which is the least-squares optimum only when the held parameters are at theirs)
 * solves a 2 × 2 system. In raw units, or in the standardized units training works in, where the held
 * parameters are held in those units.
 */
import { weightsAsHyperplane, type Hyperplane, type Line, type Weights } from '../model/predict.ts';
import { mseOfHyperplane, type CrossProducts } from './cross-products.ts';
import type { LandscapeBounds, LandscapeSpace, LossGrid } from './loss-landscape.ts';
import { cellLine, landscapeSpan, windowWithPaths } from './loss-landscape.ts';
import { scalingFrom, weightsToRawUnits, weightsToScaledUnits, type Scaling } from './stats.ts';

/** The two parameters a slice shows: feature indices 0 … d − 1, or d for the intercept; horizontal first. */
export type SliceAxes = readonly [number, number];

/** A parameter change in raw units: the coefficients' part and the intercept's. */
interface Direction {
  coefficients: Float64Array;
  intercept: number;
}

export class LossSlice {
  private readonly scalings: { features: Scaling[]; target: Scaling };
  /** The held plane in the space's units. */
  private readonly heldInSpace: Hyperplane;
  /** The quadratic in (u, v) about the held point: MSE = f0 + g·δ + ½ δᵀHδ. */
  private readonly f0: number;
  private readonly gradient: [number, number];
  private readonly hessian: [number, number, number];
  /** The parts of H/2 = Sc + ℓℓᵀ, for its determinant without cancellation. */
  private readonly determinantParts: { saa: number; sac: number; scc: number; la: number; lc: number };

  constructor(
    readonly moments: CrossProducts,
    /** Where the other parameters are held (raw units). */
    readonly held: Hyperplane,
    readonly axes: SliceAxes,
    readonly space: LandscapeSpace,
  ) {
    const m = moments;
    const target = scalingFrom(m.meanY, m.syy, m.n);
    this.scalings = { features: Array.from(m.means, (mean, j) => scalingFrom(mean, m.sxx[j * m.d + j], m.n)), target };
    this.heldInSpace = this.planeToSpace(held);
    const [a, c] = axes.map((axis) => this.direction(axis));
    // The centred part of each direction (its S-products over n) and its level (its change of the mean
    // prediction, eᵦᵀx̄ + e_b): H = 2(Sc + ℓℓᵀ). Kept apart so a large mean does not cancel the determinant.
    const sc = (e: Direction, f: Direction) => quadratic(m, e.coefficients, f.coefficients) / m.n;
    const level = (e: Direction) => dot(e.coefficients, m.means) + e.intercept;
    const [la, lc] = [level(a), level(c)];
    const [saa, sac, scc] = [sc(a, a), sc(a, c), sc(c, c)];
    this.hessian = [2 * (saa + la * la), 2 * (sac + la * lc), 2 * (scc + lc * lc)];
    this.determinantParts = { saa, sac, scc, la, lc };
    // The held plane's residual part: S·β − Sxy (centred) and its mean offset ȳ − βᵀx̄ − b.
    const beta = held.coefficients;
    const offset = m.meanY - dot(beta, m.means) - held.intercept;
    const slopeOf = (e: Direction) => {
      let sum = 0;
      for (let j = 0; j < m.d; j++) {
        if (e.coefficients[j] === 0) continue;
        let row = -m.sxy[j];
        for (let k = 0; k < m.d; k++) row += m.sxx[j * m.d + k] * beta[k];
        sum += e.coefficients[j] * row;
      }
      return (2 * sum) / m.n - 2 * offset * level(e);
    };
    this.gradient = [slopeOf(a), slopeOf(c)];
    this.f0 = mseOfHyperplane(m, held);
  }

  /** The two parameters of a raw-unit plane in the space's units: (horizontal, vertical) as a Line. */
  toSpace(plane: Hyperplane): Line {
    const inSpace = this.planeToSpace(plane);
    return { slope: parameter(inSpace, this.axes[0]), intercept: parameter(inSpace, this.axes[1]) };
  }

  /** The raw-unit plane at a point of the slice: the held plane with its two parameters set. */
  fromSpace(point: Line): Hyperplane {
    const coefficients = [...this.heldInSpace.coefficients];
    let intercept = this.heldInSpace.intercept;
    [point.slope, point.intercept].forEach((value, i) => {
      const axis = this.axes[i];
      if (axis === coefficients.length) intercept = value;
      else coefficients[axis] = value;
    });
    return this.planeToRaw({ coefficients, intercept });
  }

  /** The exact MSE at a point of the slice (in the space's units). */
  mse(point: Line): number {
    return mseOfHyperplane(this.moments, this.fromSpace(point));
  }

  /** The held point (in the space's units): where the other parameters are, and the start of the quadratic. */
  get centre(): Line {
    return this.toSpace(this.held);
  }

  /**
   * The lowest point of the slice (in the space's units), or undefined when the slice has none: a
   * parameter whose change moves no prediction (a constant feature, or two axes that move them alike).
   */
  optimum(): Line | undefined {
    const { saa, sac, scc, la, lc } = this.determinantParts;
    // det(Sc + ℓℓᵀ) = det Sc + ℓᵀ adj(Sc) ℓ, each part without the other's cancellation.
    const determinant = 4 * (saa * scc - sac * sac + la * la * scc + lc * lc * saa - 2 * la * lc * sac);
    const [haa, hac, hcc] = this.hessian;
    const scale = Math.abs(haa * hcc) + hac * hac;
    if (!(determinant > 1e-12 * scale) || !Number.isFinite(determinant)) return undefined;
    const [ga, gc] = this.gradient;
    const du = -(hcc * ga - hac * gc) / determinant;
    const dv = -(haa * gc - hac * ga) / determinant;
    const centre = this.centre;
    const best = { slope: centre.slope + du, intercept: centre.intercept + dv };
    return Number.isFinite(best.slope) && Number.isFinite(best.intercept) ? best : undefined;
  }

  /**
   * A window centred on the slice's optimum (else the held point), as wide on each axis as a
   * one-feature landscape would be for that parameter, and wide enough for every finite point of
   * `paths` (raw-unit planes) with a margin.
   */
  bounds(paths: readonly (readonly Hyperplane[])[] = []): LandscapeBounds {
    const centre = this.optimum() ?? this.centre;
    const [horizontal, vertical] = this.axes.map((axis) => this.halfWidth(axis, centre));
    // The intercept moves with a coefficient along the valley (x̄ⱼ per unit), as in one feature.
    const d = this.moments.d;
    const interceptHalf = (other: number, own: number) =>
      this.space === 'raw' ? own * Math.hypot(this.moments.means[other], this.scalings.features[other].std) : own;
    const halves =
      this.axes[1] === d
        ? [horizontal, interceptHalf(this.axes[0], horizontal)]
        : this.axes[0] === d
          ? [interceptHalf(this.axes[1], vertical), vertical]
          : [horizontal, vertical];
    const window = {
      slope: landscapeSpan(centre.slope - halves[0], centre.slope + halves[0]),
      intercept: landscapeSpan(centre.intercept - halves[1], centre.intercept + halves[1]),
    };
    return windowWithPaths(
      window,
      paths.map((path) => path.map((plane) => this.toSpace(plane))),
    );
  }

  /** The exact MSE at every cell of a grid over `bounds`, from the slice's quadratic. */
  grid(bounds: LandscapeBounds, columns: number, rows: number): LossGrid {
    const values = new Float64Array(columns * rows);
    const centre = this.centre;
    const [ga, gc] = this.gradient;
    const [haa, hac, hcc] = this.hessian;
    let min = Infinity;
    let max = -Infinity;
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const cell = cellLine(bounds, columns, rows, column, row);
        const du = cell.slope - centre.slope;
        const dv = cell.intercept - centre.intercept;
        const value = this.f0 + ga * du + gc * dv + 0.5 * (haa * du * du + 2 * hac * du * dv + hcc * dv * dv);
        values[row * columns + column] = value;
        if (value < min) min = value;
        if (value > max && value < Infinity) max = value;
      }
    }
    return min <= max ? { columns, rows, values, min, max } : { columns, rows, values, min: Number.NaN, max: Number.NaN };
  }

  private halfWidth(axis: number, centre: Line): number {
    const d = this.moments.d;
    const at = axis === this.axes[0] ? centre.slope : centre.intercept;
    const { target, features } = this.scalings;
    // As a one-feature landscape: 1.2 × the optimum's distance from 0, at least half the target's sd per sd of the feature.
    const least =
      axis === d ? (this.space === 'raw' ? target.std : 1) : this.space === 'raw' ? (0.5 * target.std) / features[axis].std : 0.5;
    const half = 1.2 * Math.max(Math.abs(Number.isFinite(at) ? at : 0), least);
    return Number.isFinite(half) && half > 0 ? half : 1;
  }

  /** A raw change of one parameter of the space by one unit, the others held in the space's units. */
  private direction(axis: number): Direction {
    const d = this.moments.d;
    const coefficients = new Float64Array(d);
    if (this.space === 'raw') {
      if (axis === d) return { coefficients, intercept: 1 };
      coefficients[axis] = 1;
      return { coefficients, intercept: 0 };
    }
    const { target, features } = this.scalings;
    if (axis === d) return { coefficients, intercept: target.std };
    const step = target.std / features[axis].std;
    coefficients[axis] = step;
    return { coefficients, intercept: -step * features[axis].mean };
  }

  private planeToSpace(plane: Hyperplane): Hyperplane {
    if (this.space === 'raw') return plane;
    return weightsAsHyperplane(weightsToScaledUnits(weightsOf(plane), this.scalings.features, this.scalings.target));
  }

  private planeToRaw(plane: Hyperplane): Hyperplane {
    if (this.space === 'raw') return plane;
    return weightsAsHyperplane(weightsToRawUnits(weightsOf(plane), this.scalings.features, this.scalings.target));
  }
}

/** A plane as the trainer's weights (the first coefficient the slope, the others `moreWeights`). */
function weightsOf(plane: Hyperplane): Weights {
  const [slope, ...more] = plane.coefficients;
  return more.length > 0 ? { slope, intercept: plane.intercept, moreWeights: more } : { slope, intercept: plane.intercept };
}

/** Parameter `axis` of a plane: a coefficient, or the intercept (axis d). */
function parameter(plane: Hyperplane, axis: number): number {
  return axis === plane.coefficients.length ? plane.intercept : plane.coefficients[axis];
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += a[j] * b[j];
  return sum;
}

/** eᵀ S f for the cross-products' S. */
function quadratic(m: CrossProducts, e: ArrayLike<number>, f: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < m.d; j++) {
    if (e[j] === 0) continue;
    for (let k = 0; k < m.d; k++) sum += e[j] * m.sxx[j * m.d + k] * f[k];
  }
  return sum;
}
