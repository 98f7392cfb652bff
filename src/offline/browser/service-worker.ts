/// <reference lib="webworker" />
/**
 * The service worker: after one visit the whole site opens and works with no network.
 * Bundled by the build (src/offline/write-service-worker.ts) with esbuild into `${base}sw.js`,
 * with the precache manifest put in place of `self.__WB_MANIFEST`, and the base path and
 * build id defined. Which request goes where is decided in src/offline/offline-routes.ts.
 *
 * Workbox's `precacheAndRoute` would answer every precached URL from the cache first,
 * pages included, so a reader online would keep an old page until the worker updated:
 * here the precache only installs, and the routes below decide when to read it.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precache, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import {
  NETWORK_TIMEOUT_SECONDS,
  NOT_FOUND_PAGE,
  isOutdatedRuntimeCache,
  offlineRoute,
  precachedPath,
  runtimeCacheName,
  sitePath,
  type OfflineRoute,
} from '../offline-routes.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };
/** The base path, `/` or `/sub/`: the worker's scope. */
declare const __SITE_BASE__: string;
/** Changes with every build whose files differ: names the runtime cache of this build. */
declare const __BUILD_ID__: string;

const base = __SITE_BASE__;
const scope = new URL(base, self.location.href).href;
const downloadsCache = runtimeCacheName(scope, __BUILD_ID__);

// A new build takes over at once: its pages are the site now, and the precache of the
// previous build is updated in place (unchanged files are not downloaded again).
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precache(self.__WB_MANIFEST);

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => isOutdatedRuntimeCache(name, scope, __BUILD_ID__)).map((name) => caches.delete(name))),
      ),
  );
});

/** The route of a same-origin URL inside the scope; undefined leaves the request to the browser. */
function routeOf(url: URL): OfflineRoute | undefined {
  if (url.origin !== self.location.origin) return undefined;
  const path = sitePath(url.pathname, base);
  return path === undefined ? undefined : offlineRoute(path);
}

/** The precached copy of a URL of the site (a folder URL's index.html, any query ignored). */
function precachedCopy(url: URL): Promise<Response | undefined> {
  const path = sitePath(url.pathname, base);
  return path === undefined ? Promise.resolve(undefined) : matchPrecache(new URL(precachedPath(path), scope).href);
}

/** When the network fails or times out: the precached copy, or for a page the site lacks, the 404 page. */
const fallBackToPrecache: WorkboxPlugin = {
  handlerDidError: async ({ request }) => {
    const copy = await precachedCopy(new URL(request.url));
    if (copy || request.mode !== 'navigate') return copy;
    const notFound = await matchPrecache(new URL(NOT_FOUND_PAGE, scope).href);
    return notFound && new Response(notFound.body, { status: 404, statusText: 'Not Found', headers: notFound.headers });
  },
};

registerRoute(
  ({ url }) => routeOf(url) === 'precache-first',
  async ({ url, request }) => (await precachedCopy(url)) ?? fetch(request),
);
registerRoute(
  ({ url }) => routeOf(url) === 'download',
  new NetworkFirst({ cacheName: downloadsCache, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS }),
);
registerRoute(
  ({ url }) => routeOf(url) === 'network-first',
  new NetworkOnly({ networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [fallBackToPrecache] }),
);
