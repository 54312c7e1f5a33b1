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

  /** The rows furthest from the current line, largest residual first; none without a line. */
  get furthest(): PointResidual[] {
    const { data, line } = this.source();
    const cache = this.furthestFor;
    if (cache.data !== data || cache.line !== line) {
      const rows = data && line ? furthestOf(data, line) : [];
      this.furthestFor = { data, line, rows };
    }
    return this.furthestFor.rows;
  }

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

/** The rows furthest from the line (one feature) or plane (several); none when the line is of other columns. */
function furthestOf(data: Dataset, line: Line): PointResidual[] {
  if (!data.moreFeatures) return furthestFromLine(line, data.x, data.y, FURTHEST_COUNT);
  const plane = planeOnData(data, line);
  const columns = featureColumns(data).map((column) => column.values);
  return plane ? furthestFromPlane(plane, columns, data.y, FURTHEST_COUNT) : [];
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
