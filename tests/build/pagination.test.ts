import { expect, inject, test } from 'vitest';
import { listEssaySlugs, listPages } from '../../src/publishing/pages.ts';
import { projectConfig } from '../support/site-config.ts';
import { COMPONENTS_PER_PAGE } from '../support/global-setup.ts';
import { normalisedText, readPage } from '../support/html.ts';

const siteDir = inject('componentsSiteDir');

test('the home page lists a page of essays, and every essay is on exactly one page of the list, in order', () => {
  const essays = listEssaySlugs(siteDir);
  expect(essays.length).toBeGreaterThan(COMPONENTS_PER_PAGE);
  const listPageNames = listPages(siteDir).filter((page) => page === '' || page.startsWith('page/'));
  expect(listPageNames).toHaveLength(Math.ceil(essays.length / COMPONENTS_PER_PAGE));
  const listed = listPageNames.flatMap((page) => {
    const links = [...readPage(siteDir, page).querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href') ?? '');
    expect(links.length, page).toBeLessThanOrEqual(COMPONENTS_PER_PAGE);
    return links;
  });
  expect(listed.map((href) => href.split('/').at(-2)).sort()).toEqual(essays);
});

test('pages of the list link to their neighbours, say where the reader is, and each has its own title', () => {
  const home = readPage(siteDir, '');
  const second = readPage(siteDir, 'page/2/');
  const nav = (document: Document) => document.querySelector('nav.list-pages');
  expect(nav(home)?.getAttribute('aria-label')).toBe('Pages of essays');
  expect(nav(home)?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/page/2/');
  expect(nav(home)?.querySelector('a[rel="prev"]')).toBeNull();
  expect(nav(second)?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/');
  expect(normalisedText(nav(second)?.querySelector('[aria-current="page"]'))).toBe('Page 2 of 2');
  expect(normalisedText(second.querySelector('title'))).not.toBe(normalisedText(home.querySelector('title')));
  expect(second.querySelectorAll('h1')).toHaveLength(1);
});

test('a site whose essays fit on one page has no page links', () => {
  const site = inject('siteDir');
  if (listEssaySlugs(site).length > projectConfig({}).essaysPerPage) return;
  expect(readPage(site, '').querySelector('nav.list-pages')).toBeNull();
  expect(listPages(site).some((page) => page.startsWith('page/'))).toBe(false);
});
