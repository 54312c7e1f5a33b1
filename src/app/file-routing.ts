/**
 * Decides what files the user picked or dropped are: a CSV of data, a bmi-predictor weights file, or
 * a TF.js model.json with its weights.bin. By extension first, then by a look at the first bytes, so
 * a file named oddly still goes to the right reader.
 */
import { errorMessage, startsLikeJsonObject } from '../core/text.ts';

export type FileRoute =
  | { kind: 'csv'; file: File }
  | { kind: 'weights'; file: File }
  | { kind: 'tfjs'; json: File; bin: File }
  | { kind: 'refused'; error: string };

const extension = (file: File): string => /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';

const CSV_EXTENSIONS = ['csv', 'tsv', 'txt'];

const startsLikeJson = async (file: File): Promise<boolean> => startsLikeJsonObject(await file.slice(0, 256).text());

async function kindOf(file: File): Promise<'json' | 'bin' | 'csv'> {
  const ext = extension(file);
  if (ext === 'json' || file.type === 'application/json') return 'json';
  if (ext === 'bin' || file.type === 'application/octet-stream') return 'bin';
  if (CSV_EXTENSIONS.includes(ext) || file.type === 'text/csv') return 'csv';
  return (await startsLikeJson(file)) ? 'json' : 'csv';
}

const list = (files: readonly File[]): string => files.map((file) => `"${file.name}"`).join(', ');

export async function routeFiles(files: readonly File[]): Promise<FileRoute> {
  if (files.length === 0) return { kind: 'refused', error: 'No file was given.' };
  let kinds;
  try {
    kinds = await Promise.all(files.map(kindOf));
  } catch (error) {
    // E.g. NotReadableError: a file moved or its permission withdrawn since it was picked.
    return { kind: 'refused', error: `Could not read ${list(files)} (${errorMessage(error)}).` };
  }
  const of = (kind: string): File[] => files.filter((_, i) => kinds[i] === kind);
  const [jsons, bins, csvs] = [of('json'), of('bin'), of('csv')];

  if (files.length === 1) {
    const file = files[0];
    if (bins.length === 1) {
      return { kind: 'refused', error: `"${file.name}" is TF.js weights data without its model.json: pick or drop both files together.` };
    }
    return csvs.length === 1 ? { kind: 'csv', file } : { kind: 'weights', file };
  }
  if (files.length === 2 && jsons.length === 1 && bins.length === 1) return { kind: 'tfjs', json: jsons[0], bin: bins[0] };
  if (bins.length > 0 && jsons.length === 0) {
    return {
      kind: 'refused',
      error: `${list(bins)} ${bins.length === 1 ? 'is' : 'are'} TF.js weights data without a model.json: pick or drop the model.json together with its weights.bin.`,
    };
  }
  return {
    kind: 'refused',
    error: `Got ${files.length} files (${list(files)}). Give one weights file, one CSV, or a TF.js model.json with its weights.bin.`,
  };
}
