import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

test('the files a page loads that its downloads read: its stylesheets and images under the base, each once, without query or fragment', () => {
  const html = `<head><link rel="stylesheet" href="/sub/_astro/site.css"><link rel="icon" href="/sub/favicon.svg">
<link rel="canonical" href="https://essays.example/sub/essays/a/"><link rel="manifest" href="/sub/manifest.webmanifest"></head>
<body><a href="/sub/essays/b/">B</a><img src="/sub/_astro/a.webp?v=1" srcset="/sub/_astro/a-2x.webp 2x, /sub/_astro/a.webp 1x" alt="">
<img src="https://elsewhere.example/x.png" alt=""><img src="data:image/png;base64,AAAA" alt=""><script src="/other/x.js"></script>
<picture><source srcset="/sub/_astro/b.avif 1x" type="image/avif"><img src="/sub/_astro/b.png" alt=""></picture><script src="/sub/_astro/page.js"></script></body>`;
  // Not the icon, the manifest or a script, which the downloads do not read.
  expect(pageFiles(html, '/sub/')).toEqual([
    '/sub/_astro/site.css',
    '/sub/_astro/a.webp',
    '/sub/_astro/a-2x.webp',
    '/sub/_astro/b.avif',
    '/sub/_astro/b.png',
  ]);
});

const scratch = mkdtempSync(join(tmpdir(), 'downloads-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the cache finds an essay’s downloads under their key only, links them, and forgets what its index does not name', () => {
  const dir = join(scratch, 'cache');
  const site = join(scratch, 'site');
  mkdirSync(site);
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
  // Downloads as a build writes them beside the pages.
  const made = (name: string, epub: string, html: string) => {
    writeFileSync(join(site, `${name}.epub`), epub);
    writeFileSync(join(site, `${name}.html`), html);
    return {
      epub: { file: join(site, `${name}.epub`), bytes: Buffer.byteLength(epub) },
      html: { file: join(site, `${name}.html`), bytes: Buffer.byteLength(html) },
    };
  };
  const first = new DownloadsCache(dir);
  expect(first.find('a', 'k1', ['epub', 'html'])).toBeUndefined();
  first.keep('a', 'k1', metadata, made('a1', 'epub of a', 'html of a'));
  first.keep('b', 'k2', { ...metadata, slug: 'b' }, made('b2', 'epub of b', 'html of b'));
  first.save(first.kept);
  expect(readdirSync(dir).sort()).toEqual(['a.k1.epub', 'a.k1.html', 'b.k2.epub', 'b.k2.html', 'downloads.json']);
  // A link, not a copy: the cache's file is the one written beside the page.
  expect(statSync(join(dir, 'a.k1.epub')).ino).toBe(statSync(join(site, 'a1.epub')).ino);

  const second = new DownloadsCache(dir);
  expect(second.find('a', 'k2', ['epub', 'html'])).toBeUndefined();
  const found = second.find('a', 'k1', ['epub', 'html']);
  expect(found?.entry.metadata).toEqual(metadata);
  DownloadsCache.place(found!, { epub: join(site, 'next.epub'), html: join(site, 'next.html') });
  expect(readFileSync(join(site, 'next.html'), 'utf8')).toBe('html of a');
  // Kept again under a new key, and saved with only what this build kept: the old files go.
  second.keep('a', 'k3', metadata, made('a3', 'new epub of a', 'new html of a'));
  second.save(second.kept);
  expect(readdirSync(dir).sort()).toEqual(['a.k3.epub', 'a.k3.html', 'downloads.json']);
  expect(new DownloadsCache(dir).find('a', 'k1', ['epub', 'html'])).toBeUndefined();
  expect(new DownloadsCache(dir).find('b', 'k2', ['epub', 'html'])).toBeUndefined();
  expect(new DownloadsCache(dir).find('a', 'k3', ['epub', 'html'])?.files.epub.bytes).toBe(Buffer.byteLength('new epub of a'));
  // A file that is not the size its entry says (cut short, or written into) is not taken for the download.
  writeFileSync(join(dir, 'a.k3.html'), 'cut');
  expect(new DownloadsCache(dir).find('a', 'k3', ['epub', 'html'])).toBeUndefined();
  // An index that cannot be read is an empty cache, not an error.
  writeFileSync(join(dir, 'downloads.json'), '{"a":');
  expect(new DownloadsCache(dir).find('a', 'k3', ['epub', 'html'])).toBeUndefined();
});
