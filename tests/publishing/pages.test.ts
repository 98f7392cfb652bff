import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { essaySlugsOf, listEssaySlugs, listHtmlFiles, listPages, rewritePage, urlPathOf } from '../../src/publishing/pages.ts';

const site = mkdtempSync(join(tmpdir(), 'pages-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
for (const file of [
  'index.html',
  '404.html',
  'search/index.html',
  'essays/on-time/index.html',
  'essays/on-time/on-time.html',
  'essays/on-time/on-time.epub',
  'pagefind/index.html',
  '_astro/x.css',
]) {
  mkdirSync(dirname(join(site, file)), { recursive: true });
  writeFileSync(join(site, file), '');
}

test('the pages of a site are its index.html files and its top-level HTML files, not its downloads', () => {
  expect(listPages(site)).toEqual(['', '404.html', 'essays/on-time/', 'search/']);
});

test('the HTML files of a site are its pages and its single-file copies, not Pagefind’s', () => {
  expect(listHtmlFiles(site)).toEqual([
    '404.html',
    'essays/on-time/index.html',
    'essays/on-time/on-time.html',
    'index.html',
    'search/index.html',
  ]);
});

test('a folder’s index.html is served as the folder; any other file under its own name', () => {
  expect(['index.html', 'essays/a/index.html', 'essays/a/a.html', '404.html', 'a/not-index.html'].map(urlPathOf)).toEqual([
    '',
    'essays/a/',
    'essays/a/a.html',
    '404.html',
    'a/not-index.html',
  ]);
});

test('the essays of a site are its pages at essays/<slug>/', () => {
  expect(listEssaySlugs(site)).toEqual(['on-time']);
  // From pages already listed, in any order: not a download, not a page deeper or elsewhere.
  const pageFiles = [
    'essays/b/index.html',
    'index.html',
    'essays/a/index.html',
    'essays/a/a.html',
    'essays/a/notes/index.html',
    'essays/index.html',
  ];
  expect(essaySlugsOf(pageFiles)).toEqual(['a', 'b']);
});

test('rewritePage writes a page over its old text, cutting what a shorter one leaves', () => {
  const file = join(site, 'rewritten.html');
  writeFileSync(file, '<p>A page of some length, with its old words.</p>');
  rewritePage(file, '<p>Short, ā.</p>');
  expect(readFileSync(file, 'utf8')).toBe('<p>Short, ā.</p>');
  rewritePage(file, '<p>Longer again than it was: the whole of it, every word, still there.</p>');
  expect(readFileSync(file, 'utf8')).toBe('<p>Longer again than it was: the whole of it, every word, still there.</p>');
  expect(() => rewritePage(join(site, 'missing.html'), '<p></p>')).toThrow(/ENOENT/);
});

test('rewritePage never writes through a link: a page linked to a kept copy becomes a file of its own', () => {
  const kept = join(site, 'kept-copy.html');
  const file = join(site, 'linked.html');
  writeFileSync(kept, '<p>The page as Astro wrote it.</p>');
  linkSync(kept, file);
  rewritePage(file, '<p>The page with its sizes.</p>');
  expect(readFileSync(file, 'utf8')).toBe('<p>The page with its sizes.</p>');
  expect(readFileSync(kept, 'utf8')).toBe('<p>The page as Astro wrote it.</p>');
  expect(statSync(file).nlink).toBe(1);
  expect(statSync(kept).nlink).toBe(1);
});
