import { expect, test } from 'vitest';
import {
  NOT_FOUND_PAGE,
  NOT_SAVED_PAGE,
  SAVED_CACHE_PREFIX,
  isContentHashed,
  isDownload,
  isLegacyCache,
  offlineRoute,
  precachedPath,
  savedCacheName,
  sitePath,
  unavailableAnswer,
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

test('content-hashed files are served from the precache or the saved cache first', () => {
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
    expect(offlineRoute(path), path).toBe('cache-first');
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

test('offline, an essay, a page of the list or a download the device lacks is "not saved"; any other page is "not found"', () => {
  for (const path of ['essays/on-time/', 'essays/on-time/index.html', 'essays/on-time/on-time.epub', 'page/2/']) {
    expect(unavailableAnswer(path), path).toBe('not-saved');
  }
  for (const path of ['no-such-page/', 'essay/on-time/', 'pages/2/', '']) expect(unavailableAnswer(path), path).toBe('not-found');
  expect(precachedPath(NOT_SAVED_PAGE)).toBe('offline/index.html');
});

test('the saved cache is one per scope, named the same by every build, and only the old per-build download caches are legacy', () => {
  const scope = 'https://example.org/reading/room/';
  expect(savedCacheName(scope)).toBe('essay-press-saved https://example.org/reading/room/');
  expect(savedCacheName(scope)).toBe(`${SAVED_CACHE_PREFIX}${scope}`);
  expect(savedCacheName('https://example.org/')).not.toBe(savedCacheName(scope));
  expect(isLegacyCache(`essay-press-downloads 0123456789ab ${scope}`, scope)).toBe(true);
  // Another site on the same origin, under another base path, keeps its own.
  expect(isLegacyCache('essay-press-downloads 0123456789ab https://example.org/', scope)).toBe(false);
  // Neither the saved cache nor Workbox's precache is legacy.
  expect(isLegacyCache(savedCacheName(scope), scope)).toBe(false);
  expect(isLegacyCache(`workbox-precache-v2-${scope}`, scope)).toBe(false);
});
