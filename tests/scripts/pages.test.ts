import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { listEssaySlugs, listPages } from '../../scripts/lib/pages.ts';

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

test('the essays of a site are its pages at essays/<slug>/', () => {
  expect(listEssaySlugs(site)).toEqual(['on-time']);
});
