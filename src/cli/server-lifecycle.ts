/**
 * Starting and stopping the HTTP server from the command line: listen errors become one clear
 * message, and SIGINT/SIGTERM close the server so the process ends with code 0.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError } from './cli-error.ts';

/** Listens and returns the server's URL (with the real port when 0 was asked for). */
export function startListening(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(new CliError(describeListenError(error, port, host)));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address() as AddressInfo;
      const shownHost = address.address.includes(':') ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });
}

function describeListenError(error: NodeJS.ErrnoException, port: number, host: string): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${host} is already in use. Stop the other server or choose another port with --port (0 picks a free one).`;
    case 'EACCES':
      return `No permission to listen on port ${port}; ports below 1024 usually need administrator rights. Choose another with --port.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `Cannot listen on ${host}: it is not an address of this machine.`;
    default:
      return `Cannot listen on ${host}:${port}: ${error.message}`;
  }
}

/**
 * On SIGINT or SIGTERM: stop accepting, answer the requests in flight (given `graceMs`) with
 * `Connection: close`, close idle keep-alive connections at once, and exit with code 0.
 */
export function stopOnSignals(server: Server, log: (line: string) => void, graceMs = 3000): void {
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  const closeAfterAnswer = (response: ServerResponse): void => {
    // Before the answer's headers go out: it says so and the connection ends after it.
    if (!response.headersSent) response.setHeader('Connection', 'close');
  };
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (stopping) closeAfterAnswer(response);
  });
  const stop = (signal: NodeJS.Signals): void => {
    stopping = true;
    log(`${signal} received, shutting down.`);
    for (const response of inFlight) {
      closeAfterAnswer(response);
      // One whose headers were already sent: its connection is idle once it is answered.
      response.once('finish', () => setImmediate(() => server.closeIdleConnections()));
    }
    server.close(() => {
      process.exitCode = 0;
    });
    // Keep-alive connections would otherwise hold the process open until their clients let go.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
    // A second signal means "now".
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
