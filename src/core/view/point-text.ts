/**
 * How one row of the data is written for people: its name, its values, the line's prediction and the
 * residual. Shared by the tooltips, the table views and the list of furthest points.
 */
import { columnLabel, columnUnit } from '../data/columns.ts';
import type { Dataset } from '../data/dataset.ts';
import { featureColumns, featureNamesOf } from '../data/feature-columns.ts';
import { datasetForCoefficients } from '../model/model-data.ts';
import { modelFeatureNames } from '../model/model-features.ts';
import type { Model } from '../model/model.ts';
import type { Hyperplane, Line, Weights } from '../model/predict.ts';
import { planeOfLine, predictRow } from '../stats/partial-fit.ts';
import { indexOfText, textAt } from '../csv/text-column.ts';

/** A residual or change with a real minus sign and an explicit plus: "−21.46", "+16.09". */
export function formatSigned(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value < 0 ? '−' : '+'}${text}`;
}

/** The row's label, or "Row 18" (1-based, in data order) when the data has no label column. */
export function pointName(data: Pick<Dataset, 'labels'>, row: number): string {
  const label = data.labels ? textAt(data.labels, row) : '';
  return label ? label : `Row ${row + 1}`;
}

/** The first row with this label, or -1. */
export function rowOfLabel(data: Pick<Dataset, 'labels'>, label: string): number {
  return data.labels ? indexOfText(data.labels, label) : -1;
}

export interface PointFacts {
  name: string;
  /** [label, value] pairs in reading order: feature, target, then prediction and residual with a line. */
  facts: [string, string][];
}

function withUnit(value: number, column: string): string {
  const unit = columnUnit(column);
  return `${value.toFixed(2)}${unit ? ` ${unit}` : ''}`;
}

/**
 * The line the page holds (a model, a run's weights or a plain line) as a plane over every feature of
 * the data, or null when there is none or it reads other features. A fit that left features out
 * because of singularities (as R's lm does) has coefficients for the others only: theirs by name for
 * a model, the features the exact fit keeps for a run's weights; the ones left out count 0, as in R's
 * predictions.
 */
export function planeOnData(
  data: Dataset,
  line: (Line & Partial<Pick<Weights, 'moreWeights'>> & Partial<Pick<Model, 'feature' | 'moreFeatures'>>) | null,
): Hyperplane | null {
  if (!line) return null;
  const plane = planeOfLine(line);
  const names = featureNamesOf(data);
  const count = plane.coefficients.length;
  if (count === names.length) return plane;
  const fitted = line.feature ? modelFeatureNames({ feature: line.feature, moreFeatures: line.moreFeatures }) : fittedNames(data, count);
  if (!fitted || fitted.some((name) => !names.includes(name))) return null;
  return {
    coefficients: names.map((name) => (fitted.includes(name) ? plane.coefficients[fitted.indexOf(name)] : 0)),
    intercept: plane.intercept,
  };
}

/** The features `count` coefficients of a run belong to: those the exact fit of the rows keeps, when that many. */
function fittedNames(data: Dataset, count: number): string[] | undefined {
  const fitted = datasetForCoefficients(data, count);
  return fitted && featureNamesOf(fitted);
}

export function pointFacts(data: Dataset, row: number, line: Line | null): PointFacts {
  const y = data.y[row];
  const columns = featureColumns(data);
  // Every feature of the point, in the data's order, then the target.
  const facts: [string, string][] = [
    ...columns.map(({ name, values }): [string, string] => [columnLabel(name), withUnit(values[row], name)]),
    [columnLabel(data.targetName), withUnit(y, data.targetName)],
  ];
  const plane = planeOnData(data, line);
  if (plane) {
    const predicted = predictRow(
      plane,
      columns.map((column) => column.values),
      row,
    );
    if (Number.isFinite(predicted)) {
      facts.push(['Predicted', withUnit(predicted, data.targetName)]);
      facts.push(['Residual', formatSigned(y - predicted)]);
    }
  }
  return { name: pointName(data, row), facts };
}

/** One sentence for screen readers: "Lesotho: BMI 21.90 kg/m², Life expectancy 44.50 years, …". */
export function describePoint(data: Dataset, row: number, line: Line | null): string {
  const { name, facts } = pointFacts(data, row, line);
  return `${name}: ${facts.map(([label, value]) => `${label} ${value}`).join(', ')}.`;
}
