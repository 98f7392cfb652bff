import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { readPrecacheManifest, writeServiceWorker } from '../../src/offline/write-service-worker.ts';
import { fileGroup, type SiteList } from '../../src/offline/offline-files.ts';

/** A small site with every kind of file the build writes, downloads and social cards included. */
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title><button>Save<span data-offline-size="site"></span></button>',
  'offline/index.html': '<!doctype html><title>Not saved</title>',
  'page/2/index.html': '<!doctype html><title>Page 2</title>',
  '_astro/photo.Ab12Cd.webp': "an essay's image",
  '404.html': '<!doctype html><title>Not found</title>',
  'search/index.html': '<!doctype html><title>Search</title>',
  'essays/on-time/index.html': '<!doctype html><title>On Time</title>',
  'essays/on-time/on-time.epub': 'an EPUB copy of the essay, which is not precached',
  'essays/on-time/on-time.html': '<!doctype html><title>On Time, one file</title>',
  'cards/on-time.png': "the essay's social card, for link previews, which is not precached",
  '_astro/BaseLayout.DCs9dXB9.css': 'body{}',
  'pagefind/pagefind.js': 'export {}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind.en_89462a7eb5.pf_meta': 'meta',
  'pagefind/index/en_b6a8fc8.pf_index': 'index',
  'pagefind/fragment/en_4b62466.pf_fragment': 'fragment',
  'pagefind/wasm.en.pagefind': 'wasm',
  'manifest.webmanifest': '{}',
};

const sites: string[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site, { recursive: true, force: true });
});

function makeSite(): string {
  const site = mkdtempSync(join(tmpdir(), 'service-worker-'));
  sites.push(site);
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), content);
  }
  return site;
}

test('sw.js precaches the shell only; the rest of the site and the downloads are listed with their sizes, the cards nowhere', async () => {
  const site = makeSite();
  const result = await writeServiceWorker(site, { base: '/reading/room/', lang: 'en' });
  const manifest = readPrecacheManifest(readFileSync(join(site, 'sw.js'), 'utf8'));
  const urls = manifest.map((entry) => entry.url).sort();
  expect(urls).toEqual(
    [
      '404.html',
      '_astro/BaseLayout.DCs9dXB9.css',
      'index.html',
      'manifest.webmanifest',
      'offline/index.html',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_89462a7eb5.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
      'search/index.html',
    ].sort(),
  );
  const list = JSON.parse(readFileSync(join(site, 'offline-site.json'), 'utf8')) as SiteList;
  expect(result.list).toEqual(list);
  expect(list.site.map((file) => file.url)).toEqual([
    '_astro/photo.Ab12Cd.webp',
    'essays/on-time/',
    'page/2/',
    'pagefind/fragment/en_4b62466.pf_fragment',
    'pagefind/index/en_b6a8fc8.pf_index',
  ]);
  expect(list.downloads.map((file) => file.url)).toEqual(['essays/on-time/on-time.epub', 'essays/on-time/on-time.html']);
  expect(list.essays).toBe(1);
  const bytes = (paths: string[]) => paths.reduce((sum, path) => sum + Buffer.byteLength(FILES[path] ?? ''), 0);
  expect(list.siteBytes).toBe(bytes(Object.keys(FILES).filter((path) => fileGroup(path) === 'site')));
  expect(list.downloadBytes).toBe(bytes(['essays/on-time/on-time.epub', 'essays/on-time/on-time.html']));
  // Every file is in one place or the other, but the cards.
  expect([...urls, ...list.site.map((file) => file.url), ...list.downloads.map((file) => file.url)]).toHaveLength(
    Object.keys(FILES).length - 1,
  );
  expect(result.count).toBe(urls.length);
  expect(result.bytes).toBe(urls.reduce((sum, url) => sum + readFileSync(join(site, url)).length, 0));
  expect(result.siteCount).toBe(Object.keys(FILES).length + 2);
});

test("the home page's save control is filled in with the list's sizes before its revision is taken", async () => {
  const site = makeSite();
  await writeServiceWorker(site, { base: '/', lang: 'en' });
  const home = readFileSync(join(site, 'index.html'), 'utf8');
  expect(home).toContain('<span data-offline-size="site"> (1 essay, 1 KB)</span>');
  const revision = readPrecacheManifest(readFileSync(join(site, 'sw.js'), 'utf8')).find((entry) => entry.url === 'index.html')?.revision;
  expect(revision).toBe(createHash('md5').update(home).digest('hex'));
});

test('content-hashed files of the shell are their own revision; every other file is revised by its content, in the precache and the list', async () => {
  const site = makeSite();
  await writeServiceWorker(site, { base: '/', lang: 'en' });
  const first = readPrecacheManifest(readFileSync(join(site, 'sw.js'), 'utf8'));
  const revision = (manifest: typeof first, url: string) => manifest.find((entry) => entry.url === url)?.revision;
  expect(revision(first, '_astro/BaseLayout.DCs9dXB9.css')).toBeNull();
  expect(revision(first, 'pagefind/pagefind.en_89462a7eb5.pf_meta')).toBeNull();
  expect(revision(first, 'search/index.html')).toMatch(/^[0-9a-f]{32}$/);
  const listed = () => (JSON.parse(readFileSync(join(site, 'offline-site.json'), 'utf8')) as SiteList).site;
  const essay = () => listed().find((file) => file.url === 'essays/on-time/')?.revision;
  const firstEssay = essay();
  expect(firstEssay).toMatch(/^[0-9a-f]{32}$/);
  expect(listed().find((file) => file.url === 'pagefind/index/en_b6a8fc8.pf_index')?.revision).toBe('pagefind/index/en_b6a8fc8.pf_index');

  writeFileSync(join(site, 'search/index.html'), '<!doctype html><title>Search, revised</title>');
  writeFileSync(join(site, 'essays/on-time/index.html'), '<!doctype html><title>On Time, revised</title>');
  await writeServiceWorker(site, { base: '/', lang: 'en' });
  const second = readPrecacheManifest(readFileSync(join(site, 'sw.js'), 'utf8'));
  expect(revision(second, 'search/index.html')).not.toBe(revision(first, 'search/index.html'));
  expect(essay()).not.toBe(firstEssay);
  expect(revision(second, 'index.html')).toBe(revision(first, 'index.html'));
  // The worker never precaches itself.
  expect(second.map((entry) => entry.url)).not.toContain('sw.js');
  expect(second.map((entry) => entry.url)).not.toContain('offline-site.json');
});

test('sw.js is one minified script with the base path built in and no Workbox development logging', async () => {
  const site = makeSite();
  await writeServiceWorker(site, { base: '/reading/room/', lang: 'en' });
  const source = readFileSync(join(site, 'sw.js'), 'utf8');
  expect(source).toContain('"/reading/room/"');
  expect(source).not.toContain('__WB_MANIFEST');
  expect(source).not.toMatch(/^import |\bimport\(/m);
  expect(source).not.toContain('process.env');
  expect(source.split('\n').length).toBeLessThan(5);
  expect(source.length).toBeLessThan(40_000);
});
