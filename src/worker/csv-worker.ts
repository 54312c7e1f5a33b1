/** Parses one CSV file off the page's thread, posting progress, then the table (its arrays transferred). */
import Papa from 'papaparse';
import { streamTable } from '../core/csv-stream.ts';
import type { CsvWorkerEvent, CsvWorkerRequest } from './csv-protocol.ts';

function post(event: CsvWorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, { transfer });
}

self.addEventListener('message', async (message: MessageEvent<CsvWorkerRequest>) => {
  const { file } = message.data;
  const outcome = await streamTable((config) => Papa.parse(file, config), file.size, (progress) => post({ type: 'progress', progress }));
  const transfer = outcome.ok ? [...[...outcome.table.values.values()].map((column) => column.buffer), outcome.table.lines.buffer] : [];
  post({ type: 'done', outcome }, transfer);
});
