/**
 * Starting and stopping the HTTP server from the command line: listen errors become one clear
 * message, and SIGINT/SIGTERM close the server so the process ends with code 0.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainPredictServer } from '../server/predict-server.ts';
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
 * Stops the server gracefully: no new connections, every answer from now on says `Connection: close`
 * and ends its connection (so a request in flight is answered), idle keep-alive connections close at
 * once, and whatever is left after `graceMs` is cut. `closed` runs when the server has closed.
 */
export function shutDown(server: Server, closed: () => void, graceMs = 3000): void {
  drainPredictServer(server);
  server.close(closed);
  // Keep-alive connections would otherwise hold the process open until their clients let go.
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), graceMs).unref();
}

/**
 * On the first SIGINT or SIGTERM, `stop(signal)`; a second one means "now" and exits at once
 * (130 for SIGINT, 143 for SIGTERM, as a shell reports them).
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => void): void {
  const first = (signal: NodeJS.Signals): void => {
    process.off('SIGINT', first).off('SIGTERM', first);
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
    stop(signal);
  };
  process.on('SIGINT', first).on('SIGTERM', first);
}
