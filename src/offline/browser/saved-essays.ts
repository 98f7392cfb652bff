/**
 * The essay pages saved on this device (in the saved cache of the site's scope), by URL
 * without fragment: what search covers with no network (src/search/browser/search-page.ts).
 */
import { isEssayPage } from '../offline-files.ts';
import { savedCacheName } from '../offline-routes.ts';

export async function savedEssays(scope: string): Promise<Set<string>> {
  if (!('caches' in self) || !(await caches.has(savedCacheName(scope)))) return new Set();
  const cache = await caches.open(savedCacheName(scope));
  return new Set(
    (await cache.keys()).map((request) => request.url).filter((url) => url.startsWith(scope) && isEssayPage(url.slice(scope.length))),
  );
}
