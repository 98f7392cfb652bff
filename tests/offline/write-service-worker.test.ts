import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readPrecacheManifest, writeServiceWorker } from '../../src/offline/write-service-worker.ts';

/** A small site with every kind of file the build writes, downloads and social cards included. */
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title>',
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

test('sw.js precaches every file of the site but the downloads and the social cards, and counts both', async () => {
  const site = makeSite();
  const result = await writeServiceWorker(site, { base: '/reading/room/' });
  const manifest = readPrecacheManifest(readFileSync(join(site, 'sw.js'), 'utf8'));
  const urls = manifest.map((entry) => entry.url).sort();
  expect(urls).toEqual(
    Object.keys(FILES)
      .filter((path) => !path.startsWith('essays/on-time/on-time.') && !path.startsWith('cards/'))
      .sort(),
  );
  const bytes = (paths: string[]) => paths.reduce((sum, path) => sum + Buffer.byteLength(FILES[path] ?? ''), 0);
  expect(result.count).toBe(urls.length);
  expect(result.bytes).toBe(bytes(urls));
  expect(result.siteCount).toBe(Object.keys(FILES).length + 1);
  expect(result.siteBytes).toBe(bytes(Object.keys(FILES)) + readFileSync(join(site, 'sw.js')).length);
  expect(result.bytes).toBeLessThan(result.siteBytes);
});

test('content-hashed files are their own revision; every other file is revised by its content', async () => {
  const site = makeSite();
  await writeServiceWorker(site, { base: '/' });
  const first = readPrecacheManifest(readFileSync(join(site, 'sw.js'), 'utf8'));
  const revision = (manifest: typeof first, url: string) => manifest.find((entry) => entry.url === url)?.revision;
  expect(revision(first, '_astro/BaseLayout.DCs9dXB9.css')).toBeNull();
  expect(revision(first, 'pagefind/index/en_b6a8fc8.pf_index')).toBeNull();
  expect(revision(first, 'pagefind/pagefind.en_89462a7eb5.pf_meta')).toBeNull();
  expect(revision(first, 'essays/on-time/index.html')).toMatch(/^[0-9a-f]{32}$/);

  writeFileSync(join(site, 'essays/on-time/index.html'), '<!doctype html><title>On Time, revised</title>');
  await writeServiceWorker(site, { base: '/' });
  const second = readPrecacheManifest(readFileSync(join(site, 'sw.js'), 'utf8'));
  expect(revision(second, 'essays/on-time/index.html')).not.toBe(revision(first, 'essays/on-time/index.html'));
  expect(revision(second, 'index.html')).toBe(revision(first, 'index.html'));
  // The worker never precaches itself.
  expect(second.map((entry) => entry.url)).not.toContain('sw.js');
});

test('sw.js is one minified script with the base path built in and no Workbox development logging', async () => {
  const site = makeSite();
  await writeServiceWorker(site, { base: '/reading/room/' });
  const source = readFileSync(join(site, 'sw.js'), 'utf8');
  expect(source).toContain('"/reading/room/"');
  expect(source).not.toContain('__WB_MANIFEST');
  expect(source).not.toMatch(/^import |\bimport\(/m);
  expect(source).not.toContain('process.env');
  expect(source.split('\n').length).toBeLessThan(5);
  expect(source.length).toBeLessThan(40_000);
});
