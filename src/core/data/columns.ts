/**
 * Human names and units for the columns the project knows; any other column is shown as written.
 */
const KNOWN_COLUMNS: Record<string, { label: string; unit: string }> = {
  bmi: { label: 'BMI', unit: 'kg/m²' },
  lifeexpectancy: { label: 'Life expectancy', unit: 'years' },
};

function known(column: string): { label: string; unit: string } | undefined {
  return KNOWN_COLUMNS[column.toLowerCase().replace(/[\s_-]/g, '')];
}

/** "Bmi" → "BMI"; an unknown column keeps its own name. */
export function columnLabel(column: string): string {
  return known(column)?.label ?? column;
}

/** "LifeExpectancy" → "years"; an unknown column has no unit (""). */
export function columnUnit(column: string): string {
  return known(column)?.unit ?? '';
}
