/**
 * The page's settings in the URL's query, so a copied link reproduces a setup and a reload keeps it:
 * columns, optimizer, learning rate, epochs, batch size, validation split, seed, early stopping,
 * backend and engine. Pure: reads and writes query strings; the page calls `history.replaceState`.
 * A bad value never breaks the page: it falls back to its default and says so in a notice.
 */
import { BACKEND_LABELS, parseBackendName, type BackendName } from './backends.ts';
import type { ColumnChoice } from '../data/dataset.ts';
import { choiceFeatureNames } from '../data/feature-columns.ts';
import { DEFAULT_ENGINE, ENGINES, type EngineName } from './engines.ts';
import { OPTIMIZERS, type OptimizerName } from '../model/model.ts';
import { DEFAULT_EARLY_STOPPING, DEFAULT_SETTINGS, type TrainingSettings } from './training-settings.ts';
import { BATCH_SIZE_OR_FULL_RULE, SETTING_RULES, checkText, type Check, type NumberRule } from './training-settings-rules.ts';

export interface PageSettings {
  training: TrainingSettings;
  /** Columns asked for; the data decides whether they exist. */
  columns: ColumnChoice;
  /** The backend to try first; undefined tries them in the usual order. */
  backend: BackendName | undefined;
  engine: EngineName;
}

export const DEFAULT_PAGE_SETTINGS: Readonly<PageSettings> = Object.freeze({
  training: DEFAULT_SETTINGS,
  columns: {},
  backend: undefined,
  engine: DEFAULT_ENGINE,
});

/** The query parameter of each setting. */
export const URL_KEYS = {
  feature: 'feature',
  target: 'target',
  optimizer: 'optimizer',
  learningRate: 'lr',
  epochs: 'epochs',
  batchSize: 'batch',
  validationSplit: 'split',
  seed: 'seed',
  patience: 'patience',
  minImprovement: 'improve',
  backend: 'backend',
  engine: 'engine',
} as const;

const FULL_BATCH = 'full';

export interface ParsedUrlSettings {
  settings: PageSettings;
  /** One sentence per ignored value, for the page to show. */
  notices: string[];
}

function choice<T extends string>(text: string, allowed: readonly T[], label: string): Check<T> {
  const found = allowed.find((value) => value === text.toLowerCase());
  return found ? { ok: true, value: found } : { ok: false, error: `${label} must be one of ${allowed.join(', ')}.` };
}

/** Reads the settings from a query string ("?lr=0.5&…"); anything missing or bad keeps its default. */
export function parseUrlSettings(search: string): ParsedUrlSettings {
  const { settings, notices } = readUrlSettings(search);
  return { settings, notices };
}

/**
 * The query string without the values `parseUrlSettings` ignores, so a copied link does not carry them
 * on. The other parameters are kept as written (re-encoding would turn `feature=a,b`'s separating
 * comma into a comma inside one name).
 */
export function withoutIgnoredValues(search: string): string {
  const ignored = new Set(readUrlSettings(search).ignored);
  const kept = querySegments(search).filter((segment) => !ignored.has(decodeQueryPart(segment.split('=')[0]) ?? ''));
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/** The `key=value` pieces of a query string, as written. */
function querySegments(search: string): string[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((segment) => segment !== '');
}

/** A percent-encoded piece of a query (`+` is a space), or undefined when its encoding is broken. */
function decodeQueryPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * The feature names of `feature=a,b,c` as written in the query: commas separate the names, and a
 * comma inside a name is percent-encoded (%2C), so each name is decoded on its own. Read from the raw
 * query (URLSearchParams would decode the %2C first); undefined when there is no such parameter.
 */
function rawFeatureNames(search: string): (string | undefined)[] | undefined {
  const segment = querySegments(search).find((piece) => decodeQueryPart(piece.split('=')[0]) === URL_KEYS.feature);
  if (segment === undefined) return undefined;
  return segment
    .slice(segment.indexOf('=') + 1 || segment.length)
    .split(',')
    .map(decodeQueryPart);
}

/** `feature=` for a list of names: each percent-encoded (a comma in a name too), separated by commas. */
function featureSegment(names: readonly string[]): string {
  return `${URL_KEYS.feature}=${names.map((name) => encodeURIComponent(name)).join(',')}`;
}

/** The settings, the notices, and the keys whose values were ignored. */
function readUrlSettings(search: string): ParsedUrlSettings & { ignored: string[] } {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const ignored: string[] = [];
  const training: TrainingSettings = { ...DEFAULT_SETTINGS };

  /** Applies one parameter if present and valid; otherwise notes why it was ignored. */
  function read<T>(key: string, check: (text: string) => Check<T>, apply: (value: T) => void, fallback: string): void {
    const text = params.get(key);
    if (text === null) return;
    const result = text.trim() === '' ? ({ ok: false, error: 'the value is empty.' } as const) : check(text.trim());
    if (result.ok) apply(result.value);
    else {
      notices.push(`Ignored ${key}=${text} from the address: ${result.error} Using ${fallback}.`);
      ignored.push(key);
    }
  }
  const number = (rule: NumberRule) => (text: string) => checkText(text, rule);

  read(
    URL_KEYS.optimizer,
    (t) => choice<OptimizerName>(t, OPTIMIZERS, 'Optimizer'),
    (v) => (training.optimizer = v),
    DEFAULT_SETTINGS.optimizer,
  );
  read(
    URL_KEYS.learningRate,
    number(SETTING_RULES.learningRate),
    (v) => (training.learningRate = v),
    String(DEFAULT_SETTINGS.learningRate),
  );
  read(URL_KEYS.epochs, number(SETTING_RULES.epochs), (v) => (training.epochs = v), String(DEFAULT_SETTINGS.epochs));
  read(
    URL_KEYS.batchSize,
    (t) => (t.toLowerCase() === FULL_BATCH ? { ok: true, value: 0 } : number(BATCH_SIZE_OR_FULL_RULE)(t)),
    (v) => (training.batchSize = v),
    'full batch',
  );
  read(
    URL_KEYS.validationSplit,
    number(SETTING_RULES.validationSplit),
    (v) => (training.validationSplit = v),
    String(DEFAULT_SETTINGS.validationSplit),
  );
  read(URL_KEYS.seed, number(SETTING_RULES.seed), (v) => (training.seed = v), String(DEFAULT_SETTINGS.seed));
  if (params.has(URL_KEYS.patience) || params.has(URL_KEYS.minImprovement)) {
    const earlyStopping = { ...DEFAULT_EARLY_STOPPING };
    read(URL_KEYS.patience, number(SETTING_RULES.patience), (v) => (earlyStopping.patience = v), String(DEFAULT_EARLY_STOPPING.patience));
    read(
      URL_KEYS.minImprovement,
      number(SETTING_RULES.minImprovement),
      (v) => (earlyStopping.minImprovement = v),
      String(DEFAULT_EARLY_STOPPING.minImprovement),
    );
    training.earlyStopping = earlyStopping;
  }

  const columns: ColumnChoice = {};
  const column = (t: string): Check<string> => ({ ok: true, value: t });
  read(
    URL_KEYS.feature,
    () => featureNamesCheck(rawFeatureNames(search) ?? []),
    (names) => {
      if (names.length === 1) columns.feature = names[0];
      else columns.features = names;
    },
    'the default column',
  );
  read(URL_KEYS.target, column, (v) => (columns.target = v), 'the default column');

  let backend: BackendName | undefined;
  const backendCheck = (t: string): Check<BackendName> => {
    const name = parseBackendName(t);
    return name ? { ok: true, value: name } : { ok: false, error: `Backend must be one of ${Object.keys(BACKEND_LABELS).join(', ')}.` };
  };
  read(URL_KEYS.backend, backendCheck, (v) => (backend = v), 'the best available backend');

  let engine: EngineName = DEFAULT_PAGE_SETTINGS.engine;
  read(
    URL_KEYS.engine,
    (t) => choice<EngineName>(t, ENGINES, 'Engine'),
    (v) => (engine = v),
    'the worker',
  );

  return { settings: { training, columns, backend, engine }, notices, ignored };
}

/** The names of `feature=`: each decodable, none empty, none twice. */
function featureNamesCheck(names: readonly (string | undefined)[]): Check<string[]> {
  if (names.some((name) => name === undefined)) return { ok: false, error: 'a name is not percent-encoded correctly.' };
  const given = (names as string[]).map((name) => name.trim());
  if (given.some((name) => name === '')) return { ok: false, error: 'a name is empty.' };
  const twice = given.find((name, i) => given.indexOf(name) !== i);
  if (twice !== undefined) return { ok: false, error: `${twice} is named twice.` };
  return { ok: true, value: given };
}

/**
 * Writes the settings into a query string, keeping any parameters that are not settings. Training
 * settings are all written (so a link means the same after defaults change); the backend and engine
 * only when chosen.
 */
export function serializeUrlSettings(settings: PageSettings, currentSearch = ''): string {
  const others = new URLSearchParams(currentSearch);
  for (const key of Object.values(URL_KEYS)) others.delete(key);
  const params = new URLSearchParams();
  const { training, columns } = settings;
  const features = choiceFeatureNames(columns);
  if (columns.target !== undefined) params.set(URL_KEYS.target, columns.target);
  params.set(URL_KEYS.optimizer, training.optimizer);
  params.set(URL_KEYS.learningRate, String(training.learningRate));
  params.set(URL_KEYS.epochs, String(training.epochs));
  params.set(URL_KEYS.batchSize, training.batchSize > 0 ? String(training.batchSize) : FULL_BATCH);
  params.set(URL_KEYS.validationSplit, String(training.validationSplit));
  params.set(URL_KEYS.seed, String(training.seed));
  if (training.earlyStopping) {
    params.set(URL_KEYS.patience, String(training.earlyStopping.patience));
    params.set(URL_KEYS.minImprovement, String(training.earlyStopping.minImprovement));
  }
  if (settings.backend) params.set(URL_KEYS.backend, settings.backend);
  if (settings.engine !== DEFAULT_PAGE_SETTINGS.engine) params.set(URL_KEYS.engine, settings.engine);
  // The features written apart: URLSearchParams would encode their separating commas.
  const query = [others.toString(), features.length > 0 ? featureSegment(features) : '', params.toString()]
    .filter((part) => part !== '')
    .join('&');
  return query ? `?${query}` : '';
}
