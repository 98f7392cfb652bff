import { expect, test } from 'vitest';
import {
  NOT_FOUND_PAGE,
  isContentHashed,
  isDownload,
  isOutdatedRuntimeCache,
  offlineRoute,
  precachedPath,
  runtimeCacheName,
  sitePath,
} from '../../src/offline/offline-routes.ts';

test('a path is read relative to the base, and a URL outside the base has none', () => {
  expect(sitePath('/', '/')).toBe('');
  expect(sitePath('/essays/a/', '/')).toBe('essays/a/');
  expect(sitePath('/reading/room/essays/a/', '/reading/room/')).toBe('essays/a/');
  expect(sitePath('/reading/room/', '/reading/room/')).toBe('');
  expect(sitePath('/essays/a/', '/reading/room/')).toBeUndefined();
  expect(sitePath('/reading/', '/reading/room/')).toBeUndefined();
});

test('pages, and every file that keeps its name from one build to the next, are network first', () => {
  for (const path of [
    '',
    'essays/on-time/',
    'essays/on-time/index.html',
    'search/',
    '404.html',
    'no-such-page/',
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind-worker.js',
    'pagefind/wasm.en.pagefind',
    'pagefind/wasm.unknown.pagefind',
    'pagefind/de/pagefind.js',
    'pagefind/de/pagefind-entry.json',
    'pagefind/de/wasm.de.pagefind',
    'manifest.webmanifest',
    'icons/icon-192.png',
    'favicon.svg',
  ]) {
    expect(offlineRoute(path), path).toBe('network-first');
  }
});

test('content-hashed files are served from the precache first', () => {
  for (const path of [
    '_astro/BaseLayout.DCs9dXB9.css',
    '_astro/WebAppHead.BuxgEkZz.js',
    '_astro/photo.Ab12Cd.webp',
    'pagefind/index/en_b6a8fc8.pf_index',
    'pagefind/fragment/en_4b62466.pf_fragment',
    'pagefind/filter/en_1a2b3c4.pf_filter',
    'pagefind/pagefind.en_89462a7eb5.pf_meta',
    // The index of one language, in its own folder.
    'pagefind/de/index/de_8bad66c.pf_index',
    'pagefind/de/fragment/de_7fd3abf.pf_fragment',
    'pagefind/de/pagefind.de_375369e544.pf_meta',
  ]) {
    expect(isContentHashed(path), path).toBe(true);
    expect(offlineRoute(path), path).toBe('precache-first');
  }
  // A folder named like Astro's, deeper in the site, is not Astro's.
  expect(isContentHashed('essays/_astro/index.html')).toBe(false);
  expect(isContentHashed('pagefind/pagefind-entry.json')).toBe(false);
  expect(isContentHashed('pagefind/de/pagefind-entry.json')).toBe(false);
  expect(isContentHashed('pagefind/de/pagefind.js')).toBe(false);
  expect(isContentHashed('pagefind/de/wasm.de.pagefind')).toBe(false);
});

test("an essay's EPUB and single-file HTML are downloads, and nothing else is", () => {
  expect(isDownload('essays/on-time/on-time.epub')).toBe(true);
  expect(isDownload('essays/on-time/on-time.html')).toBe(true);
  expect(offlineRoute('essays/on-time/on-time.epub')).toBe('download');
  expect(isDownload('essays/on-time/index.html')).toBe(false);
  expect(isDownload('essays/on-time/other.epub')).toBe(false);
  expect(isDownload('essays/on-time/on-time.pdf')).toBe(false);
  expect(isDownload('on-time/on-time.epub')).toBe(false);
  expect(isDownload('essays/a/b/b.epub')).toBe(false);
});

test('a folder URL is found in the precache as its index.html', () => {
  expect(precachedPath('')).toBe('index.html');
  expect(precachedPath('essays/a/')).toBe('essays/a/index.html');
  expect(precachedPath('search/')).toBe('search/index.html');
  expect(precachedPath('pagefind/pagefind-entry.json')).toBe('pagefind/pagefind-entry.json');
  expect(precachedPath(NOT_FOUND_PAGE)).toBe('404.html');
});

test('only runtime caches of the same scope from another build are outdated', () => {
  const scope = 'https://example.org/reading/room/';
  const current = runtimeCacheName(scope, 'new000000000');
  expect(isOutdatedRuntimeCache(current, scope, 'new000000000')).toBe(false);
  expect(isOutdatedRuntimeCache(runtimeCacheName(scope, 'old000000000'), scope, 'new000000000')).toBe(true);
  // Another site on the same origin, under another base path, keeps its cache.
  expect(isOutdatedRuntimeCache(runtimeCacheName('https://example.org/', 'old000000000'), scope, 'new000000000')).toBe(false);
  // Workbox's precache is not a runtime cache of ours.
  expect(isOutdatedRuntimeCache(`workbox-precache-v2-${scope}`, scope, 'new000000000')).toBe(false);
});
