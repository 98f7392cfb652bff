import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML, DOMParser } from 'linkedom';
import { expect, inject, test } from 'vitest';
import { listPages } from '../../src/publishing/pages.ts';
import { SUB_PATH_BASE, SUB_PATH_SITE } from '../support/global-setup.ts';
import { readPage } from '../support/html.ts';

/** The sub-path build has SITE_URL; the root build has none. */
const siteDir = inject('subPathSiteDir');
const home = `${SUB_PATH_SITE}${SUB_PATH_BASE}`;

function xml(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(siteDir, file), 'utf8'), 'text/xml') as unknown as Document;
}

const essayPages = listPages(siteDir).filter((page) => /^essays\/[^/]+\/$/.test(page));

test('the feed lists every essay, in full, at its absolute address under the base path', () => {
  const feed = xml('feed.xml');
  expect(feed.querySelector('channel > link')?.textContent).toBe(home);
  const items = [...feed.querySelectorAll('item')];
  expect(items.map((item) => item.querySelector('link')?.textContent).sort()).toEqual(essayPages.map((page) => `${home}${page}`).sort());
  for (const item of items) {
    const page = readPage(siteDir, (item.querySelector('link')?.textContent ?? '').slice(home.length));
    expect(item.querySelector('title')?.textContent).toBe(page.querySelector('h1')?.textContent);
    const encoded = item.getElementsByTagName('content:encoded')[0]?.textContent ?? '';
    const content = parseHTML(`<!doctype html><html><body>${encoded}</body></html>`).document;
    // The essay's own paragraphs are there, and each note once: none of the web page's copies.
    const firstParagraph = page.querySelector('.essay-body > p')?.textContent?.slice(0, 60) ?? '';
    expect(content.body.textContent).toContain(firstParagraph);
    expect(content.querySelectorAll('[data-reading-aid], .sidenote, .note-popover, script, nav')).toHaveLength(0);
    expect(content.querySelectorAll('[role="doc-endnotes"] li[id]').length).toBe(
      page.querySelectorAll('[role="doc-endnotes"] li[id]').length,
    );
    // Far from the site, every address must stand on its own.
    for (const element of content.querySelectorAll('[href], [src]')) {
      expect(element.getAttribute('href') ?? element.getAttribute('src'), element.outerHTML).toMatch(/^https?:\/\//);
    }
  }
});

test('every page links to the feed, and robots.txt names the sitemap, which lists every page but the 404', () => {
  for (const page of listPages(siteDir)) {
    expect(readPage(siteDir, page).querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href'), page).toBe(
      `${SUB_PATH_BASE}feed.xml`,
    );
  }
  expect(readFileSync(join(siteDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${home}sitemap-index.xml`);
  const sitemaps = [...xml('sitemap-index.xml').querySelectorAll('sitemap > loc')].map((loc) => (loc.textContent ?? '').slice(home.length));
  const listed = sitemaps.flatMap((file) => [...xml(file).querySelectorAll('url > loc')].map((loc) => loc.textContent));
  expect(listed.sort()).toEqual(
    listPages(siteDir)
      .filter((page) => page !== '404.html')
      .map((page) => `${home}${page}`)
      .sort(),
  );
});

test('without SITE_URL there is no feed and no sitemap, rather than wrong addresses', () => {
  const rootSite = inject('siteDir');
  expect(existsSync(join(rootSite, 'feed.xml'))).toBe(false);
  expect(existsSync(join(rootSite, 'sitemap-index.xml'))).toBe(false);
  expect(readFileSync(join(rootSite, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
  expect(readPage(rootSite, '').querySelector('link[rel="alternate"]')).toBeNull();
});
