/**
 * The fit summary as R's `summary(lm(...))` prints it, with `confint`'s 95% intervals below, for
 * `train` to print after the fit:
 *
 *   Coefficients:
 *               Estimate Std. Error t value Pr(>|t|)
 *   (Intercept)   7.2278     5.3200   1.359    0.176
 *   Bmi           2.5185     0.2136  11.792   <2e-16 ***
 */
import type { Dataset } from '../core/data/dataset.ts';
import { fitSummary, type Coefficient, type FitSummary } from '../core/stats/fit-summary.ts';
import { formatPValue } from '../core/view/fit-summary-words.ts';
import type { Line } from '../core/model/predict.ts';
import { splitDataset } from '../core/data/split.ts';
import type { TrainingSettings } from '../core/settings/training-settings.ts';
import { datasetMoments } from '../core/data/dataset-facts.ts';
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
  // The name as it will be shown (escaped), so the columns are aligned on what the terminal prints.
  const coefficients: [string, Coefficient][] = [
    ['(Intercept)', summary.intercept],
    [escapeControlCharacters(featureName), summary.slope],
  ];
  const table = alignColumns([
    ['', 'Estimate', 'Std. Error', 't value', 'Pr(>|t|)', ''],
    ...coefficients.map(([name, c]) => [
      name,
      c.estimate.toFixed(4),
      c.standardError.toFixed(4),
      c.t.toFixed(3),
      formatPValue(c.p),
      stars(c.p),
    ]),
  ]);
  const level = summary.basis.level * 100;
  const confint = alignColumns([
    ['', `${(100 - level) / 2} %`, `${100 - (100 - level) / 2} %`],
    ...coefficients.map(([name, c]) => [name, c.confidenceInterval.low.toFixed(6), c.confidenceInterval.high.toFixed(6)]),
  ]);
  const fP = summary.fP < EPSILON ? '< 2.2e-16' : summary.fP.toPrecision(4);
  return [
    'Coefficients:',
    ...table,
    '---',
    "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1",
    '',
    `Residual standard error: ${Number(summary.residualStandardError.toPrecision(4))} on ${summary.degreesOfFreedom} degrees of freedom`,
    `Multiple R-squared:  ${summary.r2.toFixed(4)},\tAdjusted R-squared:  ${summary.adjustedR2.toFixed(4)}`,
    `F-statistic: ${Number(summary.f.toPrecision(4))} on 1 and ${summary.degreesOfFreedom} DF,  p-value: ${fP}`,
    '',
    `${level}% confidence intervals of the coefficients:`,
    ...confint,
  ].join('\n');
}

/** The summary of a trained line on the rows it was trained on (the same seeded split as the run). */
export function fitSummaryText(line: Line, dataset: Dataset, settings: Pick<TrainingSettings, 'validationSplit' | 'seed'>): string {
  const { train } = splitDataset(dataset, settings.validationSplit, settings.seed);
  const result = fitSummary(line, datasetMoments(train));
  return result.ok ? formatFitSummary(result.summary, dataset.featureName) : result.error;
}
