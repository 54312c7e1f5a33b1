/** Parses one CSV file off the page's thread, posting progress, then the table (its numbers transferred in one buffer). */
import Papa from 'papaparse';
import { streamTable } from '../core/csv/csv-stream.ts';
import { packTable, transferablesOf, type CsvWorkerEvent, type CsvWorkerRequest } from './csv-protocol.ts';

function post(event: CsvWorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, { transfer });
}

async function readFile(file: File): Promise<void> {
  const outcome = await streamTable(
    (config) => Papa.parse(file, config),
    file.size,
    (progress) => post({ type: 'progress', progress }),
  );
  if (!outcome.ok) {
    post({ type: 'done', outcome });
    return;
  }
  const table = packTable(outcome.table);
  post({ type: 'done', outcome: { ok: true, table } }, transferablesOf(table));
}

self.addEventListener('message', (message: MessageEvent<CsvWorkerRequest>) => void readFile(message.data.file));
