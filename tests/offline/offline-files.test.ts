import { expect, test } from 'vitest';
import {
  fileGroup,
  filesToDrop,
  filesToRefresh,
  isEssayPage,
  keptWhenFetched,
  mayDownloadUnasked,
  siteList,
  urlOfFile,
} from '../../src/offline/offline-files.ts';

test('the shell is the few pages and files every reader needs, none of which grows with the number of essays', () => {
  for (const file of [
    'index.html',
    '404.html',
    'offline/index.html',
    'search/index.html',
    'manifest.webmanifest',
    'favicon.svg',
    '_astro/BaseLayout.DCs9dXB9.css',
    '_astro/offline-control.D_eclDeB.js',
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
    'pagefind/wasm.en.pagefind',
    'pagefind/pagefind.en_89462a7eb5.pf_meta',
    'pagefind/de/pagefind.js',
    'pagefind/de/wasm.de.pagefind',
    'pagefind/de/pagefind.de_375369e544.pf_meta',
  ]) {
    expect(fileGroup(file), file).toBe('shell');
  }
});

test('essay pages and images, further pages of the list, the index chunks and fragments and the icons are the rest of the site', () => {
  for (const file of [
    'essays/on-time/index.html',
    '_astro/photo.Ab12Cd.webp',
    '_astro/figure.Ab12Cd.png',
    'page/2/index.html',
    'accessibility/index.html',
    'pagefind/index/en_b6a8fc8.pf_index',
    'pagefind/fragment/en_4b62466.pf_fragment',
    'pagefind/de/filter/de_1a2b3c4.pf_filter',
    'icons/icon-512.png',
  ]) {
    expect(fileGroup(file), file).toBe('site');
  }
  expect(fileGroup('essays/on-time/on-time.epub')).toBe('download');
  expect(fileGroup('essays/on-time/on-time.html')).toBe('download');
});

test('the worker, its list, the host and crawler files, the feed and the social cards are never kept', () => {
  for (const file of [
    'sw.js',
    'offline-site.json',
    '_headers',
    '.nojekyll',
    'robots.txt',
    'feed.xml',
    'sitemap-index.xml',
    'sitemap-0.xml',
    'cards/on-time.png',
  ]) {
    expect(fileGroup(file), file).toBe('none');
  }
});

test('pages are listed by their folder URL, as a reader fetches them', () => {
  expect(urlOfFile('index.html')).toBe('');
  expect(urlOfFile('essays/a/index.html')).toBe('essays/a/');
  expect(urlOfFile('essays/a/a.epub')).toBe('essays/a/a.epub');
  expect(urlOfFile('_astro/x.css')).toBe('_astro/x.css');
  expect(isEssayPage('essays/a/')).toBe(true);
  expect(isEssayPage('essays/a/a.html')).toBe(false);
  expect(isEssayPage('essays/')).toBe(false);
});

const FILES = [
  { file: 'index.html', revision: 'r1', bytes: 2_000 },
  { file: 'essays/a/index.html', revision: 'a1', bytes: 30_000 },
  { file: 'essays/b/index.html', revision: 'b1', bytes: 40_000 },
  { file: 'essays/a/a.epub', revision: 'ae', bytes: 100_000 },
  { file: 'essays/b/b.html', revision: 'bh', bytes: 50_000 },
  { file: '_astro/photo.Ab12.webp', revision: '_astro/photo.Ab12.webp', bytes: 7_000 },
  { file: 'pagefind/fragment/en_1.pf_fragment', revision: 'pagefind/fragment/en_1.pf_fragment', bytes: 500 },
  { file: 'cards/a.png', revision: 'c', bytes: 9_000 },
  { file: 'sw.js', revision: 's', bytes: 9_000 },
];

test('the whole-site list holds the rest of the site and the downloads apart, with their sizes and totals', () => {
  const list = siteList(FILES);
  expect(list.essays).toBe(2);
  expect(list.site.map((file) => file.url)).toEqual([
    '_astro/photo.Ab12.webp',
    'essays/a/',
    'essays/b/',
    'pagefind/fragment/en_1.pf_fragment',
  ]);
  expect(list.downloads.map((file) => file.url)).toEqual(['essays/a/a.epub', 'essays/b/b.html']);
  expect(list.siteBytes).toBe(7_000 + 30_000 + 40_000 + 500);
  expect(list.downloadBytes).toBe(150_000);
  expect(list.site.find((file) => file.url === 'essays/a/')).toEqual({ url: 'essays/a/', revision: 'a1', bytes: 30_000 });
});

test('a saved copy is refreshed with what changed or is new, downloads only if kept, and loses what the site no longer has', () => {
  const saved = new Map([
    ['essays/a/', 'a1'],
    ['essays/b/', 'b0'],
    ['essays/gone/', 'g1'],
    ['essays/a/a.epub', 'ae'],
  ]);
  const list = siteList(FILES);
  expect(filesToRefresh(saved, list, false).map((file) => file.url)).toEqual([
    '_astro/photo.Ab12.webp',
    'essays/b/',
    'pagefind/fragment/en_1.pf_fragment',
  ]);
  expect(filesToRefresh(saved, list, true).map((file) => file.url)).toContain('essays/b/b.html');
  expect(filesToRefresh(saved, list, true).map((file) => file.url)).not.toContain('essays/a/a.epub');
  expect(filesToDrop(saved, list)).toEqual(['essays/gone/']);
});

test('what a reader fetched online is kept when it is part of the site, never the shell (precached) or what is never kept', () => {
  expect(keptWhenFetched('essays/a/')).toBe(true);
  expect(keptWhenFetched('essays/a/index.html')).toBe(true);
  expect(keptWhenFetched('essays/a/a.epub')).toBe(true);
  expect(keptWhenFetched('pagefind/fragment/en_1.pf_fragment')).toBe(true);
  expect(keptWhenFetched('')).toBe(false);
  expect(keptWhenFetched('search/')).toBe(false);
  expect(keptWhenFetched('sw.js')).toBe(false);
  expect(keptWhenFetched('cards/a.png')).toBe(false);
});

test('nothing the reader did not open is downloaded with Save-Data on, or on a mobile connection', () => {
  expect(mayDownloadUnasked(undefined, null)).toBe(true);
  expect(mayDownloadUnasked({ saveData: false, type: 'wifi' }, null)).toBe(true);
  expect(mayDownloadUnasked({ saveData: true }, null)).toBe(false);
  expect(mayDownloadUnasked({ type: 'cellular' }, null)).toBe(false);
  expect(mayDownloadUnasked(undefined, 'on')).toBe(false);
  expect(mayDownloadUnasked(undefined, ' On ')).toBe(false);
  expect(mayDownloadUnasked(undefined, 'off')).toBe(true);
});
