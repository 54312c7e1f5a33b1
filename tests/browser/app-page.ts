/**
 * Actions and readings on the app page, shared by the browser tests. Playwright's locators pierce the
 * open shadow roots of the Lit elements, so these read like a user's view of the page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';

export const OPTIMUM_MSE = 43.0210311892;

export function backendBadge(page: Page) {
  return page.locator('backend-status [part=badge]');
}

/** Waits until the Train button is enabled: data loaded and a backend running. */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).and(page.locator(':enabled')).waitFor({ timeout: 45_000 });
}

export type RunState = 'idle' | 'running' | 'paused';

export async function runState(page: Page): Promise<RunState> {
  return (await page.locator('training-panel').getAttribute('data-run-state')) as RunState;
}

export async function waitForRunState(page: Page, state: RunState): Promise<void> {
  await page.locator(`training-panel[data-run-state=${state}]`).waitFor({ timeout: 45_000 });
}

async function runsFinished(page: Page): Promise<number> {
  return Number(await page.locator('training-panel').getAttribute('data-runs-finished'));
}

/** Does `action` (a click that starts or ends a run), then waits until one more run has ended. */
export async function untilRunEnds(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await runsFinished(page);
  await action();
  await page.locator(`training-panel[data-runs-finished="${before + 1}"]`).waitFor({ timeout: 45_000 });
}

/**
 * Waits until the app has rendered what the last user action changed (its pending Lit update), so a
 * test can assert that something did NOT happen without sleeping: a run that had started would show
 * in `data-run-state` by then.
 */
export async function appRendered(page: Page): Promise<void> {
  await page.locator('bmi-app').evaluate(async (app) => {
    await (app as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  });
}

/** Clicks Train and waits for the run to end (completed, stopped early or diverged). */
export async function trainAndWait(page: Page): Promise<void> {
  await untilRunEnds(page, () => control(page, 'Train').click());
}

export function control(page: Page, name: 'Train' | 'Pause' | 'Resume' | 'Step' | 'Stop' | 'Reset') {
  return page.locator('training-panel').getByRole('button', { name, exact: true });
}

export function statusText(page: Page): Promise<string> {
  return page
    .locator('training-panel [data-status]')
    .textContent()
    .then((text) => (text ?? '').replace(/\s+/g, ' ').trim());
}

/** Opens "More settings" if it is closed. */
export async function openMoreSettings(page: Page): Promise<void> {
  const details = page.locator('training-settings details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await page.getByText('More settings').click();
}

/** Types a training setting and commits it (as leaving the field does). */
export async function setSetting(page: Page, label: string, value: string): Promise<void> {
  if (!/^(Epochs|Learning rate|Optimizer)$/.test(label)) await openMoreSettings(page);
  const field = page.locator('training-settings').getByLabel(label, { exact: true });
  if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
  else {
    await field.fill(value);
    await field.dispatchEvent('change');
  }
}

/** The epoch the progress shows ("37 of 200" → 37; "1,234 of 100,000" → 1234). */
export async function progressEpoch(page: Page): Promise<number> {
  const text = (await page.locator('training-progress [data-progress=epoch]').textContent()) ?? '';
  return Number(text.split(' of ')[0].replace(/\D/g, ''));
}

/**
 * Starts a run long enough to still be going (100,000 epochs; open the page with mini-batches, e.g.
 * `?batch=32`, as 100,000 full-batch epochs take about a second) and pauses it past its first epochs,
 * so Stop has a trained line to keep.
 */
export async function pauseALongRun(page: Page): Promise<void> {
  await setEpochs(page, 100_000);
  await control(page, 'Train').click();
  await waitForRunState(page, 'running');
  await waitForEpochAbove(page, 2);
  await control(page, 'Pause').click();
  await waitForRunState(page, 'paused');
}

/** Waits until the progress shows an epoch above `epoch`. */
export async function waitForEpochAbove(page: Page, epoch: number): Promise<void> {
  await page.waitForFunction(
    (above) => {
      const panel = document.querySelector('bmi-app')?.shadowRoot?.querySelector('training-panel');
      const text =
        panel?.shadowRoot?.querySelector('training-progress')?.shadowRoot?.querySelector('[data-progress=epoch]')?.textContent ?? '';
      return Number(text.split(' of ')[0].replace(/\D/g, '')) > above;
    },
    epoch,
    { timeout: 45_000 },
  );
}

export async function metricValue(page: Page, name: 'mse' | 'rmse' | 'r2', rows: 'train' | 'validation' = 'train'): Promise<number> {
  return Number(await page.locator(`metrics-panel #${rows} [data-metric=${name}]`).textContent());
}

/** The closed-form optimum MSE on the training rows, as the metrics panel states it (full precision). */
export async function optimumMse(page: Page): Promise<number> {
  return Number(await page.locator('metrics-panel [data-optimum]').getAttribute('data-optimum'));
}

/** The trained model's line, from the metrics panel (full precision). */
export async function modelLine(page: Page): Promise<{ slope: number; intercept: number }> {
  const line = page.locator('metrics-panel [data-line]');
  return { slope: Number(await line.getAttribute('data-slope')), intercept: Number(await line.getAttribute('data-intercept')) };
}

/** The line the scatter plot draws now (the live weights while a run goes, else the model). */
export function plottedLine(page: Page): Promise<{ slope: number; intercept: number } | null> {
  return page.locator('scatter-plot').evaluate((plot) => {
    const line = (plot as HTMLElement & { line: { slope: number; intercept: number } | null }).line;
    return line && { slope: line.slope, intercept: line.intercept };
  });
}

export interface LossPointView {
  epoch: number;
  trainLoss: number;
  validationLoss: number | null;
}

/** The loss points the chart holds, read from the element. */
export function lossPoints(page: Page): Promise<LossPointView[]> {
  return page.locator('loss-chart').evaluate((chart) => [...(chart as HTMLElement & { points: LossPointView[] }).points]);
}

/** How many x values the uPlot instance of the loss chart is drawing, and how many series. */
export function plottedLossPoints(page: Page): Promise<number> {
  return page.locator('loss-chart').evaluate((chart) => {
    const plot = (chart as HTMLElement & { plot?: { data: unknown[][] } }).plot;
    return plot?.data[0]?.length ?? 0;
  });
}

/** The labels of the loss chart's series (without the x series). */
export function lossSeries(page: Page): Promise<string[]> {
  return page.locator('loss-chart').evaluate((chart) => {
    const plot = (chart as HTMLElement & { plot?: { series: { label?: string }[] } }).plot;
    return (plot?.series ?? []).slice(1).map((series) => String(series.label));
  });
}

export async function tensorCount(page: Page): Promise<number> {
  const text = (await page.locator('[data-tensors]').textContent()) ?? '';
  const match = /(\d+)/.exec(text);
  if (!match) throw new Error(`No tensor count shown (got "${text}")`);
  return Number(match[1]);
}

/** Types into the prediction field (labelled with the feature), presses Enter, and returns the output's text and the message. */
export async function predictText(page: Page, input: string, label = 'BMI'): Promise<{ output: string; message: string }> {
  const field = page.locator('bmi-predictor').getByLabel(label, { exact: true });
  await field.fill(input);
  await field.press('Enter');
  return {
    output: ((await page.locator('bmi-predictor output').textContent()) ?? '').trim(),
    message: ((await page.locator('bmi-predictor [part=message]').textContent()) ?? '').trim(),
  };
}

/** Sets the number of epochs in the training form. */
export async function setEpochs(page: Page, epochs: number): Promise<void> {
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
}

/**
 * Predicts through the form and returns the full-precision value from the `bmi-prediction` event
 * (the output shows one decimal). Throws with the form's message when there is no prediction.
 */
export async function predictValue(page: Page, input: string, label = 'BMI'): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { predictionLog?: (number | string)[] };
    if (!w.predictionLog) {
      document.addEventListener('bmi-prediction', (event) =>
        w.predictionLog!.push((event as CustomEvent<{ prediction: number }>).detail.prediction),
      );
      document.addEventListener('bmi-predictor-error', (event) =>
        w.predictionLog!.push((event as CustomEvent<{ message: string }>).detail.message),
      );
    }
    w.predictionLog = [];
  });
  const field = page.locator('bmi-predictor').getByLabel(label, { exact: true });
  await field.fill(input);
  await field.press('Enter');
  const handle = await page.waitForFunction(() => {
    const log = (window as unknown as { predictionLog: unknown[] }).predictionLog;
    return log.length > 0 ? { value: log[0] } : false;
  });
  const { value } = (await handle.jsonValue()) as { value: number | string };
  if (typeof value === 'string') throw new Error(`No prediction: ${value}`);
  return value;
}

/** The model library's last message (info, warning or error) and its kind. */
export async function libraryMessage(page: Page): Promise<{ kind: string; text: string }> {
  const message = page.locator('model-library [data-message]');
  await message.waitFor();
  return { kind: (await message.getAttribute('data-message')) ?? '', text: ((await message.textContent()) ?? '').trim() };
}

/** Waits for a library message matching `text`, so a test does not read the one before it. */
export async function waitForLibraryMessage(page: Page, text: RegExp): Promise<{ kind: string; text: string }> {
  await page.locator('model-library [data-message]').filter({ hasText: text }).waitFor({ timeout: 15_000 });
  return libraryMessage(page);
}

export interface FileSpec {
  name: string;
  content: string | Uint8Array;
  type?: string;
}

/** Starts dragging files over the app (dragenter + dragover), as a user would from the desktop. */
export async function dragFilesOver(page: Page, files: FileSpec[], target: Locator = page.locator('bmi-app')): Promise<void> {
  const specs = files.map((file) => ({ name: file.name, type: file.type ?? '', base64: Buffer.from(file.content).toString('base64') }));
  await target.evaluate((target, specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) {
      const bytes = Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], spec.name, { type: spec.type }));
    }
    (window as unknown as { dragged: DataTransfer }).dragged = transfer;
    for (const type of ['dragenter', 'dragover']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
    }
  }, specs);
}

/** Drops what `dragFilesOver` is dragging. */
export async function dropDragged(page: Page, target: Locator = page.locator('bmi-app')): Promise<void> {
  await target.evaluate((target) => {
    const transfer = (window as unknown as { dragged: DataTransfer }).dragged;
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
  });
}

/** Drags files over the app (or another element of it) and drops them. */
export async function dropFiles(page: Page, files: FileSpec[], target: Locator = page.locator('bmi-app')): Promise<void> {
  await dragFilesOver(page, files, target);
  await dropDragged(page, target);
}

export interface Downloaded {
  name: string;
  path: string;
  bytes: Buffer;
}

/** Runs `action`, waits for `count` downloads and saves them into `dir`. */
export async function downloads(page: Page, dir: string, action: () => Promise<void>, count = 1): Promise<Downloaded[]> {
  const seen: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const onDownload = (download: Download): void => {
      seen.push(download);
      if (seen.length < count) return;
      page.off('download', onDownload);
      resolve();
    };
    page.on('download', onDownload);
  });
  await action();
  await all;
  return Promise.all(
    seen.map(async (download) => {
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), path, bytes: await readFile(path) };
    }),
  );
}

/** Clicks "Download weights" and returns the saved weights file. */
export async function downloadWeights(page: Page, dir: string): Promise<Downloaded> {
  const [file] = await downloads(page, dir, () => page.getByRole('button', { name: 'Download weights' }).click());
  return file;
}

/** Picks a file for the data panel's CSV input and waits until it is read (or refused). */
export async function loadCsv(page: Page, name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
  const panel = page.locator('data-panel');
  const before = Number(await panel.getAttribute('data-files-read'));
  await page
    .getByLabel(/Load another CSV/)
    .setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  await page.locator(`data-panel[data-files-read="${before + 1}"]`).waitFor({ timeout: 45_000 });
}

export function dataSummary(page: Page): Promise<string> {
  return page
    .locator('data-panel [data-summary]')
    .textContent()
    .then((text) => (text ?? '').replace(/\s+/g, ' ').trim());
}

export function dataError(page: Page): Promise<string> {
  return page
    .locator('data-panel [data-error]')
    .textContent()
    .then((text) => (text ?? '').trim());
}

/** The line the prediction form predicts with, or null when it has no model. */
export function predictorLine(page: Page): Promise<{ slope: number; intercept: number } | null> {
  return page.locator('bmi-predictor').evaluate((element) => {
    const model = (element as HTMLElement & { model: { slope: number; intercept: number } | null }).model;
    return model && { slope: model.slope, intercept: model.intercept };
  });
}

/** The prediction form's message line (error or status). */
export async function predictorMessage(page: Page): Promise<string> {
  return ((await page.locator('bmi-predictor [part=message]').textContent()) ?? '').trim();
}

/** The focused element through the open shadow roots: its tag, data-action, and the host it is in. */
export function deepFocus(page: Page): Promise<{ tag: string; action: string | null; host: string | null }> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    let host: Element | null = null;
    while (element?.shadowRoot?.activeElement) {
      host = element;
      element = element.shadowRoot.activeElement;
    }
    return {
      tag: element?.tagName ?? 'NONE',
      action: element?.getAttribute('data-action') ?? null,
      host: host?.tagName.toLowerCase() ?? null,
    };
  });
}

/** A computed CSS colour (`rgb(…)`, `rgba(…)` or `color(srgb …)`) as 0–1 channels and alpha. */
function parseColor(color: string): [number, number, number, number] {
  const values = (color.match(/[\d.]+/g) ?? []).map(Number);
  const scale = color.startsWith('color(') ? 1 : 255;
  const [r = 0, g = 0, b = 0] = values.slice(0, 3).map((v) => v / scale);
  return [r, g, b, values[3] ?? 1];
}

/** WCAG contrast ratio of a computed CSS colour drawn over an opaque background colour. */
export function contrastRatio(color: string, background: string): number {
  const [br, bg, bb] = parseColor(background);
  const [r, g, b, alpha] = parseColor(color);
  // A translucent colour is seen blended with what is under it.
  const seen = [r * alpha + br * (1 - alpha), g * alpha + bg * (1 - alpha), b * alpha + bb * (1 - alpha)];
  const luminance = ([red, green, blue]: number[]): number => {
    const [lr, lg, lb] = [red, green, blue].map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  };
  const [high, low] = [luminance(seen), luminance([br, bg, bb])].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** Deletes a saved model: Delete, then the "Confirm delete" it turns into. */
export async function deleteSaved(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Delete model ${name}`, exact: true }).click();
  await page.getByRole('button', { name: `Confirm delete model ${name}`, exact: true }).click();
}

/**
 * Hands the app a file that cannot be read, as after the user picked it and then moved it or withdrew
 * its permission: every read (slice, text, stream, arrayBuffer) fails with NotReadableError.
 */
export async function selectUnreadableFile(
  page: Page,
  name: string,
  message: string,
  /** 'data': picked in the data panel's CSV picker; 'any': dropped, or picked in the model library. */
  intent: 'data' | 'any' = 'data',
): Promise<void> {
  await page.locator('bmi-app').evaluate(
    (app, { name, message, intent }) => {
      const fail = (): never => {
        throw new DOMException(message, 'NotReadableError');
      };
      class UnreadableBlob extends Blob {
        override arrayBuffer = async (): Promise<ArrayBuffer> => fail();
        override text = async (): Promise<string> => fail();
        override stream = (): ReadableStream<Uint8Array<ArrayBuffer>> => fail();
      }
      class UnreadableFile extends File {
        override slice = (): Blob => new UnreadableBlob(['x']);
        override arrayBuffer = async (): Promise<ArrayBuffer> => fail();
        override text = async (): Promise<string> => fail();
        override stream = (): ReadableStream<Uint8Array<ArrayBuffer>> => fail();
      }
      const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.json') ? 'application/json' : '';
      const file = new UnreadableFile(['a,b\n1,2\n'], name, { type });
      const event = new Event('files-chosen', { bubbles: true, composed: true });
      app.dispatchEvent(Object.assign(event, { files: [file], intent }));
    },
    { name, message, intent },
  );
}

/** The number of files the app has handled (taken or refused). */
export async function filesRead(page: Page): Promise<number> {
  return Number(await page.locator('data-panel').getAttribute('data-files-read'));
}

/**
 * An init script for `open`: the bundled CSV's fetch waits until `releaseBundledCsv()` is called in
 * the page; `bundledCsvRead` is true once the app has read the response's text.
 */
export function holdBundledCsv(): void {
  const w = window as unknown as { releaseBundledCsv?: () => void; bundledCsvRead?: boolean };
  const released = new Promise<void>((resolve) => (w.releaseBundledCsv = resolve));
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes('bmi_and_life_expectancy.csv')) return original(input, init);
    await released;
    const response = await original(input, init);
    const body = new Response(await response.text(), { status: response.status, headers: response.headers });
    const read = body.text.bind(body);
    body.text = async () => {
      const text = await read();
      w.bundledCsvRead = true;
      return text;
    };
    return body;
  };
}

/**
 * Releases what `holdBundledCsv` held and waits until the app has read the text. What the app does
 * with it right after (parse, keep or drop) runs in promise callbacks, all of which the page finishes
 * before Playwright's next look at it.
 */
export async function releaseBundledCsv(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { releaseBundledCsv: () => void }).releaseBundledCsv());
  await page.waitForFunction(() => (window as unknown as { bundledCsvRead?: boolean }).bundledCsvRead === true);
  await appRendered(page);
}

/**
 * Gives the model library the sample weights file as a file whose reading only finishes when
 * `finishSlowRead` is called, so a test can start a run while it is being read.
 */
export async function chooseSlowWeightsFile(page: Page): Promise<void> {
  await page.locator('bmi-app').evaluate(async (app) => {
    const text = await (await fetch('sample-weights.json')).text();
    const w = window as unknown as { finishSlowRead?: () => void };
    const finished = new Promise<void>((resolve) => (w.finishSlowRead = resolve));
    class SlowFile extends File {
      override text = async (): Promise<string> => {
        await finished;
        return text;
      };
    }
    const file = new SlowFile([text], 'slow-weights.json', { type: 'application/json' });
    app.dispatchEvent(Object.assign(new Event('files-chosen', { bubbles: true, composed: true }), { files: [file] }));
  });
}

export async function finishSlowRead(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { finishSlowRead: () => void }).finishSlowRead());
}

/**
 * The text a sighted user sees on the page: every text node under the body and the open shadow roots,
 * except in elements that are not rendered (hidden, in a closed <details>) or visually hidden (the
 * 1-pixel text meant for screen readers only).
 */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const shown = (element: Element): boolean => {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.height > 1;
    };
    const walk = (root: Node): void => {
      for (const child of root.childNodes) {
        if (child instanceof Text && child.parentElement && shown(child.parentElement)) parts.push(child.data);
        else if (child instanceof Element && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(child.tagName)) {
          if (child.shadowRoot) walk(child.shadowRoot);
          walk(child);
        }
      }
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}
