import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { listPages } from '../../src/publishing/pages.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';
import { readPage } from '../support/html.ts';
import { SUB_PATH_BASE, SUB_PATH_SITE } from '../support/global-setup.ts';
import { NOT_SAVED_PAGE } from '../../src/offline/offline-routes.ts';

/** Every URL a page refers to on its own site: links, stylesheets, icons, images, scripts. */
function internalReferences(document: Document): string[] {
  return [...document.querySelectorAll('a[href], link[href], script[src], img[src], source[srcset]')]
    .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('srcset') ?? '')
    .filter((url) => url !== '' && !url.startsWith('#') && !/^[a-z]+:/i.test(url));
}

describe.each([
  { name: 'at the root', dir: () => inject('siteDir'), base: '/' },
  { name: `under ${SUB_PATH_BASE}`, dir: () => inject('subPathSiteDir'), base: SUB_PATH_BASE },
])('the site built $name', ({ dir, base }) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDirectory(dir(), base);
  });
  afterAll(() => server.close());

  test('every internal link and asset starts with the base path and is served', async () => {
    const origin = new URL(server.url).origin;
    const checked = new Set<string>();
    for (const page of listPages(dir())) {
      for (const reference of internalReferences(readPage(dir(), page))) {
        const url = new URL(reference, new URL(page, server.url));
        expect(url.pathname.startsWith(base), `${page}: ${reference}`).toBe(true);
        if (checked.has(url.pathname)) continue;
        checked.add(url.pathname);
        const response = await fetch(`${origin}${url.pathname}`, { method: 'HEAD' });
        expect(response.status, `${page}: ${reference}`).toBe(200);
      }
    }
    expect(checked.size).toBeGreaterThan(2);
  });
});

test('with SITE_URL set, every page names its canonical URL under the base path', () => {
  const dir = inject('subPathSiteDir');
  // The 404 and "not saved" pages are served in place of other addresses: they have none of their own.
  for (const page of listPages(dir).filter((page) => page !== '404.html' && page !== NOT_SAVED_PAGE)) {
    const canonical = readPage(dir, page).querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical).toBe(`${SUB_PATH_SITE}${SUB_PATH_BASE}${page}`);
  }
});
