/**
 * Which point of the data is selected, and what the plots say about the points: the rows furthest
 * from the current line and the selected row's influence on the least-squares fit. Each is computed
 * once per change of what it depends on (data, line, selection), not on every render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Dataset } from '../../core/data/dataset.ts';
import { datasetCrossProducts } from '../../core/data/dataset-facts.ts';
import { featureColumns } from '../../core/data/feature-columns.ts';
import {
  featuresInfluenceOf,
  furthestFromLine,
  furthestFromPlane,
  influenceOf,
  type AnyInfluence,
  type PointResidual,
} from '../../core/stats/influence.ts';
import { columnMoments, type Moments } from '../../core/stats/moments.ts';
import type { Line } from '../../core/model/predict.ts';
import { planeOnData } from '../../core/view/point-text.ts';
import { PointSelectEvent } from '../point-events.ts';
import { passInSlices, rowsPerSlice } from '../../core/data/row-slices.ts';

/** How many rows "Furthest from the line" lists and the plots label. */
export const FURTHEST_COUNT = 5;

export interface InspectedData {
  data: Dataset | null;
  line: Line | null;
}

export class PointInspectionController implements ReactiveController {
  /** The selected row, or null. */
  selected: number | null = null;
  private seenData: Dataset | null = null;
  private furthestFor: { data: Dataset | null; line: Line | null; rows: PointResidual[] } = { data: null, line: null, rows: [] };
  private influenceFor: { row: number | null; data: Dataset | null; value: AnyInfluence | undefined } = {
    row: null,
    data: null,
    value: undefined,
  };

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly source: () => InspectedData,
  ) {
    host.addController(this);
    host.addEventListener(PointSelectEvent.type, (event: Event) => {
      if (event instanceof PointSelectEvent) this.select(event.row);
    });
  }

  hostUpdate(): void {
    // Other data: the old selection names a row that is not there any more.
    const { data } = this.source();
    if (data !== this.seenData) {
      this.seenData = data;
      this.selected = null;
    }
  }

  select(row: number | null): void {
    const { data } = this.source();
    this.selected = row !== null && data && row >= 0 && row < data.x.length ? row : null;
    this.host.requestUpdate();
  }

  /** The data's moments (one pass over the rows, once per data set). */
  get moments(): Moments | null {
    const { data } = this.source();
    return data ? columnMoments(data.x, data.y) : null;
  }

  /**
   * The rows furthest from the current line, largest residual first; none without a line. Over a
   * slice of rows (row-slices.ts) they are found in slices, one per task: meanwhile the list of the
   * line before stays (none for new data), and one search goes at a time, for the latest line.
   */
  get furthest(): PointResidual[] {
    const { data, line } = this.source();
    const cache = this.furthestFor;
    if ((cache.data !== data || cache.line !== line) && !this.searching) {
      if (!data || !line) this.furthestFor = { data, line, rows: [] };
      else {
        const found = (slices: PointResidual[][]) => mergeFurthest(slices, FURTHEST_COUNT);
        const slices = passInSlices(
          data.y.length,
          (from, to) => furthestOf(data, line, from, to),
          (done) => {
            this.searching = false;
            this.furthestFor = { data, line, rows: found(done) };
            this.host.requestUpdate();
          },
          rowsPerSlice(1 + (data.moreFeatures?.length ?? 0)),
        );
        if (slices) this.furthestFor = { data, line, rows: found(slices) };
        else this.searching = true;
      }
    }
    return this.furthestFor.data === data ? this.furthestFor.rows : [];
  }

  /** A search for the furthest rows is going on in slices. */
  private searching = false;

  /**
   * The selected row's leverage, Cook's distance and refit (on the least-squares fit of one feature or
   * all of them), why it has none, or undefined without a selection.
   */
  get influence(): AnyInfluence | undefined {
    const { data } = this.source();
    const { selected } = this;
    const cache = this.influenceFor;
    if (cache.row !== selected || cache.data !== data) {
      const value = data && selected !== null ? influenceOfRow(data, selected) : undefined;
      this.influenceFor = { row: selected, data, value };
    }
    return this.influenceFor.value;
  }
}

/**
 * The rows from `from` to `to` furthest from the line (one feature) or plane (several), with their
 * indices in the whole data; none when the line is of other columns.
 */
function furthestOf(data: Dataset, line: Line, from: number, to: number): PointResidual[] {
  const y = data.y.subarray(from, to);
  let rows: PointResidual[];
  if (!data.moreFeatures) rows = furthestFromLine(line, data.x.subarray(from, to), y, FURTHEST_COUNT);
  else {
    const plane = planeOnData(data, line);
    const columns = featureColumns(data).map((column) => column.values.subarray(from, to));
    rows = plane ? furthestFromPlane(plane, columns, y, FURTHEST_COUNT) : [];
  }
  return from === 0 ? rows : rows.map((row) => ({ ...row, index: row.index + from }));
}

/** The `count` furthest of the slices' furthest rows: largest |residual| first, the earlier row on a tie, as one pass orders them. */
function mergeFurthest(slices: readonly PointResidual[][], count: number): PointResidual[] {
  return slices
    .flat()
    .sort((a, b) => Math.abs(b.residual) - Math.abs(a.residual) || a.index - b.index)
    .slice(0, count);
}

/**
 * A row's influence. The moments or cross-products (a pass over the rows) only once a row is
 * selected, not for every new data set.
 */
function influenceOfRow(data: Dataset, row: number): AnyInfluence {
  if (!data.moreFeatures) return influenceOf(data, row, columnMoments(data.x, data.y));
  const columns = featureColumns(data).map((column) => column.values);
  return featuresInfluenceOf(columns, data.y, row, datasetCrossProducts(data));
}
