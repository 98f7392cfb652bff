/**
 * How the service worker answers each request for a file of the site (issue 7): the rules
 * are here, pure and tested (tests/offline/offline-routes.test.ts); src/offline/browser/service-worker.ts
 * only wires them to Workbox. Which files are precached, and which kept later, is decided in
 * src/offline/offline-files.ts (issue 20).
 *
 * Paths are relative to the site's base path, as in the precache manifest: `''` is the
 * home page, `essays/on-time/` an essay, `_astro/x.Ab12.css` a stylesheet.
 */
import { DOWNLOAD_FORMATS, downloadFileName } from './downloads.ts';

/**
 * - `cache-first`: a content-hashed file, whose name changes when its content does:
 *   served from the precache or the saved cache, from the network only when it is in
 *   neither (and then kept, if it is an essay's image or a chunk of the search index).
 * - `network-first`: a file that keeps its name from one build to the next (pages, the
 *   search entry and code, the manifest, icons): from the network, so a reader online
 *   never sees a stale copy (a page fetched is kept, fresh); the precached or saved copy
 *   when the network fails or is slow.
 * - `download`: an essay's EPUB or single-file HTML, a copy of its page: never precached,
 *   fetched from the network and kept once a reader has fetched it; offline and not kept,
 *   a page that says so.
 */
export type OfflineRoute = 'cache-first' | 'network-first' | 'download';

/**
 * The query parameter of a request the service worker leaves to the network, never answering
 * it from a cache: how a page asks whether the site can be reached (the search page, offline).
 */
export const NETWORK_CHECK = 'network-check';

/** The service worker's file, beside the home page: `${base}sw.js`, its scope `${base}`. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** What a reader offline is shown for a page the site does not have, with status 404. */
export const NOT_FOUND_PAGE = '404.html';

/**
 * What a reader offline is shown, with status 503, for an essay, a page of the list or a
 * download that is not saved on the device: a page that says so and lists what is saved.
 */
export const NOT_SAVED_PAGE = 'offline/';

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
  if (isContentHashed(path)) return 'cache-first';
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

/**
 * Whether a reader offline asking for `path`, which is not saved, is told it is not saved
 * (an essay, a page of the list, a download: the site has them, the device does not) or
 * that the site has no such page.
 */
export function unavailableAnswer(path: string): 'not-saved' | 'not-found' {
  return /^(?:essays|page)\//.test(path) ? 'not-saved' : 'not-found';
}

/** The saved cache's name before its scope (the home page's script is handed it, rather than loading this module). */
export const SAVED_CACHE_PREFIX = 'essay-press-saved ';

/**
 * The cache of what the reader keeps, one per scope (sites under different base paths of
 * one origin share its cache storage): the pages and images they opened, the downloads they
 * fetched, the whole site when they saved it. It outlives builds: a new build refreshes
 * what is in it, and only the reader empties it.
 */
export function savedCacheName(scope: string): string {
  return `${SAVED_CACHE_PREFIX}${scope}`;
}

/** The key, in the saved cache, of the record of a whole-site save (which files, which revisions). */
export const SAVED_SITE_RECORD = 'offline-saved.json';

/** The cache a build before issue 20 kept fetched downloads in, one per build: deleted on activation. */
export function isLegacyCache(name: string, scope: string): boolean {
  const [prefix, , ...rest] = name.split(' ');
  return prefix === 'essay-press-downloads' && rest.join(' ') === scope;
}
