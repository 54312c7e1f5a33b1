/**
 * A plain static file server (node:http, nothing else), the kind a blog or CMS page is served from: it
 * proves the built files work without Vite. Extra in-memory routes add test pages and fixtures.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, routes: Record<string, string> = {}): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const route = routes[path];
      if (route !== undefined) {
        response.writeHead(200, { 'content-type': type }).end(route);
        return;
      }
      const file = normalize(join(base, path));
      if (!file.startsWith(base + sep)) {
        response.writeHead(403).end('Forbidden');
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': type }).end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
