/**
 * Human names and units for the columns the project knows; any other column is shown as written.
 */
const KNOWN_COLUMNS: Record<string, { label: string; unit: string }> = {
  bmi: { label: 'BMI', unit: 'kg/m²' },
  lifeexpectancy: { label: 'Life expectancy', unit: 'years' },
};

function known(column: string): { label: string; unit: string } | undefined {
  const key = column.toLowerCase().replace(/[\s_-]/g, '');
  // Own keys only: a column named "constructor" or "toString" is not a property of every object.
  return Object.hasOwn(KNOWN_COLUMNS, key) ? KNOWN_COLUMNS[key] : undefined;
}

/** "Bmi" → "BMI"; an unknown column keeps its own name. */
export function columnLabel(column: string): string {
  return known(column)?.label ?? column;
}

/** "LifeExpectancy" → "years"; an unknown column has no unit (""). */
export function columnUnit(column: string): string {
  return known(column)?.unit ?? '';
}
