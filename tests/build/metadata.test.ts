import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, inject, test } from 'vitest';
import { listPages } from '../../src/publishing/pages.ts';
import { projectConfig } from '../support/site-config.ts';
import { SOCIAL_CARD_DIR, socialCard } from '../../src/publishing/social-card.ts';
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

test('every essay page whose title the card’s font can draw names its social card, with size and text alternative, in Open Graph, Twitter and JSON-LD', async () => {
  const siteDir = inject('subPathSiteDir');
  const meta = (document: Document, selector: string) => document.querySelector(selector)?.getAttribute('content') ?? undefined;
  for (const page of listPages(siteDir).filter((path) => path.startsWith('essays/'))) {
    const document = readPage(siteDir, page);
    const slug = page.split('/')[1] ?? '';
    const title = document.querySelector('h1')?.textContent ?? '';
    const card = socialCard(slug, { title, siteTitle: projectConfig().title, lang: document.documentElement.getAttribute('lang') ?? '' });
    const image = meta(document, 'meta[property="og:image"]');
    if (!card) {
      expect(image, page).toBeUndefined();
      expect(meta(document, 'meta[name="twitter:card"]'), page).toBe('summary');
      continue;
    }
    expect(image, page).toBe(`${SUB_PATH_SITE}${SUB_PATH_BASE}${SOCIAL_CARD_DIR}/${slug}.png`);
    expect(meta(document, 'meta[property="og:image:width"]'), page).toBe('1200');
    expect(meta(document, 'meta[property="og:image:height"]'), page).toBe('630');
    expect(meta(document, 'meta[property="og:image:alt"]'), page).toContain(title);
    expect(meta(document, 'meta[name="twitter:card"]'), page).toBe('summary_large_image');
    expect(meta(document, 'meta[name="twitter:image:alt"]'), page).toBe(meta(document, 'meta[property="og:image:alt"]'));
    expect(jsonLd(document)?.['image'], page).toBe(image);
    // The address is the card's file in the built site, at the size the page says.
    const { width, height } = await sharp(join(siteDir, new URL(image ?? '').pathname.slice(SUB_PATH_BASE.length))).metadata();
    expect([width, height], page).toEqual([1200, 630]);
  }
  // Only essays have cards.
  for (const page of ['', 'search/', '404.html'])
    expect(readPage(siteDir, page).querySelector('meta[property="og:image"]'), page).toBeNull();
});

test('without SITE_URL the pages carry no absolute address', () => {
  const siteDir = inject('siteDir');
  for (const page of listPages(siteDir)) {
    const document = readPage(siteDir, page);
    expect(document.querySelector('meta[property="og:url"]'), page).toBeNull();
    expect(jsonLd(document)?.['url'], page).toBeUndefined();
    // Nor a social card, whose address would be absolute: none is drawn.
    expect(document.querySelector('meta[property="og:image"]'), page).toBeNull();
    expect(jsonLd(document)?.['image'], page).toBeUndefined();
  }
  expect(existsSync(join(siteDir, SOCIAL_CARD_DIR))).toBe(false);
});

test('the 404 page, served at any missing address, has no canonical address of its own and asks not to be indexed', () => {
  const page = readPage(inject('subPathSiteDir'), '404.html');
  expect(page.querySelector('link[rel="canonical"]')).toBeNull();
  expect(page.querySelector('meta[property="og:url"]')).toBeNull();
  expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
});
