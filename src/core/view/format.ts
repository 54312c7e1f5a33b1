/**
 * Text about a model for people, written once for every panel that shows it.
 */
import { columnLabel } from '../data/columns.ts';
import type { Model } from '../model/model.ts';
import { gapToOptimum } from '../stats/stats.ts';

const countFormats = new Map<string, Intl.NumberFormat>();

/**
 * A whole number as people read it in their language: 149997 → "149,997" in English, "149 997" in
 * French. `locale` defaults to the runtime's (the browser's language, or Node's).
 */
export function formatCount(value: number, locale?: string): string {
  // Below a thousand there is nothing to group, and the digits are the page's own (every other number
  // on it is written with 0-9): no number format is built, as the first one costs tens of milliseconds
  // on a phone, in the render that paints the page first ("Epoch 0 of 0", "163 rows").
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  const key = locale ?? '';
  let format = countFormats.get(key);
  if (!format) countFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })));
  return format.format(value);
}

/** A line with the names of the columns it relates: a model's, or a run's line on the data shown. */
export type NamedLine = Pick<Model, 'slope' | 'intercept'> & {
  feature: { name: string };
  target: { name: string };
  /** The features after the first, with their coefficients (a model of several features). */
  moreFeatures?: readonly { feature: { name: string }; coefficient: number }[];
};

/**
 * "Life expectancy = 2.5185 × BMI + 7.2278" (every negative number gets a real minus sign); with several
 * features "… = 2.5185 × BMI − 0.1200 × Height + 7.2278".
 */
export function formatLine(model: NamedLine): string {
  const signed = (value: number) => `${value < 0 ? '−' : '+'} ${Math.abs(value).toFixed(4)}`;
  const more = (model.moreFeatures ?? [])
    .map(({ feature, coefficient }) => ` ${signed(coefficient)} × ${columnLabel(feature.name)}`)
    .join('');
  const first = `${model.slope < 0 ? '−' : ''}${Math.abs(model.slope).toFixed(4)}`;
  return `${columnLabel(model.target.name)} = ${first} × ${columnLabel(model.feature.name)}${more} ${signed(model.intercept)}`;
}

/** "0.02% above the best possible line" — or "at the best possible line" within float error. */
export function describeGap(mse: number, optimum: number): string {
  const gap = gapToOptimum(mse, optimum);
  if (Math.abs(gap) < 5e-6) return 'at the best possible line';
  return `${formatRoundedPercent(Math.abs(gap))} ${gap > 0 ? 'above' : 'below'} the best possible line`;
}

/** A share as a percentage with the digits its size needs: 0.163 → "16.3%", 0.0002 → "0.020%". */
export function formatRoundedPercent(share: number): string {
  const percent = share * 100;
  const digits = percent >= 1 ? 1 : percent >= 0.01 ? 3 : 4;
  return `${percent.toFixed(digits)}%`;
}
