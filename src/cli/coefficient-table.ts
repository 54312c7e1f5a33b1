/**
 * The fit summary as R's `summary(lm(...))` prints it, with `confint`'s 95% intervals below, for
 * `train` to print after the fit:
 *
 *   Coefficients:
 *               Estimate Std. Error t value Pr(>|t|)
 *   (Intercept)   7.2278     5.3200   1.359    0.176
 *   Bmi           2.5185     0.2136  11.792   <2e-16 ***
 */
import { featureNamesOf, type Dataset } from '../core/data/dataset.ts';
import { fitSummary, type Coefficient, type FitSummary } from '../core/stats/fit-summary.ts';
import { regressionSummary, type RegressionSummary } from '../core/stats/regression-summary.ts';
import { crossProductsOfFeatures } from '../core/stats/cross-products.ts';
import type { Model } from '../core/model/model.ts';
import { formatPValue } from '../core/view/fit-summary-words.ts';
import type { Line } from '../core/model/predict.ts';
import { splitDataset } from '../core/data/split.ts';
import type { TrainingSettings } from '../core/settings/training-settings.ts';
import { datasetCrossProducts, datasetMoments } from '../core/data/dataset-facts.ts';
import { escapeControlCharacters } from './terminal-text.ts';

/** R's smallest p it prints as a number (`.Machine$double.eps`); below it, "< 2.2e-16". */
const EPSILON = 2.220446e-16;

function stars(p: number): string {
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '';
}

/** Right-aligns each column of `rows` (the first column left-aligned), two spaces apart at least. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column])))
      .join(' ')
      .trimEnd(),
  );
}

/** The table and lines R prints, for `summary` of a line predicting from `featureName`. */
export function formatFitSummary(summary: FitSummary, featureName: string): string {
  return formatRegressionSummary({
    ...summary,
    terms: [
      { name: '(Intercept)', coefficient: summary.intercept },
      { name: featureName, coefficient: summary.slope },
    ],
    fDegreesOfFreedom: [1, summary.degreesOfFreedom],
  });
}

/**
 * The table and lines R prints for `summary` of a fit on several features; a feature left out because
 * of singularities gets R's NA row, and the count in the heading.
 */
export function formatRegressionSummary(
  summary: Omit<RegressionSummary, 'basis'> & { basis: Pick<RegressionSummary['basis'], 'level'> },
): string {
  // The names as they will be shown (escaped), so the columns are aligned on what the terminal prints.
  const coefficients = summary.terms.map((term) => ({ ...term, name: escapeControlCharacters(term.name) }));
  const notDefined = coefficients.filter((term) => term.coefficient === null).length;
  const row = (c: Coefficient | null, cells: (c: Coefficient) => string[], count: number): string[] =>
    c === null ? [...new Array<string>(count).fill('NA')] : cells(c);
  const table = alignColumns([
    ['', 'Estimate', 'Std. Error', 't value', 'Pr(>|t|)', ''],
    ...coefficients.map(({ name, coefficient }) => [
      name,
      ...row(coefficient, (c) => [c.estimate.toFixed(4), c.standardError.toFixed(4), c.t.toFixed(3), formatPValue(c.p)], 4),
      coefficient === null ? '' : stars(coefficient.p),
    ]),
  ]);
  const level = summary.basis.level * 100;
  const confint = alignColumns([
    ['', `${(100 - level) / 2} %`, `${100 - (100 - level) / 2} %`],
    ...coefficients.map(({ name, coefficient }) => [
      name,
      ...row(coefficient, (c) => [c.confidenceInterval.low.toFixed(6), c.confidenceInterval.high.toFixed(6)], 2),
    ]),
  ]);
  const fP = summary.fP < EPSILON ? '< 2.2e-16' : summary.fP.toPrecision(4);
  return [
    notDefined === 0 ? 'Coefficients:' : `Coefficients: (${notDefined} not defined because of singularities)`,
    ...table,
    '---',
    "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1",
    '',
    `Residual standard error: ${Number(summary.residualStandardError.toPrecision(4))} on ${summary.degreesOfFreedom} degrees of freedom`,
    `Multiple R-squared:  ${summary.r2.toFixed(4)},\tAdjusted R-squared:  ${summary.adjustedR2.toFixed(4)}`,
    `F-statistic: ${Number(summary.f.toPrecision(4))} on ${summary.fDegreesOfFreedom[0]} and ${summary.fDegreesOfFreedom[1]} DF,  p-value: ${fP}`,
    '',
    `${level}% confidence intervals of the coefficients:`,
    ...confint,
  ].join('\n');
}

/**
 * The summary of a trained model on the rows it was trained on (the same seeded split as the run): a
 * line's, or with several features every coefficient's, the features it left out listed as R does.
 */
export function fitSummaryText(
  model: Line & Pick<Model, 'moreFeatures' | 'aliasedFeatures'>,
  dataset: Dataset,
  settings: Pick<TrainingSettings, 'validationSplit' | 'seed'>,
): string {
  const { train } = splitDataset(dataset, settings.validationSplit, settings.seed);
  if (model.moreFeatures === undefined && model.aliasedFeatures === undefined) {
    const result = fitSummary(model, datasetMoments(train));
    return result.ok ? formatFitSummary(result.summary, dataset.featureName) : result.error;
  }
  const names = featureNamesOf(train);
  const left = new Set(model.aliasedFeatures ?? []);
  const fitted = names.flatMap((name, j) => (left.has(name) ? [] : [j]));
  const moments = crossProductsOfFeatures(datasetCrossProducts(train), fitted);
  const plane = { coefficients: [model.slope, ...(model.moreFeatures ?? []).map((more) => more.coefficient)], intercept: model.intercept };
  const result = regressionSummary(plane, moments, { names, fitted });
  return result.ok ? formatRegressionSummary(result.summary) : result.error;
}
