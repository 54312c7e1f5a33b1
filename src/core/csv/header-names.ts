/**
 * The columns a header line names. R's `write.csv` writes the row names (one per row: "Afghanistan",
 * …) under an empty header, as pandas' `to_csv` writes its index: that column gets a name of its own,
 * so the names can label the points. Other empty headers name nothing and are left out.
 */

/** The name given to the column under an empty header. */
export const ROW_NAMES_COLUMN = 'Row names';

export interface HeaderColumns {
  /** The column names, in file order. */
  columns: string[];
  /** Where in a row (read as an array of cells) each column's cell is. */
  positions: number[];
}

export function headerColumns(fields: readonly string[]): HeaderColumns {
  const named = fields.filter((field) => field !== '');
  const columns: string[] = [];
  const positions: number[] = [];
  fields.forEach((field, i) => {
    if (field !== '') {
      columns.push(field);
      positions.push(i);
    } else if (i === 0 && named.length > 0) {
      // Only where R and pandas put it: first, with named columns after it.
      columns.push(uniqueName(ROW_NAMES_COLUMN, named));
      positions.push(i);
    }
  });
  return { columns, positions };
}

/** `name`, or `name 2`, `name 3`, … when a column of the file is already called so. */
function uniqueName(name: string, taken: readonly string[]): string {
  let candidate = name;
  for (let n = 2; taken.includes(candidate); n++) candidate = `${name} ${n}`;
  return candidate;
}
