import { expect, inject, test } from 'vitest';
import { listPages } from '../../scripts/lib/pages.ts';
import { SUB_PATH_BASE, SUB_PATH_SITE } from '../support/global-setup.ts';
import { readPage } from '../support/html.ts';

/** schema.org's required and recommended properties, as the built pages should carry them. */
function jsonLd(document: Document): Record<string, unknown> | undefined {
  const script = document.querySelector('script[type="application/ld+json"]');
  return script ? (JSON.parse(script.textContent ?? '') as Record<string, unknown>) : undefined;
}

test('every essay page says what it is: an Article with headline, description and language as the page gives them, and link previews', () => {
  const siteDir = inject('subPathSiteDir');
  const essays = listPages(siteDir).filter((page) => page.startsWith('essays/'));
  for (const page of essays) {
    const document = readPage(siteDir, page);
    const data = jsonLd(document);
    expect(data?.['@type']).toBe('Article');
    expect(data?.['headline']).toBe(document.querySelector('h1')?.textContent);
    expect(data?.['description']).toBe(document.querySelector('meta[name="description"]')?.getAttribute('content'));
    expect(data?.['inLanguage']).toBe(document.documentElement.getAttribute('lang'));
    expect(data?.['url']).toBe(`${SUB_PATH_SITE}${SUB_PATH_BASE}${page}`);
    // Authors and dates only where the essay gives them.
    expect(data?.['author'] === undefined).toBe(document.querySelector('meta[name="author"]') === null);
    expect(data?.['datePublished']).toBe(
      document.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ?? undefined,
    );
    expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(data?.['headline']);
    expect(document.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(data?.['url']);
  }
  expect(jsonLd(readPage(siteDir, ''))).toMatchObject({ '@type': 'WebSite', url: `${SUB_PATH_SITE}${SUB_PATH_BASE}` });
  expect(jsonLd(readPage(siteDir, 'search/'))).toBeUndefined();
});

test('without SITE_URL the pages carry no absolute address', () => {
  const siteDir = inject('siteDir');
  for (const page of listPages(siteDir)) {
    const document = readPage(siteDir, page);
    expect(document.querySelector('meta[property="og:url"]'), page).toBeNull();
    expect(jsonLd(document)?.['url'], page).toBeUndefined();
  }
});
