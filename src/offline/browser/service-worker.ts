/// <reference lib="webworker" />
/**
 * The service worker (issues 7 and 20). A first visit precaches the shell only (the home,
 * search, 404 and "not saved" pages, styles, scripts, the search index's code and metadata),
 * whatever the size of the site; each page and image the reader opens is kept as it is
 * fetched; the whole site is saved only when the reader asks (a message from the home page's
 * control, src/offline/browser/offline-control.ts). Which file is which is decided in
 * src/offline/offline-files.ts, how each request is answered in src/offline/offline-routes.ts.
 *
 * Two caches: Workbox's precache of the shell, versioned by revision and updated in place by
 * each build; and the saved cache (`savedCacheName`), what the reader keeps, which no build
 * deletes. Pages are network first, so a reader online always reads the newest build, and
 * each page fetched refreshes its saved copy; after a new build, a saved whole site is
 * brought up to date in the background (unless the connection may cost: see
 * `mayDownloadUnasked`), and stays readable offline meanwhile.
 *
 * Bundled by the build (src/offline/write-service-worker.ts) with esbuild into `${base}sw.js`,
 * with the shell's precache manifest put in place of `self.__WB_MANIFEST`, and the base path
 * and build id defined.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precache, type PrecacheEntry } from 'workbox-precaching';
import {
  NETWORK_CHECK,
  NETWORK_TIMEOUT_SECONDS,
  NOT_FOUND_PAGE,
  NOT_SAVED_PAGE,
  SAVED_SITE_RECORD,
  isLegacyCache,
  offlineRoute,
  precachedPath,
  savedCacheName,
  sitePath,
  unavailableAnswer,
} from '../offline-routes.ts';
import {
  SITE_LIST_FILE,
  filesToDrop,
  filesToRefresh,
  keptWhenFetched,
  mayDownloadUnasked,
  urlOfFile,
  type ConnectionCost,
  type SiteList,
} from '../offline-files.ts';
import type { RemoveMessage, SaveMessage, SaveReport, SavedSiteRecord } from './offline-messages.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
  navigator: WorkerNavigator & { connection?: ConnectionCost };
};
/** The base path, `/` or `/sub/`: the worker's scope. */
declare const __SITE_BASE__: string;
/** Changes with every build whose files differ: a saved whole site older than it is refreshed. */
declare const __BUILD_ID__: string;

const base = __SITE_BASE__;
const scope = new URL(base, self.location.href).href;
const savedCache = savedCacheName(scope);

// A new build takes over at once: its pages are the site now, and the precache of the
// previous build is updated in place (unchanged files are not downloaded again).
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precache(self.__WB_MANIFEST);

self.addEventListener('activate', (event) => {
  // Builds before issue 20 kept fetched downloads in a cache of their own, per build.
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => isLegacyCache(name, scope)).map((name) => caches.delete(name)))),
  );
  // The page a reader opened first was fetched before this worker was there to keep it: it
  // is the essay they are reading, so it is kept now (one page, the only one fetched twice).
  event.waitUntil(keepOpenPages().catch(noop));
  // A saved whole site of an older build is brought up to date now, not in the activation,
  // which would hold up the reader's pages: each navigation also keeps the worker alive for it.
  if (mayDownloadUnasked(self.navigator.connection, null)) void refreshSavedSite();
});

async function keepOpenPages(): Promise<void> {
  const cache = await caches.open(savedCache);
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const path = sitePath(new URL(client.url).pathname, base);
    if (path === undefined || !keptWhenFetched(path) || (await cache.match(savedKey(path)))) continue;
    await keep(path, await fetch(new URL(path, scope).href));
  }
}

/** The URL a file of the site is kept under in the saved cache: a page by its folder, no query. */
const savedKey = (path: string) => new URL(urlOfFile(precachedPath(path)), scope).href;

/** The copy of a file of the site this device has: precached (the shell), or saved. */
async function keptCopy(path: string): Promise<Response | undefined> {
  return (await matchPrecache(new URL(precachedPath(path), scope).href)) ?? (await (await caches.open(savedCache)).match(savedKey(path)));
}

/**
 * The fetches of files to keep, and the keeping, under way: emptying the saved cache waits for
 * them, or a copy fetched before the reader pressed "Remove" would fill it again just after.
 */
const keeping = new Set<Promise<unknown>>();
function tracked<T>(work: Promise<T>): Promise<T> {
  keeping.add(work);
  const done = () => keeping.delete(work);
  work.then(done, done);
  return work;
}

/** Keeps a file the reader fetched, when it is one that is kept (a page, an image, a chunk of the index). */
function keep(path: string, response: Response): Promise<void> {
  if (!keptWhenFetched(path) || !response.ok || response.redirected || response.type !== 'basic') return Promise.resolve();
  return tracked(caches.open(savedCache).then((cache) => cache.put(savedKey(path), response)));
}

/** Empties the saved cache once the save and every keeping under way have ended. */
async function removeSaved(): Promise<void> {
  await saving?.catch(noop);
  while (keeping.size > 0) await Promise.allSettled([...keeping]);
  await caches.delete(savedCache);
}

/** What a reader offline gets for what this device does not have: "not saved" (503) or "not found" (404). */
async function unavailable(request: Request, path: string): Promise<Response> {
  const notSaved = offlineRoute(path) === 'download' || unavailableAnswer(path) === 'not-saved';
  if (request.mode !== 'navigate' && !notSaved) return Response.error();
  const page = await matchPrecache(new URL(precachedPath(notSaved ? NOT_SAVED_PAGE : NOT_FOUND_PAGE), scope).href);
  if (!page) return Response.error();
  const headers = new Headers(page.headers);
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(
    page.body,
    notSaved ? { status: 503, statusText: 'Not Saved', headers } : { status: 404, statusText: 'Not Found', headers },
  );
}

/** From the network, kept; the kept copy when the network fails, or is slower than NETWORK_TIMEOUT_SECONDS. */
async function networkFirst(event: FetchEvent, path: string): Promise<Response> {
  const network = fetch(event.request).then((response) => {
    if (keptWhenFetched(path)) event.waitUntil(keep(path, response.clone()));
    return response;
  });
  if (keptWhenFetched(path)) tracked(network.catch(noop));
  event.waitUntil(network.then(noop, noop));
  const slow = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), NETWORK_TIMEOUT_SECONDS * 1000));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== 'slow') return first;
    return (await keptCopy(path)) ?? (await network);
  } catch {
    return (await keptCopy(path)) ?? (await unavailable(event.request, path));
  }
}

/** A content-hashed file: the kept copy, else the network (and kept). */
async function cacheFirst(event: FetchEvent, path: string): Promise<Response> {
  const copy = await keptCopy(path);
  if (copy) return copy;
  const response = await tracked(fetch(event.request));
  event.waitUntil(keep(path, response.clone()));
  return response;
}

const noop = () => undefined;

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.searchParams.has(NETWORK_CHECK)) return;
  const path = sitePath(url.pathname, base);
  if (path === undefined) return;
  const route = offlineRoute(path);
  event.respondWith(route === 'cache-first' ? cacheFirst(event, path) : networkFirst(event, path));
  // A reader online with a saved copy of an older build: it is brought up to date, in the
  // background, unless the connection may cost them.
  if (event.request.mode === 'navigate' && mayDownloadUnasked(self.navigator.connection, event.request.headers.get('save-data'))) {
    event.waitUntil(refreshSavedSite());
  }
});

async function readRecord(): Promise<SavedSiteRecord | undefined> {
  const response = await (await caches.open(savedCache)).match(new URL(SAVED_SITE_RECORD, scope).href);
  return response ? ((await response.json()) as SavedSiteRecord) : undefined;
}

async function writeRecord(record: SavedSiteRecord): Promise<void> {
  const response = new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } });
  await (await caches.open(savedCache)).put(new URL(SAVED_SITE_RECORD, scope).href, response);
}

let saving: Promise<void> | undefined;

/** Saves the whole site (with the downloads, or not), fetching only what is new or changed since the last save. */
async function saveSite(downloads: boolean, report: (message: SaveReport) => void): Promise<void> {
  const run = async () => {
    const response = await fetch(new URL(SITE_LIST_FILE, scope).href, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${SITE_LIST_FILE}: ${response.status}`);
    const list = (await response.json()) as SiteList;
    const previous = await readRecord();
    // Files saved by an earlier save, and not changed since, are not fetched again.
    const savedFiles = new Map(Object.entries(previous?.files ?? {}));
    const cache = await caches.open(savedCache);
    for (const url of filesToDrop(savedFiles, list)) {
      await cache.delete(savedKey(url));
      savedFiles.delete(url);
    }
    const todo = filesToRefresh(savedFiles, list, downloads);
    const bytes = todo.reduce((sum, file) => sum + file.bytes, 0);
    report({ type: 'start', files: todo.length, bytes, essays: list.essays });
    let done = 0;
    let doneBytes = 0;
    const record = (): SavedSiteRecord => ({ build: __BUILD_ID__, downloads, essays: list.essays, files: Object.fromEntries(savedFiles) });
    const queue = [...todo];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const fetched = await fetch(new URL(file.url, scope).href, { cache: 'no-cache' });
        if (!fetched.ok) throw new Error(`${file.url}: ${fetched.status}`);
        await cache.put(savedKey(file.url), fetched);
        savedFiles.set(file.url, file.revision);
        done += 1;
        // Now and then, what is saved so far is recorded: a worker stopped midway goes on from there.
        if (done % 50 === 0) await writeRecord({ ...record(), build: '' });
        doneBytes += file.bytes;
        report({ type: 'progress', done, files: todo.length, bytes: doneBytes, total: bytes });
      }
    };
    try {
      // A few at a time: as fast as one would be on a slow connection, without crowding out the reader's own requests.
      await Promise.all(Array.from({ length: 4 }, worker));
    } finally {
      // What was saved stays saved, and a later save goes on from there.
      await writeRecord({ ...record(), build: done === todo.length ? __BUILD_ID__ : '' });
    }
    report({ type: 'done', essays: list.essays });
  };
  // One save at a time: a reader's save waits for a refresh under way, then fetches what is left.
  const next = (saving ?? Promise.resolve()).catch(noop).then(run);
  const tracked: Promise<void> = next.finally(() => {
    if (saving === tracked) saving = undefined;
  });
  tracked.catch(noop);
  saving = tracked;
  return next;
}

/** After a new build, a saved whole site is brought up to date; the saved copy stays readable meanwhile. */
async function refreshSavedSite(): Promise<void> {
  if (saving) return;
  const record = await readRecord();
  if (!record || record.build === __BUILD_ID__) return;
  await saveSite(record.downloads, noop).catch(noop);
}

self.addEventListener('message', (event) => {
  const message = event.data as SaveMessage | RemoveMessage | undefined;
  const port = event.ports[0];
  if (!port) return;
  if (message?.type === 'remove') {
    event.waitUntil(removeSaved().finally(() => port.postMessage({ type: 'removed' })));
    return;
  }
  if (message?.type !== 'save') return;
  const report = (reply: SaveReport) => port.postMessage(reply);
  event.waitUntil(saveSite(message.downloads, report).catch((error: unknown) => report({ type: 'failed', reason: String(error) })));
});
