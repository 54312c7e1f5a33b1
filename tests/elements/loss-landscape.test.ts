/** `<loss-landscape>` alone: the optimum marked, the path drawn to its last epoch, the previous run, the units toggle. */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fitOfMoments, momentsOf } from '../../src/core/stats/moments.ts';
import type { LossPoint } from '../../src/core/train/trainer.ts';
import '../../src/ui/loss-landscape.ts';
import { fiveRows } from './fixtures.ts';
import { mount, part, settled, textOf, update } from './mount.ts';

const data = fiveRows();
const moments = momentsOf(data.x, data.y);
const best = fitOfMoments(moments);

/** A made-up straight path from the untrained line (slope 0 through the mean) to the optimum. */
function pathTo(end: { slope: number; intercept: number }, epochs: number): LossPoint[] {
  const start = { slope: 0, intercept: moments.meanY };
  return Array.from({ length: epochs + 1 }, (_, epoch) => {
    const t = epoch / epochs;
    const line = { slope: start.slope + t * (end.slope - start.slope), intercept: start.intercept + t * (end.intercept - start.intercept) };
    return { epoch, trainLoss: 1, validationLoss: null, line };
  });
}

function marks(element: HTMLElement): { optimum: number[]; end: number[] | undefined } {
  const canvas = part<HTMLCanvasElement>(element, 'canvas');
  const parse = (value: string | undefined) => value?.split(',').map(Number);
  return { optimum: parse(canvas.dataset.optimum)!, end: parse(canvas.dataset.pathEnd) };
}

describe('<loss-landscape>', () => {
  it('without data: says so', async () => {
    const landscape = await mount('loss-landscape');
    expect(part(landscape, 'canvas').getAttribute('aria-label')).toBe('Loss landscape: no data.');
  });

  it('marks the exact optimum and draws the path to its last epoch, live as points arrive', async () => {
    const landscape = await mount('loss-landscape', { moments });
    await expect.poll(() => part<HTMLCanvasElement>(landscape, 'canvas').dataset.optimum).toBeDefined();
    expect(marks(landscape).end).toBeUndefined();
    expect(textOf(part(landscape, '[data-optimum-text]'))).toBe(`slope ${best.slope.toFixed(4)}, intercept ${best.intercept.toFixed(4)}`);
    // The optimum's MSE is in the text alternative (the Fit card shows it on the page).
    expect(part(landscape, 'canvas').getAttribute('aria-label')).toContain(
      `exact optimum at slope ${best.slope.toFixed(4)}, intercept ${best.intercept.toFixed(4)}, MSE ${(moments.syy / moments.n - moments.sxy ** 2 / moments.sxx / moments.n).toFixed(4)}.`,
    );
    const path = pathTo(best, 10);
    await update(landscape, { points: path.slice(0, 4) });
    const partway = marks(landscape);
    expect(Math.hypot(partway.end![0] - partway.optimum[0], partway.end![1] - partway.optimum[1])).toBeGreaterThan(20);
    await update(landscape, { points: path });
    const { optimum, end } = marks(landscape);
    expect(Math.hypot(end![0] - optimum[0], end![1] - optimum[1])).toBeLessThan(0.5);
    expect(part(landscape, 'canvas').getAttribute('aria-label')).toMatch(/This run's path: 11 epochs, from slope 0\.0000/);
  });

  it('paints the heat map once the data has arrived (in the next frame), and again for other data', async () => {
    const landscape = await mount('loss-landscape', { moments });
    const canvas = part<HTMLCanvasElement>(landscape, 'canvas');
    /** A signature of the canvas's pixels: 0 while nothing is painted. */
    const picture = (): number => {
      const { data: pixels } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let sum = 0;
      for (let i = 0; i < pixels.length; i += 7) sum += pixels[i] * ((i % 251) + 1);
      return sum;
    };
    await expect.poll(picture).toBeGreaterThan(0);
    const first = picture();
    // Life expectancy turned upside down: the slope changes sign, the bowl tilts the other way.
    await update(landscape, {
      moments: momentsOf(
        data.x,
        data.y.map((y) => 200 - y),
      ),
    });
    await expect.poll(picture).not.toBe(first);
  });

  it('keeps a path that leaves the window inside a wider one, and names the previous run', async () => {
    const far = { slope: -40, intercept: 900 };
    const landscape = await mount('loss-landscape', { moments, points: pathTo(far, 5), previousPoints: pathTo(best, 5) });
    await expect.poll(() => part<HTMLCanvasElement>(landscape, 'canvas').dataset.pathEnd).toBeDefined();
    const canvas = part<HTMLCanvasElement>(landscape, 'canvas');
    const [x, y] = marks(landscape).end!;
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
    expect(x).toBeLessThan(canvas.clientWidth);
    expect(y).toBeLessThan(canvas.clientHeight);
    expect(canvas.getAttribute('aria-label')).toMatch(/previous run's path is drawn faded/);
  });

  it('switches to standardized axes with its labelled checkbox, where the optimum is at intercept 0', async () => {
    const landscape = await mount('loss-landscape', { moments, points: pathTo(best, 5) });
    await userEvent.click(page.getByLabelText('Standardized axes'));
    await settled(landscape);
    expect(landscape.space).toBe('standardized');
    const { optimum, end } = marks(landscape);
    expect(Math.hypot(end![0] - optimum[0], end![1] - optimum[1])).toBeLessThan(0.5);
  });
});

describe('<loss-landscape> readout', () => {
  it('writes negative slopes and intercepts with a real minus sign', async () => {
    const landscape = await mount('loss-landscape', { moments });
    const canvas = part<HTMLCanvasElement>(landscape, 'canvas');
    await expect.poll(() => canvas.dataset.optimum).toBeDefined();
    const box = canvas.getBoundingClientRect();
    let readout = '';
    // Towards the lower left corner the slope and the intercept are below zero.
    for (const f of [0.1, 0.15, 0.2, 0.3]) {
      canvas.dispatchEvent(
        new PointerEvent('pointermove', { clientX: box.left + box.width * f, clientY: box.bottom - box.height * f, bubbles: true }),
      );
      await settled(landscape);
      readout = textOf(part(landscape, '[data-readout]'));
      if (readout.includes('−')) break;
    }
    expect(readout).toMatch(/−/);
    expect(readout).not.toMatch(/-/);
  });
});
