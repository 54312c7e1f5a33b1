/**
 * Starting and stopping the HTTP server from the command line: listen errors become one clear
 * message, and SIGINT/SIGTERM close the server so the process ends with code 0.
 */
import type { Server } from 'node:http';
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

/** On SIGINT or SIGTERM: stop accepting, let requests in flight finish (briefly), and exit with code 0. */
export function stopOnSignals(server: Server, log: (line: string) => void, graceMs = 3000): void {
  const stop = (signal: NodeJS.Signals): void => {
    log(`${signal} received, shutting down.`);
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
