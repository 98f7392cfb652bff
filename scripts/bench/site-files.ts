/** A built site's files as a static host serves them, for the browser parts of the benchmark. */
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFile } from '../lib/static-server.ts';

/** A file's size as stored, gzipped and brotli-compressed, at the levels a host that compresses ahead of time uses. */
export interface CompressedSizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * The size of `bytes` raw, gzipped (level 9) and brotli-compressed (quality 11), each never
 * above the raw size: a host sends a file as it is when compressing would not make it smaller
 * (Pagefind's index and WebAssembly are compressed already).
 */
export function compressedSizes(bytes: Uint8Array): CompressedSizes {
  const raw = bytes.byteLength;
  if (raw === 0) return { raw, gzip: 0, brotli: 0 };
  const gzip = gzipSync(bytes, { level: 9 }).byteLength;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw },
  }).byteLength;
  return { raw, gzip: Math.min(raw, gzip), brotli: Math.min(raw, brotli) };
}

export function addSizes(a: CompressedSizes, b: CompressedSizes): CompressedSizes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export const NO_BYTES: CompressedSizes = { raw: 0, gzip: 0, brotli: 0 };

/**
 * The file of `siteDir` that a URL served by scripts/lib/static-server.ts under `baseUrl` maps
 * to (`x/` is `x/index.html`, as on a static host), or undefined for another origin or a path
 * the site does not have.
 */
export function fileForUrl(siteDir: string, baseUrl: string, url: string): string | undefined {
  const base = new URL(baseUrl);
  const target = new URL(url);
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return undefined;
  return resolveFile(siteDir, decodeURIComponent(target.pathname.slice(base.pathname.length)));
}

/** The sizes of the file a URL maps to, with a cache: the same file is compressed once. */
export function sizesOfUrls(siteDir: string, baseUrl: string): (url: string) => CompressedSizes | undefined {
  const cache = new Map<string, CompressedSizes>();
  return (url) => {
    if (new URL(url).origin !== new URL(baseUrl).origin) return undefined;
    // A path the site does not have is answered with its 404 page, as the server does.
    const file = fileForUrl(siteDir, baseUrl, url) ?? fileForUrl(siteDir, baseUrl, new URL('404.html', baseUrl).href);
    if (!file) return undefined;
    let sizes = cache.get(file);
    if (!sizes) {
      sizes = compressedSizes(readFileSync(file));
      cache.set(file, sizes);
    }
    return sizes;
  };
}

/** The HTML file of a page path (`essays/a/` → `essays/a/index.html`). */
export function pageFile(siteDir: string, page: string): string {
  return join(siteDir, page, page === '' || page.endsWith('/') ? 'index.html' : '');
}
