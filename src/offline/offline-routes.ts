/**
 * How the service worker answers each request for a file of the site (issue 7): the rules
 * are here, pure and tested (tests/lib/offline-routes.test.ts); src/offline/browser/service-worker.ts
 * only wires them to Workbox, and src/offline/write-service-worker.ts uses them to choose what
 * to precache.
 *
 * Paths are relative to the site's base path, as in the precache manifest: `''` is the
 * home page, `essays/on-time/` an essay, `_astro/x.Ab12.css` a stylesheet.
 */
import { DOWNLOAD_FORMATS, downloadFileName } from './downloads.ts';

/**
 * - `precache-first`: a content-hashed file, whose name changes when its content does:
 *   served from the precache, from the network only when it is not there.
 * - `network-first`: a file that keeps its name from one build to the next (pages, the
 *   search entry and code, the manifest, icons): from the network, so a reader online
 *   never sees a stale copy; the precached copy when the network fails or is slow.
 * - `download`: an essay's EPUB or single-file HTML, a copy of its page: never precached,
 *   fetched from the network and kept in a runtime cache once a reader has fetched it.
 */
export type OfflineRoute = 'precache-first' | 'network-first' | 'download';

/** The service worker's file, beside the home page: `${base}sw.js`, its scope `${base}`. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** What a reader offline is shown for a page the site does not have, with status 404. */
export const NOT_FOUND_PAGE = '404.html';

/**
 * How long a network-first request waits for the network before it answers from the
 * precache: long enough for a slow connection, short enough not to leave a reader on a
 * train staring at a blank page.
 */
export const NETWORK_TIMEOUT_SECONDS = 3;

/**
 * Content-hashed files: Astro's bundles and images (`_astro/`), and Pagefind's index
 * chunks, fragments, filters and metadata, in the index of each language
 * (`pagefind/en/index/…`). Their revision is their name, so the precache needs no other.
 */
export const CONTENT_HASHED_PATH = /^(?:_astro\/|pagefind\/(?:[^/]+\/)?(?:index|fragment|filter)\/)|^pagefind\/(?:[^/]+\/)?[^/]+\.pf_meta$/;

/**
 * The path inside the site of a URL's pathname, or undefined when it is outside the base.
 *
 * @example sitePath('/sub/essays/a/', '/sub/') // 'essays/a/'
 */
export function sitePath(pathname: string, base: string): string | undefined {
  return pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
}

/** Whether a path is an essay's download, `essays/<slug>/<slug>.epub` or `.html`. */
export function isDownload(path: string): boolean {
  const match = /^essays\/([^/]+)\/([^/]+)$/.exec(path);
  if (!match) return false;
  const [, slug = '', name] = match;
  return DOWNLOAD_FORMATS.some((format) => name === downloadFileName(slug, format));
}

/** Whether a path names a content-hashed file (see `CONTENT_HASHED_PATH`). */
export function isContentHashed(path: string): boolean {
  return CONTENT_HASHED_PATH.test(path);
}

/** How the service worker answers a request for `path` (see `OfflineRoute`). */
export function offlineRoute(path: string): OfflineRoute {
  if (isDownload(path)) return 'download';
  if (isContentHashed(path)) return 'precache-first';
  return 'network-first';
}

/**
 * The precache entry that holds the file at `path`: a folder URL is its `index.html`.
 * Paths come from a URL's pathname, so a query string (`pagefind-entry.json?ts=…`,
 * `search/?q=…`) never reaches here and never stands in the way of the precached copy.
 *
 * @example precachedPath('essays/a/') // 'essays/a/index.html'
 */
export function precachedPath(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

const RUNTIME_CACHE_PREFIX = 'essay-press-downloads';

/**
 * The runtime cache that keeps the downloads a reader fetched, one per build and per
 * scope: sites under different base paths of one origin share its cache storage.
 */
export function runtimeCacheName(scope: string, buildId: string): string {
  return `${RUNTIME_CACHE_PREFIX} ${buildId} ${scope}`;
}

/** Whether `name` is a runtime cache of this scope left by another build, to be deleted. */
export function isOutdatedRuntimeCache(name: string, scope: string, buildId: string): boolean {
  const [prefix, id, ...rest] = name.split(' ');
  return prefix === RUNTIME_CACHE_PREFIX && rest.join(' ') === scope && id !== buildId;
}
