/**
 * Reads a request body up to a size limit. A prediction request is a few bytes, so anything larger is
 * refused without being read: a client cannot make the server buffer megabytes.
 */
import type { IncomingMessage } from 'node:http';
import type { Result } from '../core/result.ts';

export type BodyOutcome = Result<{ text: string }, 'too-large' | 'aborted'>;

export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyOutcome> {
  // A declared length over the limit is refused before a single byte is read.
  const declared = Number(request.headers['content-length']);
  if (declared > limitBytes) return Promise.resolve({ ok: false, error: 'too-large' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: BodyOutcome): void => {
      request.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        // Stop reading; the caller answers 413 and closes the connection.
        request.pause();
        finish({ ok: false, error: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onAbort = (): void => finish({ ok: false, error: 'aborted' });
    request.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort);
  });
}
