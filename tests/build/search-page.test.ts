import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { listEssaySlugs, listPages } from '../../src/publishing/pages.ts';
import { normalisedText, readPage } from '../support/html.ts';
import { COMPONENTS_PER_PAGE, SUB_PATH_BASE } from '../support/global-setup.ts';

const siteDir = inject('siteDir');
const search = readPage(siteDir, 'search/');

test('every page links to the search page from the site navigation, marked current on the search page itself', () => {
  for (const page of listPages(siteDir)) {
    const link = [...readPage(siteDir, page).querySelectorAll('nav[aria-label="Site"] a')].find((a) => normalisedText(a) === 'Search');
    expect(link?.getAttribute('href'), page).toBe('/search/');
    expect(link?.getAttribute('aria-current') ?? null, page).toBe(page === 'search/' ? 'page' : null);
  }
});

test('the search page’s only scripts are external modules from the site itself (and the colour scheme’s classic script), with no inline code', () => {
  const scripts = [...search.querySelectorAll('script')];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const src = script.getAttribute('src') ?? '';
    expect(src, script.outerHTML).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    // The colour scheme's is a classic script, so that it runs before the body is parsed.
    expect(script.getAttribute('type'), src).toBe(src.startsWith('/_astro/colour-scheme.') ? null : 'module');
    expect(script.textContent?.trim()).toBe('');
    expect(existsSync(join(siteDir, src))).toBe(true);
  }
  expect(readFileSync(join(siteDir, 'search/index.html'), 'utf8')).not.toMatch(/\son[a-z]+=/i);
});

test('without JavaScript the page says why there is no search box, and hides the form it cannot run', () => {
  const message = search.querySelector('[data-search-unavailable]');
  expect(message?.hasAttribute('hidden')).toBe(false);
  expect(normalisedText(message)).toMatch(/needs JavaScript/);
  expect(normalisedText(message)).toMatch(/served from a web server/);
  expect(normalisedText(message)).toMatch(/opened as files/);
  const form = search.querySelector('form');
  expect(form?.hasAttribute('hidden')).toBe(true);
});

test('the form is a search landmark with a labelled field, and results are announced politely', () => {
  const form = search.querySelector('form[role="search"]');
  const input = form?.querySelector('input[type="search"]');
  expect(input?.id).toBeTruthy();
  expect(normalisedText(form?.querySelector(`label[for="${input?.id}"]`))).toBe('Search the essays');
  expect(normalisedText(form?.querySelector('button[type="submit"]'))).toBe('Search');
  const status = search.querySelector('[data-search-status]');
  expect(status?.getAttribute('role')).toBe('status');
  // The live region is in the page from the start: screen readers miss regions added later.
  expect(status?.closest('[hidden]')).toBeNull();
});

test('instead of search, the page lists the essays of the home page and links to each of their sections', () => {
  const home = readPage(siteDir, '');
  const essays = [...home.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href'));
  const listed = [...search.querySelectorAll('.all-essays > ul > li')];
  expect(listed.map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual(essays);
  for (const item of listed) {
    const href = item.querySelector('a')?.getAttribute('href') ?? '';
    const essay = readPage(siteDir, href.slice(1));
    const sections = [...(item.querySelector('ul')?.querySelectorAll('a') ?? [])];
    const headings = [...essay.querySelectorAll('.essay-body h2[id]')].filter((h) => !h.closest('section.notes'));
    expect(sections.map((a) => a.getAttribute('href'))).toEqual(headings.map((h) => `${href}#${h.id}`));
    expect(sections.map((a) => normalisedText(a))).toEqual(headings.map((h) => normalisedText(h)));
  }
});

test('with more essays than a page holds, the search page lists the first page and links to the whole list, so it does not grow with the site', () => {
  const dir = inject('componentsSiteDir');
  const page = readPage(dir, 'search/');
  const listed = [...page.querySelectorAll('.all-essays > ul > li')];
  const total = listEssaySlugs(dir).length;
  expect(listed).toHaveLength(COMPONENTS_PER_PAGE);
  expect(total).toBeGreaterThan(COMPONENTS_PER_PAGE);
  const more = [...page.querySelectorAll('.all-essays > p > a')];
  expect(more.map((a) => [a.getAttribute('href'), normalisedText(a)])).toEqual([
    ['/', `All ${total} essays, ${COMPONENTS_PER_PAGE} to a page`],
  ]);
});

test('under a sub-path the search page finds Pagefind and builds result links under that base', () => {
  const dir = inject('subPathSiteDir');
  const root = readPage(dir, 'search/').querySelector('[data-search]');
  expect(root?.getAttribute('data-bundle-path')).toBe(`${SUB_PATH_BASE}pagefind/`);
  expect(root?.getAttribute('data-base-url')).toBe(SUB_PATH_BASE);
  // An index for each language the page names, in its own folder.
  const languages = (root?.getAttribute('data-languages') ?? '').split(' ').filter(Boolean);
  // None for a site without essays, which has nothing to index.
  expect(languages.length > 0).toBe(listEssaySlugs(dir).length > 0);
  for (const language of languages) expect(existsSync(join(dir, `pagefind/${language}/pagefind.js`)), language).toBe(true);
});
