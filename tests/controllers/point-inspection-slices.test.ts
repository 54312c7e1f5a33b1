/**
 * Issue 20, item 9: over a million rows, the points furthest from the line are found in slices, one
 * per task (a render never waits for a pass over every row), and they are the ones one pass finds.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/data/dataset.ts';
import type { Line } from '../../src/core/model/predict.ts';
import { furthestFromLine } from '../../src/core/stats/influence.ts';
import { ROWS_PER_SLICE } from '../../src/core/data/row-slices.ts';
import { FURTHEST_COUNT, PointInspectionController } from '../../src/ui/controllers/point-inspection-controller.ts';
import { StubHost } from './host.ts';

function manyRows(rows: number): Dataset {
  const x = new Float64Array(rows);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    x[i] = 20 + (i % 1000) / 100;
    // Far rows in different slices, two of them equally far (the earlier one comes first).
    y[i] = 2 * x[i] + (i === 5 ? 40 : i === ROWS_PER_SLICE + 7 ? -55 : i === 2 * ROWS_PER_SLICE + 1 || i === 3 ? 30 : (i % 7) / 10);
  }
  return { featureName: 'x', targetName: 'y', x, y };
}

describe('PointInspectionController with more rows than a slice', () => {
  it('finds the furthest rows in slices, after the render that asked, and they are one pass’s', async () => {
    const data = manyRows(2 * ROWS_PER_SLICE + 100);
    const source: { data: Dataset | null; line: Line | null } = { data, line: { slope: 2, intercept: 0 } };
    const host = new StubHost();
    const inspection = new PointInspectionController(host, () => source);
    host.connect();
    // Not in the asking task: none yet for new data (the pass would have been one long task).
    expect(inspection.furthest).toEqual([]);
    const updates = host.updates;
    while (inspection.furthest.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    // Found, the host was asked to render them.
    expect(host.updates).toBeGreaterThan(updates);
    const expected = furthestFromLine(source.line!, data.x, data.y, FURTHEST_COUNT);
    expect(inspection.furthest).toEqual(expected);
    expect(inspection.furthest.map((row) => row.index)).toEqual([ROWS_PER_SLICE + 7, 5, 3, 2 * ROWS_PER_SLICE + 1, expected[4].index]);
    // Another line: the last list stays until the new one is found.
    const before = inspection.furthest;
    source.line = { slope: 2, intercept: 1 };
    expect(inspection.furthest).toBe(before);
    while (inspection.furthest === before) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inspection.furthest).toEqual(furthestFromLine(source.line, data.x, data.y, FURTHEST_COUNT));
  });
});
