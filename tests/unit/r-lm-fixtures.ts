/**
 * R's `summary(lm())` and `predict.lm` intervals for data sets that ship with R, written by
 * `scripts/r-lm-fixtures.R` into tests/fixtures/r-lm/ (each data set's CSV and R's numbers).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RTerm {
  name: string;
  aliased: boolean;
  estimate?: number;
  standardError?: number;
  t?: number;
  p?: number;
  low?: number;
  high?: number;
}

export interface RFixture {
  name: string;
  formula: string;
  target: string;
  features: string[];
  rows: number;
  coefficients: RTerm[];
  residualStandardError: number;
  degreesOfFreedom: number;
  r2: number;
  adjustedR2: number;
  f: number;
  fDf1: number;
  fDf2: number;
  fP: number;
  tQuantile: number;
  predictions: {
    inputs: Record<string, number>;
    fitted: number;
    leverage: number;
    prediction: [number, number];
    confidence: [number, number];
  }[];
  /** R's `hatvalues` of every row. */
  leverage: number[];
  /** R's `cooks.distance` of every row. */
  cooksDistance: number[];
  /** `coef(lm(…[-i, ]))` for every row i: the intercept, then every feature (null where aliased). */
  refits: (number | null)[][];
}

export const R_LM_DATA_SETS = ['mtcars', 'swiss', 'stackloss', 'trees', 'stackloss-collinear'] as const;

/** Stackloss with one Air.Flow of 1e8: removing that row cancels almost every digit of the cross-products. */
export const R_LM_FAR_POINT = 'stackloss-far-point';

const folder = new URL('../fixtures/r-lm/', import.meta.url);

export function rFixture(name: string): { fixture: RFixture; csv: string } {
  return {
    fixture: JSON.parse(readFileSync(fileURLToPath(new URL(`${name}.json`, folder)), 'utf8')) as RFixture,
    csv: readFileSync(fileURLToPath(new URL(`${name}.csv`, folder)), 'utf8'),
  };
}
