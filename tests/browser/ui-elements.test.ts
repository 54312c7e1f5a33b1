/**
 * The panels' own behaviour in the app: one handler per dropped file, focus kept when a run ends,
 * what screen readers are told, and text that must not go stale.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect } from 'vitest';
import {
  contrastRatio,
  control,
  deepFocus,
  dataError,
  dataSummary,
  dropFiles,
  loadCsv,
  predictorLine,
  predictorMessage,
  setEpochs,
  setSetting,
  statusText,
  trainAndWait,
  untilRunEnds,
  waitForLibraryMessage,
  waitForRunState,
  waitUntilReady,
} from './app-page.ts';
import { test, type AppPage, type Open } from './browser.ts';
import { bundledLikeCsv } from './measure.ts';

/** The pages the current test opened, whose errors are checked when it ends. */
const pages: AppPage[] = [];

async function freshApp(open: Open, path = '?split=0'): Promise<AppPage> {
  const app = await open(path);
  pages.push(app);
  await waitUntilReady(app.page);
  return app;
}

afterEach(() => {
  for (const { errors } of pages.splice(0)) expect(errors).toEqual([]);
});

describe('files dropped on the prediction form', () => {
  test('a CSV is loaded as data, and the form does not also try to read it as weights', async ({ open }) => {
    const { page } = await freshApp(open);
    await dropFiles(
      page,
      [{ name: 'two.csv', content: 'Bmi,Country,LifeExpectancy\n20,A,60\n22,B,65\n26,D,75\n', type: 'text/csv' }],
      page.locator('bmi-predictor'),
    );
    await page
      .locator('data-panel [data-summary]')
      .filter({ hasText: /3\s+rows from\s+two\.csv/ })
      .waitFor();
    expect(await predictorMessage(page)).not.toMatch(/two\.csv|JSON/);
  });

  test('weights dropped while training are refused once, and the form keeps the current model too', async ({ open }) => {
    // Slow epochs (mini-batches, small steps), so the run is still going when the file is dropped.
    const { page } = await freshApp(open, '?split=0&batch=32&lr=0.001');
    const sample = await readFile('public/sample-weights.json');
    const weights = JSON.parse(sample.toString('utf8'));
    await setEpochs(page, 100_000);
    await control(page, 'Train').click();
    await waitForRunState(page, 'running');
    const before = await predictorLine(page);
    await dropFiles(page, [{ name: 'sample-weights.json', content: sample, type: 'application/json' }], page.locator('bmi-predictor'));
    await waitForLibraryMessage(page, /Training is running.*The current model is kept/);
    const after = await predictorLine(page);
    expect(after).toEqual(before);
    expect(after?.slope).not.toBe(weights.slope);
    await control(page, 'Stop').click();
    await waitForRunState(page, 'idle');
  });
});

describe('keyboard focus', () => {
  test('stays on a run control when a run started with Enter ends by itself', async ({ open }) => {
    const { page } = await freshApp(open);
    await setEpochs(page, 30);
    const train = control(page, 'Train');
    await train.focus();
    await untilRunEnds(page, () => page.keyboard.press('Enter'));
    await waitForRunState(page, 'idle');
    const focus = await deepFocus(page);
    expect(focus).toMatchObject({ tag: 'BUTTON', host: 'training-panel' });
    expect(focus.action).toBe('train');
  });
});

describe('contrast (WCAG 1.4.11, 3:1 for focus rings and field borders)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`focus ring and field borders stand out in the ${scheme} scheme, in the app and in the prediction form`, async ({ open }) => {
      const { page } = await freshApp(open);
      await page.emulateMedia({ colorScheme: scheme });
      const surface = await page.locator('bmi-app').evaluate((app) => getComputedStyle(app).getPropertyValue('--bp-surface').trim());
      const surfaceRgb = await page.evaluate((color) => {
        const probe = document.createElement('div');
        probe.style.color = color;
        document.body.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        return rgb;
      }, surface);
      await page.keyboard.press('Tab'); // keyboard use, so :focus-visible applies to what is focused next
      const train = control(page, 'Train');
      await train.focus();
      const ring = await train.evaluate((button) => getComputedStyle(button).outlineColor);
      expect(contrastRatio(ring, surfaceRgb)).toBeGreaterThanOrEqual(3);
      const epochs = page.getByLabel('Epochs', { exact: true });
      const border = await epochs.evaluate((input) => getComputedStyle(input).borderTopColor);
      expect(contrastRatio(border, surfaceRgb)).toBeGreaterThanOrEqual(3);
      const field = page.locator('bmi-predictor').getByLabel('BMI', { exact: true });
      await field.focus();
      const predictorRing = await field.evaluate((input) => getComputedStyle(input).outlineColor);
      expect(contrastRatio(predictorRing, surfaceRgb)).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('what screen readers are told', () => {
  test('a refused setting is described by its message', async ({ open }) => {
    const { page } = await freshApp(open);
    await setSetting(page, 'Epochs', '-5');
    const field = page.locator('training-settings').getByLabel('Epochs', { exact: true });
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = await field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const message = await page.locator(`training-settings [id="${describedBy}"]`).textContent();
    expect(message).toMatch(/Epochs/);
    await setSetting(page, 'Epochs', '10');
    await expect(field.getAttribute('aria-describedby')).resolves.toBeNull();
  });

  test('a backend fallback reason and a backend failure are inside the live status, not only the badge', async ({ open }) => {
    const { page } = await freshApp(open);
    const status = page.locator('backend-status [role=status]');
    await page.locator('backend-status').evaluate((element) => {
      (element as HTMLElement & { choice: unknown }).choice = { name: 'cpu', fallbacks: ['WebGPU unavailable: no adapter'] };
    });
    await expect(status.textContent()).resolves.toMatch(/Backend:\s*CPU\s*WebGPU unavailable: no adapter; using CPU/);
    await page.locator('backend-status').evaluate((element) => {
      (element as HTMLElement & { error: string }).error = 'No backend could start.';
    });
    await expect(status.textContent()).resolves.toMatch(/No backend could start\./);
  });

  test('reading a large CSV is announced when it starts and when it ends, not per chunk; progress stays in a labelled bar', async ({
    open,
  }) => {
    const { page } = await freshApp(open);
    await page.locator('data-panel').evaluate((panel) => {
      const live = [...panel.shadowRoot!.querySelectorAll('[aria-live]')];
      const record = { live: live.length, texts: [] as string[], progress: 0 };
      (window as unknown as { announced: typeof record }).announced = record;
      new MutationObserver(() => {
        const text = panel.shadowRoot!.querySelector('[aria-live]')?.textContent?.trim() ?? '';
        if (text !== record.texts.at(-1)) record.texts.push(text);
        if (panel.shadowRoot!.querySelector('progress[aria-label]')) record.progress++;
      }).observe(panel.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    await loadCsv(page, 'big.csv', bundledLikeCsv(150_000));
    const announced = await page.evaluate(
      () => (window as unknown as { announced: { live: number; texts: string[]; progress: number } }).announced,
    );
    expect(announced.live).toBe(1);
    expect(announced.progress).toBeGreaterThan(1);
    expect(announced.texts).toEqual(['Reading the file…', '149,997 rows from big.csv.']);
  });
});

describe('no stale text', () => {
  test('shows no progress figures before the first run, and does after one', async ({ open }) => {
    const { page } = await freshApp(open);
    await expect(page.locator('training-progress').isVisible()).resolves.toBe(false);
    await setEpochs(page, 5);
    await trainAndWait(page);
    await expect(page.locator('training-progress').isVisible()).resolves.toBe(true);
    await expect(page.locator('training-progress [data-progress=epoch]').textContent()).resolves.toBe('5 of 5');
  });

  test('says why training is unavailable instead of waiting forever', async ({ open }) => {
    const { page } = await freshApp(open);
    await page.locator('training-panel').evaluate((panel) => {
      const element = panel as HTMLElement & { ready: boolean; unavailable: string };
      element.ready = false;
      element.unavailable = 'No backend could start: training is unavailable.';
    });
    await expect.poll(() => statusText(page)).toBe('No backend could start: training is unavailable.');
  });

  test('shows the error, not "Loading data…", when the bundled data cannot be fetched', async ({ open }) => {
    const app = await open('', {
      initScript: () => {
        const original = window.fetch;
        window.fetch = (input, init) =>
          String(input instanceof Request ? input.url : input).endsWith('.csv')
            ? Promise.resolve(new Response('gone', { status: 404 }))
            : original(input, init);
      },
    });
    pages.push(app);
    const { page } = app;
    await page
      .locator('data-panel [data-error]')
      .filter({ hasText: /Could not load the bundled data/ })
      .waitFor();
    expect(await dataError(page)).toMatch(/HTTP 404/);
    expect(await dataSummary(page)).toBe('No data loaded.');
  });
});

describe('model library', () => {
  test('disables loading and importing while training, with a hint saying why', async ({ open }) => {
    const { page } = await freshApp(open);
    const library = page.locator('model-library');
    const weightsInput = library.getByLabel('Load weights file');
    await expect(weightsInput.isEnabled()).resolves.toBe(true);
    await library.evaluate((element) => ((element as HTMLElement & { training: boolean }).training = true));
    await expect(weightsInput.isDisabled()).resolves.toBe(true);
    await expect(library.getByLabel(/Import TF\.js files/).isDisabled()).resolves.toBe(true);
    const hint = library.locator('[data-training-hint]');
    await expect(hint.textContent()).resolves.toMatch(/Training is running/);
    await expect(weightsInput.getAttribute('aria-describedby')).resolves.toBe(await hint.getAttribute('id'));
    await library.evaluate((element) => ((element as HTMLElement & { training: boolean }).training = false));
    await expect(weightsInput.isEnabled()).resolves.toBe(true);
    await expect(hint.count()).resolves.toBe(0);
  });

  test('deletes a saved model only after a confirming press, from the keyboard too; Escape cancels', async ({ open }) => {
    const { page } = await freshApp(open);
    await setEpochs(page, 3);
    await trainAndWait(page);
    await page.getByLabel('Model name').fill('keep me');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForLibraryMessage(page, /Saved/);
    const item = page.locator('model-library li[data-name="keep me"]');

    const remove = page.getByRole('button', { name: 'Delete model keep me', exact: true });
    await remove.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Confirm delete model keep me', exact: true });
    await expect(confirm.textContent()).resolves.toMatch(/Confirm delete/);
    await expect(item.count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await remove.waitFor();
    await expect(item.count()).resolves.toBe(1);

    await remove.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitForLibraryMessage(page, /Deleted the saved model "keep me"/);
    await expect(item.count()).resolves.toBe(0);
  });
});
