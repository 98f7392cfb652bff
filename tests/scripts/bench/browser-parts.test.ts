import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { defaultPage, largestPage, requestKind } from '../../../scripts/bench/page-weight.ts';
import { findPagefindDir, indexSize, pagefindFileKind, queryWords } from '../../../scripts/bench/search.ts';
import { compressedSizes, fileForUrl, sizesOfUrls } from '../../../scripts/bench/site-files.ts';

/** A built site of another kind (no essays/): Pagefind's index under docs/pagefind/, a page it indexes. */
const site = mkdtempSync(join(tmpdir(), 'bench-site-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title><main>Welcome</main>',
  '404.html': '<!doctype html><title>Not found</title>',
  'guides/start/index.html': `<!doctype html><title>Start</title><nav>Navigation words everywhere</nav><main data-pagefind-body><h1>Start</h1><p>Installation requires patience, and configuration.</p><script>var ignoredscriptword;</script></main>${' '.repeat(5000)}`,
  'guides/short/index.html': '<!doctype html><title>Short</title><main data-pagefind-body><p>Brief.</p></main>',
  'docs/pagefind/pagefind-entry.json': '{}',
  'docs/pagefind/pagefind.js': 'x'.repeat(100),
  'docs/pagefind/wasm.en.pagefind': 'y'.repeat(50),
  'docs/pagefind/index/en_1.pf_index': 'z'.repeat(30),
  'docs/pagefind/fragment/en_2.pf_fragment': 'z'.repeat(20),
  'docs/pagefind/pagefind.en_3.pf_meta': 'z'.repeat(10),
};
for (const [path, content] of Object.entries(FILES)) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), content);
}

test('a request is counted by the kind of resource Chromium says it is', () => {
  expect(['document', 'stylesheet', 'script', 'font', 'image', 'fetch', 'manifest'].map(requestKind)).toEqual([
    'HTML',
    'CSS',
    'JS',
    'fonts',
    'images',
    'other',
    'other',
  ]);
});

test('compressed sizes are real gzip and brotli sizes, never above the raw size', () => {
  const text = Buffer.from('the same words again and again, '.repeat(100));
  const sizes = compressedSizes(text);
  expect(sizes.raw).toBe(text.byteLength);
  expect(sizes.gzip).toBeLessThan(sizes.raw / 10);
  expect(sizes.brotli).toBeLessThan(sizes.gzip);
  expect(compressedSizes(Buffer.from('x'))).toEqual({ raw: 1, gzip: 1, brotli: 1 });
});

test('a URL maps to the file the static server sends, under the base path only', () => {
  const base = 'http://127.0.0.1:4000/sub/';
  expect(fileForUrl(site, base, 'http://127.0.0.1:4000/sub/guides/start/')).toBe(join(site, 'guides/start/index.html'));
  expect(fileForUrl(site, base, 'http://127.0.0.1:4000/sub/docs/pagefind/pagefind.js?ts=1')).toBe(join(site, 'docs/pagefind/pagefind.js'));
  expect(fileForUrl(site, base, 'http://127.0.0.1:4000/guides/start/')).toBeUndefined();
  expect(fileForUrl(site, base, 'http://127.0.0.1:4000/sub/../../etc/passwd')).toBeUndefined();
  expect(fileForUrl(site, base, 'https://fonts.example/a.woff2')).toBeUndefined();
  const sizeOf = sizesOfUrls(site, base);
  expect(sizeOf('http://127.0.0.1:4000/sub/missing/')?.raw).toBe(FILES['404.html']?.length);
  expect(sizeOf('https://fonts.example/a.woff2')).toBeUndefined();
});

test('on a site without essays, the page weighed is the one with the most text Pagefind indexes, and the largest page is found', () => {
  expect(defaultPage(site)).toBe('guides/start/');
  expect(largestPage(site)).toMatchObject({ page: 'guides/start/', raw: Buffer.byteLength(FILES['guides/start/index.html'] ?? '') });
});

test("Pagefind's folder is found wherever the site keeps it, and its files are split into index and code", () => {
  expect(findPagefindDir(site)).toBe('docs/pagefind');
  expect(
    ['index/en_1.pf_index', 'fragment/x.pf_fragment', 'filter/y.pf_filter', 'pagefind.en_3.pf_meta', 'pagefind-entry.json'].map(
      pagefindFileKind,
    ),
  ).toEqual(['index', 'index', 'index', 'index', 'index']);
  expect(['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-ui.css'].map(pagefindFileKind)).toEqual([
    'code',
    'code',
    'code',
    'code',
  ]);
  expect(indexSize(site, 'docs/pagefind')).toEqual({ dir: 'docs/pagefind', files: 6, bytes: 212, indexBytes: 62, codeBytes: 150 });
});

test('the words searched for on another site come from the text Pagefind indexes, longest first', () => {
  expect(queryWords(site, 'guides/start/')).toEqual(['configuration', 'Installation', 'requires', 'patience', 'Start', 'and']);
});
