/**
 * What the rows of a table are, in the plural, for sentences like "95% of countries with this BMI":
 * the bundled data has one row per country (a "Country" column, or "Country name"); other tables have
 * "cases".
 */
export function rowsNoun(columns: readonly string[]): string {
  return columns.some((column) => /^countr(y|ies)([ _-]?names?)?$/i.test(column.trim())) ? 'countries' : 'cases';
}
