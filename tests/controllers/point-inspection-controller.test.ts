/**
 * Point inspection alone: the selected row (from point-select events, forgotten with other data), the
 * rows furthest from the line, and the selected row's influence, each computed once per change.
 */
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/core/model/predict.ts';
import type { Dataset } from '../../src/core/data/dataset.ts';
import type { Influence } from '../../src/core/stats/influence.ts';
import { FURTHEST_COUNT, PointInspectionController } from '../../src/ui/controllers/point-inspection-controller.ts';
import { PointSelectEvent } from '../../src/ui/point-events.ts';
import { fiveRows, REFERENCE_LINE } from '../elements/fixtures.ts';
import { StubHost } from './host.ts';

function setUp() {
  const source: { data: Dataset | null; line: Line | null } = { data: fiveRows(), line: REFERENCE_LINE };
  const host = new StubHost();
  const inspection = new PointInspectionController(host, () => source);
  host.connect();
  return { host, inspection, source };
}

describe('PointInspectionController', () => {
  it('selects the row a point-select event names; a row outside the data or null clears it', () => {
    const { host, inspection } = setUp();
    host.dispatchEvent(new PointSelectEvent(2));
    expect(inspection.selected).toBe(2);
    host.dispatchEvent(new PointSelectEvent(99));
    expect(inspection.selected).toBeNull();
    inspection.select(1);
    inspection.select(null);
    expect(inspection.selected).toBeNull();
  });

  it('forgets the selection when other data comes', async () => {
    const { host, inspection, source } = setUp();
    await host.updateComplete;
    inspection.select(3);
    await host.updateComplete;
    expect(inspection.selected).toBe(3);
    source.data = fiveRows();
    host.requestUpdate();
    await host.updateComplete;
    expect(inspection.selected).toBeNull();
  });

  it('lists the rows furthest from the line, largest residual first, once per data and line', () => {
    const { inspection, source } = setUp();
    const rows = inspection.furthest;
    expect(rows).toHaveLength(Math.min(FURTHEST_COUNT, 5));
    const sizes = rows.map((row) => Math.abs(row.residual));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(inspection.furthest).toBe(rows);
    source.line = null;
    expect(inspection.furthest).toEqual([]);
  });

  it("gives the selected row's influence (none without a selection), once per row and data", () => {
    const { inspection } = setUp();
    expect(inspection.influence).toBeUndefined();
    inspection.select(0);
    // A defined influence here (five rows with different BMIs), not the reason for none.
    const influence = inspection.influence as Influence | undefined;
    expect(influence?.leverage).toBeGreaterThan(0);
    expect(influence?.leverage).toBeLessThan(1);
    expect(inspection.influence).toBe(influence);
    expect(inspection.moments).not.toBeNull();
  });
});
