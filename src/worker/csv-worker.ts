/**
 * Parses one CSV file off the page's thread, posting progress, then the table (its numbers and text
 * transferred in a few buffers). A plain file (no quotes, LF or CRLF line ends, not a decimal-comma
 * file) is read from its bytes by `core/csv/plain-csv.ts`; any other, or one whose later lines turn
 * out not to be plain, by papaparse, which gives the same table, only slower. The columns the page
 * asks for are then taken here too (a pass over every row), so the page only shows them.
 */
import Papa from 'papaparse';
import { streamTable, type ParseProgress, type TableOutcome } from '../core/csv/csv-stream.ts';
import { PlainCsvReader, readsPlainly } from '../core/csv/plain-csv.ts';
import type { ColumnChoice } from '../core/data/dataset.ts';
import {
  factsOfSelected,
  packTable,
  selectInWorker,
  transferablesOfOutcome,
  type CsvWorkerEvent,
  type CsvWorkerRequest,
} from './csv-protocol.ts';

function post(event: CsvWorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, { transfer });
}

/** Progress is posted at most this often: each one redraws the page's progress bar. */
const PROGRESS_INTERVAL_MS = 100;

/** How much of the file's start papaparse looks at to tell its delimiter and line ends. */
const HEAD_BYTES = 64 * 1024;

function progressReporter(): (progress: ParseProgress) => void {
  let postedAt = 0;
  return (progress) => {
    const now = performance.now();
    if (now - postedAt < PROGRESS_INTERVAL_MS && progress.fraction < 1) return;
    postedAt = now;
    post({ type: 'progress', progress });
  };
}

/** The file read plainly, or undefined when it needs papaparse. */
async function readPlainly(file: File, onProgress: (progress: ParseProgress) => void): Promise<TableOutcome | undefined> {
  const head = await file.slice(0, HEAD_BYTES).text();
  if (head.includes('"')) return undefined;
  const { meta } = Papa.parse(head, { preview: 10 });
  if (!readsPlainly(meta.delimiter, meta.linebreak)) return undefined;
  const reader = new PlainCsvReader(meta.delimiter);
  const stream = file.stream().getReader();
  let read = 0;
  for (let chunk = await stream.read(); !chunk.done; chunk = await stream.read()) {
    if (!reader.push(chunk.value)) {
      await stream.cancel();
      return undefined;
    }
    read += chunk.value.length;
    onProgress({ fraction: file.size === 0 ? 1 : Math.min(1, read / file.size), rows: reader.rowCount });
  }
  const table = reader.finish();
  if (PlainCsvReader.needsPapaparse(table)) return undefined;
  return 'error' in table ? { ok: false, error: table.error } : { ok: true, table };
}

async function readFile(file: File, choices: ColumnChoice[]): Promise<void> {
  const onProgress = progressReporter();
  const outcome = (await readPlainly(file, onProgress)) ?? (await streamTable((config) => Papa.parse(file, config), file.size, onProgress));
  if (!outcome.ok) {
    post({ type: 'done', outcome });
    return;
  }
  const table = packTable(outcome.table);
  const selected = selectInWorker(table, choices);
  const facts = factsOfSelected(selected);
  post({ type: 'done', outcome: { ok: true, table, selected, ...(facts ? { facts } : {}) } }, transferablesOfOutcome(table, selected));
}

self.addEventListener('message', (message: MessageEvent<CsvWorkerRequest>) => void readFile(message.data.file, message.data.choices));
