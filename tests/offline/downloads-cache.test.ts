import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DownloadsCache, downloadsKey, pageFiles, type DownloadsInputs } from '../../src/offline/downloads-cache.ts';

const INPUTS: DownloadsInputs = {
  code: 'code',
  options: { site: undefined, base: '/', siteTitle: 'Essays', siteLang: 'en' },
  stylesheets: ['epub.css', 'single-file.css'],
  pageHtml: '<html lang="en"><article><h1>On Time</h1></article></html>',
  files: [['/_astro/site.css', 'abc']],
};

test('the key is the same for the same inputs, and changes with each of them', () => {
  const key = downloadsKey(INPUTS);
  expect(downloadsKey({ ...INPUTS })).toBe(key);
  const changed: DownloadsInputs[] = [
    { ...INPUTS, code: 'other code' },
    { ...INPUTS, options: { ...INPUTS.options, site: 'https://essays.example' } },
    { ...INPUTS, options: { ...INPUTS.options, siteTitle: 'Notes' } },
    { ...INPUTS, stylesheets: ['epub.css', 'single-file.css', ''] },
    { ...INPUTS, pageHtml: INPUTS.pageHtml.replace('On Time', 'On Tide') },
    { ...INPUTS, files: [['/_astro/site.css', 'abd']] },
    { ...INPUTS, files: [] },
  ];
  for (const inputs of changed) expect(downloadsKey(inputs)).not.toBe(key);
});

test('parts of the key cannot run into each other: moving text from one to the next changes it', () => {
  expect(downloadsKey({ ...INPUTS, stylesheets: ['ab', 'c'] })).not.toBe(downloadsKey({ ...INPUTS, stylesheets: ['a', 'bc'] }));
});

test('the files a page loads: its stylesheets and images under the base, each once, without query or fragment', () => {
  const html = `<head><link rel="stylesheet" href="/sub/_astro/site.css"><link rel="icon" href="/sub/favicon.svg">
<link rel="canonical" href="https://essays.example/sub/essays/a/"></head>
<body><a href="/sub/essays/b/">B</a><img src="/sub/_astro/a.webp?v=1" srcset="/sub/_astro/a-2x.webp 2x, /sub/_astro/a.webp 1x" alt="">
<img src="https://elsewhere.example/x.png" alt=""><img src="data:image/png;base64,AAAA" alt=""><script src="/other/x.js"></script></body>`;
  expect(pageFiles(html, '/sub/')).toEqual(['/sub/_astro/site.css', '/sub/favicon.svg', '/sub/_astro/a.webp', '/sub/_astro/a-2x.webp']);
});

const scratch = mkdtempSync(join(tmpdir(), 'downloads-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the cache finds an essay’s downloads under their key only, and forgets essays the site no longer has', () => {
  const cache = new DownloadsCache(join(scratch, 'cache'));
  const metadata = {
    slug: 'a',
    lang: 'en',
    dir: 'ltr' as const,
    title: 'A',
    description: undefined,
    authors: [],
    published: undefined,
    modified: undefined,
    canonical: undefined,
  };
  expect(cache.find('a', 'k1', ['epub', 'html'])).toBeUndefined();
  cache.keep('a', 'k1', metadata, { epub: new Uint8Array([1]), html: new Uint8Array([2]) });
  cache.keep('b', 'k2', { ...metadata, slug: 'b' }, { epub: new Uint8Array([3]), html: new Uint8Array([4]) });
  expect(cache.find('a', 'k1', ['epub', 'html'])?.metadata).toEqual(metadata);
  expect(cache.find('a', 'k2', ['epub', 'html'])).toBeUndefined();
  // Kept again under a new key, the old files go.
  cache.keep('a', 'k3', metadata, { epub: new Uint8Array([5]), html: new Uint8Array([6]) });
  expect(cache.find('a', 'k1', ['epub', 'html'])).toBeUndefined();
  const { epub, html } = cache.find('a', 'k3', ['epub', 'html'])?.files ?? {};
  expect([[...(epub ?? [])], [...(html ?? [])]]).toEqual([[5], [6]]);
  expect(readdirSync(join(scratch, 'cache')).sort()).toEqual(['a.downloads', 'b.downloads']);
  // A file cut short (written by a build that was stopped) is not taken for the downloads.
  const cut = join(scratch, 'cache', 'b.downloads');
  writeFileSync(cut, readFileSync(cut).subarray(0, -1));
  expect(cache.find('b', 'k2', ['epub', 'html'])).toBeUndefined();
  cache.prune(['a']);
  expect(readdirSync(join(scratch, 'cache'))).toEqual(['a.downloads']);
});
