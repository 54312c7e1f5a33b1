/** Parses one CSV file off the page's thread, posting progress, then the table (its arrays transferred). */
import { parseTableStream, type CsvWorkerEvent, type CsvWorkerRequest } from '../core/csv-stream.ts';

function post(event: CsvWorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, { transfer });
}

self.addEventListener('message', async (message: MessageEvent<CsvWorkerRequest>) => {
  const outcome = await parseTableStream(message.data.file, (progress) => post({ type: 'progress', progress }));
  const transfer = outcome.ok ? [...[...outcome.table.values.values()].map((column) => column.buffer), outcome.table.lines.buffer] : [];
  post({ type: 'done', outcome }, transfer);
});
