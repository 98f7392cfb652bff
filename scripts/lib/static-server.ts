import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { normaliseBase } from '../../src/config/options.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.epub': 'application/epub+zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The `Content-Type` a static host sends for `file`, by its extension. */
export function contentType(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin plus base path, ending in `/`, such as `http://127.0.0.1:41234/sub/`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site from `dir` on 127.0.0.1, under `base`, the way a plain static
 * host does: `/a/` serves `a/index.html`, anything else missing gets `404.html` with
 * status 404. Nothing outside `base` is served, so a link that forgets the base fails.
 * `headers` are added to every response, as a host's configuration would (a CSP, say):
 * the same for every path, or per path (the rules of the site's `_headers`).
 * `port` 0, the default, takes any free port; a test that serves a site again on the
 * origin it had (a service worker is bound to its origin) passes the port it was given.
 */
export async function serveDirectory(
  dir: string,
  base: string | undefined = '/',
  headers: Record<string, string> | ((pathname: string) => Record<string, string>) = {},
  { port = 0 }: { port?: number } = {},
): Promise<StaticServer> {
  // Read the way the build reads BASE_PATH: `reading`, `/reading` and `/reading/` are one path.
  const prefix = normaliseBase(base);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = pathname.startsWith(prefix) ? resolveFile(dir, pathname.slice(prefix.length)) : undefined;
    const status = file ? 200 : 404;
    const sent = typeof headers === 'function' ? headers(pathname) : headers;
    const body = file ?? resolveFile(dir, '404.html');
    if (!body) {
      response.writeHead(404, { ...sent, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(status, { ...sent, 'content-type': contentType(body) });
    if (request.method === 'HEAD') response.end();
    else createReadStream(body).pipe(response);
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', resolveListen);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The static server has no port.');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        // A browser may hold keep-alive connections open; the server should not wait for them.
        server.closeAllConnections();
      }),
  };
}

/** The file a request path maps to inside `dir`, or undefined. Never escapes `dir`. */
export function resolveFile(dir: string, relativePath: string): string | undefined {
  const candidate = normalize(join(dir, relativePath));
  if (candidate !== dir && !candidate.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // not there: try the next candidate
    }
  }
  return undefined;
}
