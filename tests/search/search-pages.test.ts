import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { rewritePage } from '../../src/publishing/pages.ts';
import { copySearchPages } from '../../src/search/write-search-index.ts';
import { writeSiteFolder } from '../support/site-folder.ts';

const scratch = mkdtempSync(join(tmpdir(), 'search-pages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const essay = (lang: string, text: string) =>
  `<!DOCTYPE html><html lang="${lang}"><body><main><article data-pagefind-body><p>${text}</p></article></main></body></html>`;

const site = (name: string, pages: Record<string, string>): string => writeSiteFolder(join(scratch, name), pages);

test('kept between builds, a page’s copy is a link to the page, placed again only when the page changed, and goes with its essay', () => {
  const keepIn = join(scratch, 'kept');
  const first = site('first', {
    'index.html': '<!DOCTYPE html><html lang="en"><body><p>Home, not indexed.</p></body></html>',
    'essays/a/index.html': essay('en', 'A.'),
    'essays/b/index.html': essay('de', 'B.'),
    'essays/c/index.html': essay('en', 'C.'),
  });
  const pages = copySearchPages(first, keepIn);
  expect(pages.scratch).toBe(false);
  expect(Object.fromEntries(pages.byLanguage)).toEqual({ en: ['essays/a/index.html', 'essays/c/index.html'], de: ['essays/b/index.html'] });
  expect(existsSync(join(keepIn, 'index.html'))).toBe(false);
  expect(pages.unchanged).toEqual(new Set());
  expect(statSync(join(keepIn, 'essays/a/index.html')).ino).toBe(statSync(join(first, 'essays/a/index.html')).ino);
  // The build's steps then write into the page (its download sizes): the copy keeps Astro's text.
  rewritePage(join(first, 'essays/a/index.html'), essay('en', 'A, with its sizes.'));
  expect(readFileSync(join(keepIn, 'essays/a/index.html'), 'utf8')).toBe(essay('en', 'A.'));

  // The next build: a unchanged, b changed, c gone.
  const second = site('second', { 'essays/a/index.html': essay('en', 'A.'), 'essays/b/index.html': essay('de', 'B, changed.') });
  const again = copySearchPages(second, keepIn);
  expect(Object.fromEntries(again.byLanguage)).toEqual({ en: ['essays/a/index.html'], de: ['essays/b/index.html'] });
  expect(readFileSync(join(keepIn, 'essays/b/index.html'), 'utf8')).toBe(essay('de', 'B, changed.'));
  expect(existsSync(join(keepIn, 'essays/c'))).toBe(false);
  // What an index begun early may take (early-search-index.ts).
  expect(again.unchanged).toEqual(new Set(['essays/a/index.html']));

  // A rebuild whose unchanged page is a link to Astro's copy, as its kept copy now is: one file, unchanged.
  const third = join(scratch, 'third-linked');
  mkdirSync(join(third, 'essays/a'), { recursive: true });
  mkdirSync(join(third, 'essays/b'), { recursive: true });
  linkSync(join(keepIn, 'essays/a/index.html'), join(third, 'essays/a/index.html'));
  linkSync(join(keepIn, 'essays/b/index.html'), join(third, 'essays/b/index.html'));
  const linked = copySearchPages(third, keepIn);
  expect(Object.fromEntries(linked.byLanguage)).toEqual({ en: ['essays/a/index.html'], de: ['essays/b/index.html'] });
  expect(linked.unchanged).toEqual(new Set(['essays/a/index.html', 'essays/b/index.html']));
});

test('without a folder to keep them in, the copies go to a scratch folder', () => {
  const pages = copySearchPages(site('scratch', { 'essays/a/index.html': essay('en', 'A.') }));
  expect(pages.scratch).toBe(true);
  expect(readFileSync(join(pages.dir, 'essays/a/index.html'), 'utf8')).toBe(essay('en', 'A.'));
  rmSync(pages.dir, { recursive: true, force: true });
});

test('a site without essays makes no copies, kept or not', () => {
  const pages = copySearchPages(
    site('none', { 'index.html': '<!DOCTYPE html><html lang="en"><body></body></html>' }),
    join(scratch, 'none-kept'),
  );
  expect(pages.byLanguage.size).toBe(0);
});

test('only the site’s pages are copied, not an essay’s single-file download beside its page, nor Pagefind’s files', () => {
  const dir = site('downloads', {
    'essays/a/index.html': essay('en', 'A.'),
    // A download that marked its text as the page does would still not be a page of the site.
    'essays/a/a.html': essay('en', 'A, the download.'),
    'pagefind/en/index.html': essay('en', 'Not ours.'),
  });
  const pages = copySearchPages(dir, join(scratch, 'downloads-kept'));
  expect(Object.fromEntries(pages.byLanguage)).toEqual({ en: ['essays/a/index.html'] });
  expect(existsSync(join(scratch, 'downloads-kept', 'essays/a/a.html'))).toBe(false);
});
