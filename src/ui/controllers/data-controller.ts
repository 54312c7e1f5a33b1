/**
 * The data the page trains on: the bundled CSV at first, then files the user gives and the columns
 * they choose. A file the user gives while the bundled one is on its way wins over it. A refused file
 * or column choice keeps the current data and says why.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  featureNamesOf,
  parseTable,
  selectColumns,
  selectColumnsInSlices,
  type ColumnChoice,
  type Dataset,
  type ParseOutcome,
  type SkippedRows,
  type Table,
} from '../../core/data/dataset.ts';
import { columnLabel } from '../../core/data/columns.ts';
import { choiceFeatureNames } from '../../core/data/feature-columns.ts';
import type { Result } from '../../core/result.ts';
import { errorMessage } from '../../core/text.ts';
import { prepareDatasetFacts } from '../../core/data/dataset-facts.ts';
import { columnNotes, NO_COLUMN_NOTES, type ColumnNotes } from '../../core/view/column-notes.ts';
import { yieldThroughMessage } from '../../core/train/yield.ts';
import { loadCsvFile, type LoadedCsv } from '../../app/csv-file-loader.ts';
import { ColumnsChangeEvent } from '../events.ts';
import { onHostEvent } from './host-events.ts';

/** A data set taken from a table, and whether the app chose its columns (the user named none). */
interface Selected {
  dataset: Dataset;
  skipped: SkippedRows;
  byDefault: boolean;
}

type Chosen = Result<{ table: Table; selected: Selected }>;

const BUNDLED_CSV = 'bmi_and_life_expectancy.csv';

export interface DataState {
  readonly table: Table | null;
  readonly data: Dataset | null;
  /** The file the data came from. */
  readonly source: string;
  readonly skipped: SkippedRows;
  /** Why the last file or column choice was refused, or ''. */
  readonly error: string;
  /** Share of a CSV file parsed so far, while one is. */
  readonly loading: number | undefined;
  /** Files handled (taken or refused), so a page (or a test) can tell one file's end from the previous one's. */
  readonly filesRead: number;
  /** Which columns the app chose and why, warnings about the chosen ones, columns that are text for a reason. */
  readonly notes: ColumnNotes;
  /** What the last column change did beyond what was asked (a feature chosen as the target left the features), or ''. */
  readonly columnsNote: string;
}

/** The columns a column picker asks for: one or more features in order, the target and the label. */
export interface ColumnsRequest {
  feature: string;
  /** Several features, the first being `feature`; absent with one. */
  features?: readonly string[];
  target: string;
  label?: string | null;
}

export const NO_DATA: DataState = Object.freeze({
  table: null,
  data: null,
  source: '',
  skipped: Object.freeze({ count: 0, lines: [] }),
  error: '',
  loading: undefined,
  filesRead: 0,
  notes: NO_COLUMN_NOTES,
  columnsNote: '',
});

/** A column choice in its usual form: `feature` for one feature, `features` (all of them) for several. */
function normalChoice({ feature, features, target, label }: ColumnChoice): ColumnChoice {
  const names = choiceFeatureNames({ feature, features });
  return {
    ...(names.length > 1 ? { features: [...names] } : names.length === 1 ? { feature: names[0] } : {}),
    ...(target === undefined ? {} : { target }),
    ...(label === undefined ? {} : { label }),
  };
}

/** What the data needs from the rest of the page. */
export interface DataHost {
  /** The columns the page's settings (the URL) ask for. */
  columns(): ColumnChoice;
  /** The columns now used: keep them (in the URL). */
  keepColumns(columns: ColumnChoice): void;
  /** Tells the user about a setting from the URL that was not used. */
  notice(text: string): void;
  /** Why other data cannot be taken now (a run is going), or undefined. */
  busy(): string | undefined;
  /** Other data was taken: what described the old data (the loss curve, the model's fit) is out of date. */
  dataChanged(): void;
}

export class DataController implements ReactiveController {
  state: DataState = NO_DATA;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly page: DataHost,
  ) {
    host.addController(this);
    onHostEvent(host, ColumnsChangeEvent.type, (event) => this.changeColumns(event.columns));
  }

  get data(): Dataset | null {
    return this.state.data;
  }

  get loading(): boolean {
    return this.state.loading !== undefined;
  }

  hostConnected(): void {
    if (!this.state.data) void this.loadBundled();
  }

  private set(changes: Partial<DataState>): void {
    this.state = { ...this.state, ...changes };
    this.host.requestUpdate();
  }

  /** A file the user gave while the bundled data was on its way (being read, or taken) wins over it. */
  private get userDataArrived(): boolean {
    return this.state.data !== null || this.loading;
  }

  private async loadBundled(): Promise<void> {
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}${BUNDLED_CSV}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const table = parseTable(await response.text());
      // Taking the columns and drawing them come in a task of their own: with the parse, the task
      // would hold up the page's first seconds on a phone.
      await yieldThroughMessage();
      if (this.userDataArrived) return;
      if ('error' in table) throw new Error(table.error);
      const asked = this.page.columns();
      const { columns, unknown } = withKnownFeatures(table, asked);
      const anyAsked = choiceFeatureNames(asked).length > 0 || asked.target !== undefined;
      const error = this.useTable(table, BUNDLED_CSV, anyAsked ? [columns, {}] : [{}], (refused) => {
        this.page.notice(`Ignored the columns from the address: ${refused} Using the default columns.`);
      });
      if (error) throw new Error(error);
      if (unknown.length > 0 && this.state.data && choiceFeatureNames(columns).length > 0) {
        // Some of the features asked for are here: those are used, and the others leave the address.
        const names = unknown.map((name) => `"${name}"`).join(', ');
        this.page.notice(
          `Ignored the feature${unknown.length === 1 ? '' : 's'} ${names} from the address: not a numeric column of the data.`,
        );
        this.page.keepColumns(this.currentColumns());
      }
    } catch (error) {
      if (this.userDataArrived) return;
      this.set({ error: `Could not load the bundled data (${String(error)}). Load a CSV file instead.` });
    }
  }

  /** Reads a CSV file as the data: one the user picked in the data panel or dropped on the page (see file-intake-controller.ts). */
  async loadFile(file: File): Promise<void> {
    const busy = this.page.busy() ?? (this.loading ? 'Another file is being read: load this one when it is done.' : undefined);
    if (busy) {
      // Dropped on the page (the file input is disabled then): say why nothing happened.
      this.refuse(file.name, busy);
      this.set({ filesRead: this.state.filesRead + 1 });
      return;
    }
    this.set({ loading: 0 });
    let outcome: LoadedCsv;
    const asked = this.page.columns();
    try {
      // The worker takes the columns too (a pass over every row): the page only shows them.
      outcome = await loadCsvFile(file, (progress) => this.set({ loading: progress.fraction }), [asked, {}]);
    } catch (error) {
      // E.g. NotReadableError: the file was moved or its permission withdrawn after it was picked.
      outcome = { ok: false, error: `The file could not be read (${errorMessage(error)}).` };
    }
    // The current columns when the new file has them, else its defaults. The worker's outcomes hold
    // when it tried these very choices (every feature asked for is a numeric column of the file).
    const columns = outcome.ok ? withKnownFeatures(outcome.table, asked).columns : asked;
    const chosen = outcome.ok
      ? this.chooseColumns(outcome.table, [columns, {}], undefined, columns === asked ? outcome.selected : [])
      : outcome;
    // Receiving the table and drawing it are each a task of their own (the columns were taken in the
    // worker, or, for a choice it did not try, here): still loading till then.
    if (chosen.ok) await yieldThroughMessage();
    this.set({ loading: undefined });
    if (chosen.ok) {
      this.take(chosen.table, file.name, chosen.selected);
      this.page.keepColumns(this.currentColumns());
    } else {
      this.refuse(file.name, chosen.error);
    }
    // Taken or refused, the file is handled: a page (or a test) waiting for it hears so either way.
    this.set({ filesRead: this.state.filesRead + 1 });
  }

  /**
   * Takes the columns a picker asks for. A feature chosen as the target leaves the features (and,
   * when it was the only one, the old target takes its place: the two swap), saying so.
   */
  private changeColumns(request: ColumnsRequest): void {
    const { table, source, data } = this.state;
    if (!table || this.page.busy()) return;
    let features = choiceFeatureNames(request);
    let note = '';
    if (features.includes(request.target)) {
      if (features.length > 1) {
        features = features.filter((name) => name !== request.target);
        note = `${columnLabel(request.target)} is now the target, so it is no longer a feature.`;
      } else if (data && data.targetName !== request.target) {
        features = [data.targetName];
      }
    }
    const columns = normalChoice({ features, target: request.target, label: request.label });
    // With many rows, the columns are taken (selectColumns), then with several features their
    // cross-products computed, in slices (no long task on the page); the latest choice wins should
    // another come meanwhile, and none while a run goes.
    const turn = ++this.columnRequests;
    const current = () => turn === this.columnRequests && this.state.table === table && !this.page.busy();
    const selected = (outcome: ParseOutcome) => {
      const chosen = this.chooseColumns(table, [columns], undefined, [outcome]);
      if (!chosen.ok) {
        this.refuse(source, chosen.error);
        return;
      }
      const take = () => {
        this.take(table, source, chosen.selected);
        this.set({ columnsNote: note });
        this.page.keepColumns(columns);
      };
      if (prepareDatasetFacts(chosen.selected.dataset, () => current() && take())) take();
    };
    const now = selectColumnsInSlices(table, columns, (outcome) => current() && selected(outcome), current);
    if (now) selected(now);
  }

  /** Column choices asked for so far: one whose columns or facts arrive after a later one's is dropped. */
  private columnRequests = 0;

  private refuse(source: string, error: string): void {
    this.set({ error: `${source}: ${error}${this.state.data ? ' The current data is kept.' : ''}` });
  }

  private currentColumns(): ColumnChoice {
    const { data } = this.state;
    return data ? normalChoice({ features: featureNamesOf(data), target: data.targetName }) : {};
  }

  /**
   * Takes the first column choice the table supports as the data; `onRefused` hears why an earlier
   * choice was passed over. Returns why none worked (the current data is then untouched).
   */
  private useTable(
    table: Table,
    source: string,
    choices: ColumnChoice[],
    onRefused: (error: string) => void = () => {},
  ): string | undefined {
    const chosen = this.chooseColumns(table, choices, onRefused);
    if (!chosen.ok) return chosen.error;
    this.take(table, source, chosen.selected);
    return undefined;
  }

  /**
   * The data set of the first column choice the table supports, or why none worked; `selected` are
   * the outcomes of the first choices when the CSV worker took them already.
   */
  private chooseColumns(
    table: Table,
    choices: ColumnChoice[],
    onRefused: (error: string) => void = () => {},
    selected: readonly ParseOutcome[] = [],
  ): Chosen {
    let error = 'No columns to choose from.';
    for (const [i, choice] of choices.entries()) {
      const outcome = selected[i] ?? selectColumns(table, choice);
      const byDefault = choiceFeatureNames(choice).length === 0 && choice.target === undefined;
      if (outcome.ok) return { ok: true, table, selected: { ...outcome, byDefault } };
      error = outcome.error;
      if (choice !== choices.at(-1)) onRefused(outcome.error);
    }
    return { ok: false, error };
  }

  /** Makes a chosen data set the current data. */
  private take(table: Table, source: string, selected: Selected): void {
    const notes = columnNotes(table, selected.dataset, selected.byDefault);
    this.set({ table, data: selected.dataset, source, skipped: selected.skipped, error: '', notes, columnsNote: '' });
    this.page.dataChanged();
    return undefined;
  }
}

/**
 * A column choice without the features the table has no numeric column for, and those names. When
 * none of the features asked for is there, the choice is left as it is (and refused as a whole).
 */
function withKnownFeatures(table: Table, choice: ColumnChoice): { columns: ColumnChoice; unknown: string[] } {
  const names = choiceFeatureNames(choice);
  const known = names.filter((name) => table.numericColumns.includes(name));
  if (known.length === names.length || known.length === 0) return { columns: choice, unknown: [] };
  const unknown = names.filter((name) => !known.includes(name));
  return { columns: normalChoice({ ...choice, feature: undefined, features: known }), unknown };
}
