/**
 * Which files of a built site a reader's device keeps, and when (issue 20, "the reader's
 * cost"). Pure, tested in tests/offline/offline-files.test.ts; the build
 * (src/offline/write-service-worker.ts) sorts the site's files with it, and the service
 * worker (src/offline/browser/service-worker.ts) reads the list it writes.
 *
 * - `shell`: precached on the first visit, at any site size: the home page, the search
 *   page and its index's code and metadata, the 404 and "not saved" pages, the styles and
 *   scripts, the manifest and favicon. Each file of it is small and its number does not
 *   grow with the number of essays; only Pagefind's metadata grows, by about 6 bytes gzipped
 *   an essay (docs/benchmarks.md: the first visit passes 150 KB near 4,000 essays).
 * - `site`: everything else a reader can open: essay pages and their images, the further
 *   pages of the list, the search index's chunks and fragments, the icons. Kept when a reader
 *   opens them (runtime caching), or all at once when the reader asks to save the site.
 * - `download`: an essay's EPUB and single-file HTML: kept when fetched, or with the whole
 *   site when the reader asks for them too.
 * - `none`: never kept: the service worker itself, the list, host and crawler files, the
 *   social cards (fetched by link previews, not readers).
 *
 * Paths are relative to the base path, as files of the built site: `index.html`,
 * `essays/on-time/index.html`, `_astro/x.Ab12.css`.
 */
import { isDownload, NOT_FOUND_PAGE, NOT_SAVED_PAGE, SERVICE_WORKER_FILE, precachedPath } from './offline-routes.ts';

export type FileGroup = 'shell' | 'site' | 'download' | 'none';

/** The list of the whole site, with sizes, written beside sw.js for the "save for offline" control. */
export const SITE_LIST_FILE = 'offline-site.json';

/** The pages of the shell: the few every reader needs, whose size does not grow with the site's. */
const SHELL_PAGES = new Set(['index.html', NOT_FOUND_PAGE, precachedPath(NOT_SAVED_PAGE), 'search/index.html']);

/** Code and metadata of Pagefind that search needs before it fetches any chunk (each language's folder). */
const SEARCH_SHELL = /^pagefind\/(?:[^/]+\/)?(?:pagefind\.js|pagefind-entry\.json|wasm\.[^/]+\.pagefind|[^/]+\.pf_meta)$/;

/** Files no reader opens: host and crawler files, the feed (a copy of the newest essays), the cards. */
const NEVER_KEPT = /^(?:sw\.js|offline-site\.json|_headers|\.nojekyll|robots\.txt|feed\.xml|sitemap[^/]*\.xml|cards\/.*)$/;

/** Which group a file of the built site belongs to (see the module's comment). */
export function fileGroup(file: string): FileGroup {
  if (file === SERVICE_WORKER_FILE || file === SITE_LIST_FILE || NEVER_KEPT.test(file)) return 'none';
  if (isDownload(file)) return 'download';
  if (SHELL_PAGES.has(file) || SEARCH_SHELL.test(file)) return 'shell';
  if (file === 'manifest.webmanifest' || file === 'favicon.svg') return 'shell';
  // Astro's bundled styles and scripts; its images are essays' images, kept with the essays.
  if (/^_astro\/[^/]+\.(?:css|js)$/.test(file)) return 'shell';
  return 'site';
}

/** The URL path (relative to the base) that a file is fetched at: a folder's `index.html` is the folder. */
export function urlOfFile(file: string): string {
  return file === 'index.html' ? '' : file.replace(/\/index\.html$/, '/');
}

/** One file of the whole-site list: its URL path, a revision that changes with its content, its size in bytes. */
export interface SiteFile {
  url: string;
  revision: string;
  bytes: number;
}

/** What `offline-site.json` holds: the files of the `site` and `download` groups, and their totals. */
export interface SiteList {
  /** How many essays the site has. */
  essays: number;
  site: SiteFile[];
  downloads: SiteFile[];
  /** Bytes of `site` (as stored; a host that compresses sends fewer). */
  siteBytes: number;
  downloadBytes: number;
}

/** The whole-site list of a site's files (each with its revision and size), sorted by URL. */
export function siteList(files: ReadonlyArray<{ file: string; revision: string; bytes: number }>): SiteList {
  const entries = (group: FileGroup) =>
    files
      .filter(({ file }) => fileGroup(file) === group)
      .map(({ file, revision, bytes }) => ({ url: urlOfFile(file), revision, bytes }))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const site = entries('site');
  const downloads = entries('download');
  const sum = (list: readonly SiteFile[]) => list.reduce((total, file) => total + file.bytes, 0);
  return {
    essays: site.filter((file) => isEssayPage(file.url)).length,
    site,
    downloads,
    siteBytes: sum(site),
    downloadBytes: sum(downloads),
  };
}

/** Whether a URL path is an essay's page, `essays/<slug>/`. */
export function isEssayPage(path: string): boolean {
  return /^essays\/[^/]+\/$/.test(path);
}

/**
 * Whether a file a reader fetched while online is kept for reading offline: the pages and
 * images of the site, and the search index's chunks. With Save-Data on, or on a mobile
 * connection, these are still kept: they cost nothing more, as the reader already fetched them.
 */
export function keptWhenFetched(path: string): boolean {
  const group = fileGroup(precachedPath(path));
  return group === 'site' || group === 'download';
}

/** What a connection tells of its cost: `navigator.connection`, where a browser has it. */
export interface ConnectionCost {
  saveData?: boolean | undefined;
  type?: string | undefined;
}

/**
 * Whether the service worker may download files the reader did not open (refreshing a saved
 * copy after a new build): never with Save-Data on (the header or the setting), nor on a
 * mobile connection, which may be metered. The saved copy stays readable, and each page is
 * brought up to date when the reader opens it.
 */
export function mayDownloadUnasked(connection: ConnectionCost | undefined, saveDataHeader: string | null): boolean {
  if (saveDataHeader?.trim().toLowerCase() === 'on') return false;
  return !connection?.saveData && connection?.type !== 'cellular';
}

/**
 * The files of `next` to fetch to bring a saved copy of `saved` up to date: those new or
 * changed since. `downloads` says whether the reader kept the downloads too.
 */
export function filesToRefresh(saved: ReadonlyMap<string, string>, next: SiteList, downloads: boolean): SiteFile[] {
  return [...next.site, ...(downloads ? next.downloads : [])].filter((file) => saved.get(file.url) !== file.revision);
}

/** The URLs of a saved copy that a new list no longer has: essays taken down, images replaced. */
export function filesToDrop(saved: ReadonlyMap<string, string>, next: SiteList): string[] {
  const kept = new Set([...next.site, ...next.downloads].map((file) => file.url));
  return [...saved.keys()].filter((url) => !kept.has(url));
}
