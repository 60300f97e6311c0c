/**
 * A small static server for the chat references panel (the demo page and the browser tests):
 * node:http only, read-only, bound to localhost, serving a few folders of the repository.
 * Run directly (`npm run demo:panel`) it prints the demo URL and serves until stopped.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR } from './bundle-facts.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** URL prefixes the server answers, mapped to folders of the repository. */
const MOUNTS: Record<string, string> = {
  '/examples/': 'examples/',
  '/dist/browser/': `${BUNDLE_DIR}/`,
  '/fixtures/seeds/': 'fixtures/seeds/',
  '/test/browser/pages/': 'test/browser/pages/',
  '/vendor/dagre/': 'node_modules/@dagrejs/dagre/dist/',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
export const DEMO_PATH = '/examples/chat-references-panel/';

/** The file a URL path names, or undefined when it is outside the mounts or escapes them. */
function fileFor(urlPath: string): string | undefined {
  for (const [prefix, dir] of Object.entries(MOUNTS)) {
    if (!urlPath.startsWith(prefix)) continue;
    const base = resolve(ROOT, dir) + sep;
    let file: string;
    try {
      file = normalize(join(base, decodeURIComponent(urlPath.slice(prefix.length))));
    } catch {
      return undefined; // a malformed %-escape
    }
    if (!file.startsWith(base)) return undefined;
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      return statSync(file).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Starts the server on 127.0.0.1 (port 0 picks a free one). Resolves to its origin and a close function. */
export interface PanelServer {
  origin: string;
  close(): Promise<void>;
}

export function startPanelServer({ port = 0 } = {}): Promise<PanelServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      res.writeHead(302, { location: DEMO_PATH }).end();
      return;
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(path) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise<PanelServer>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolvePromise({ origin: `http://127.0.0.1:${bound}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5178);
  const { origin } = await startPanelServer({ port });
  console.log(`Chat references panel demo: ${origin}${DEMO_PATH}  (Ctrl-C to stop)`);
}
