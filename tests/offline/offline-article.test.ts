import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { expect, test } from 'vitest';
import { offlineArticle, readContents, readEssayPage } from '../../src/offline/offline-article.ts';

/** A built essay page, reduced to what the downloads read. */
function page({ head = '', article = '' }: { head?: string; article?: string }): string {
  return `<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8"><title>T · Essays</title>
<meta name="description" content="Une description.">${head}
<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/b.css"></head>
<body><a href="#main-content">Skip</a><main id="main-content"><article class="essay" data-pagefind-body><header><h1>Un  titre</h1></header>${article}</article></main></body></html>`;
}

const siteUrl = new URL('https://essays.example/sub/essays/on-time/');
const unknownSite = new URL('https://site.invalid/sub/essays/on-time/');

function article(html: string): Element {
  return readEssayPage(page({ article: html }), 'on-time').article;
}

test('the metadata is read from the page: language, direction, title, description, and no more than the page gives', () => {
  const { metadata, stylesheets } = readEssayPage(page({}), 'on-time');
  expect(metadata).toEqual({
    slug: 'on-time',
    lang: 'fr',
    dir: 'ltr',
    title: 'Un titre',
    description: 'Une description.',
    authors: [],
    published: undefined,
    modified: undefined,
    canonical: undefined,
  });
  expect(stylesheets).toEqual(['/_astro/a.css', '/_astro/b.css']);
});

test('authors, dates and the canonical URL are read when the page has them', () => {
  const head = `<meta name="author" content="Ada Example"><meta name="author" content="Grace Fixture">
<meta property="article:published_time" content="2025-03-01"><meta property="article:modified_time" content="2025-04-15">
<link rel="canonical" href="https://essays.example/sub/essays/on-time/">`;
  const { metadata } = readEssayPage(page({ head }), 'on-time');
  expect(metadata.authors).toEqual(['Ada Example', 'Grace Fixture']);
  expect(metadata.published).toBe('2025-03-01');
  expect(metadata.modified).toBe('2025-04-15');
  expect(metadata.canonical).toBe('https://essays.example/sub/essays/on-time/');
});

test('a page without a language, an article or a title is an error', () => {
  expect(() => readEssayPage('<html><body><article><h1>T</h1></article></body></html>', 'a')).toThrow('no <html lang>');
  expect(() => readEssayPage('<html lang="en"><body><p>T</p></body></html>', 'a')).toThrow('no <article>');
  expect(() => readEssayPage('<html lang="en"><body><article><p>T</p></article></body></html>', 'a')).toThrow('no <h1>');
});

test('the contents are read from nav.toc, nested, with their label and decoded ids', () => {
  const contents = readContents(
    article(`<nav class="toc"><details open><summary id="toc-label">Sommaire</summary><ol>
<li><a href="#background">Background</a><ol><li><a href="#details">Details</a></li></ol></li>
<li><a href="#%D0%BC%D0%B8%D1%80">Мир</a></li><li><a href="#on-time.notes">Notes</a></li></ol></details></nav>`),
  );
  expect(contents).toEqual({
    label: 'Sommaire',
    entries: [
      { text: 'Background', id: 'background', children: [{ text: 'Details', id: 'details', children: [] }] },
      { text: 'Мир', id: 'мир', children: [] },
      { text: 'Notes', id: 'on-time.notes', children: [] },
    ],
  });
  expect(readContents(article('<p>No headings.</p>'))).toBeUndefined();
});

test('reading aids, scripts, popovers, event handlers and data attributes are left out; Astro’s style markers stay', () => {
  const { article: offline } = offlineArticle(
    article(`<p data-astro-cid-abc onclick="x()">Claim.<sup class="note-ref" data-pagefind-ignore><a id="r1" href="#n1" role="doc-noteref">1</a></sup><button popovertarget="p1" data-reading-aid>+</button><span class="sidenote" aria-hidden="true" data-reading-aid>Side copy</span><span popover id="p1" data-reading-aid>Preview copy</span></p>
<p class="downloads" data-reading-aid>Read offline</p><script type="module" src="/_astro/toc.js"></script><!-- a comment -->
<ol><li id="n1" tabindex="-1" data-pagefind-title="Note 1">The note.</li></ol>`),
    { pageUrl: siteUrl, siteKnown: true },
  );
  const html = toHtml(offline);
  expect(toString(offline).replace(/\s+/g, ' ').trim()).toBe('Un titreClaim.1 The note.');
  expect(html).not.toMatch(/data-pagefind|data-reading-aid|popover|onclick|<script|<!--/);
  expect(html).toContain('data-astro-cid-abc');
  // The page's keyboard behaviour stays: a note jumped to takes focus.
  expect(select('li', offline)?.properties['tabIndex']).toBe(-1);
  // The article itself loses its data-pagefind-body, so the search index never reads a download.
  expect(offline.properties['dataPagefindBody']).toBeUndefined();
});

test('the page’s own article is not changed', () => {
  const original = article('<p data-reading-aid>Aid</p><p>Text</p>');
  const before = toHtml(original);
  offlineArticle(original, { pageUrl: siteUrl, siteKnown: true });
  expect(toHtml(original)).toBe(before);
});

function links(html: string, options: { pageUrl: URL; siteKnown: boolean }) {
  const { article: offline } = offlineArticle(article(`<p id="here">${html}</p>`), options);
  return { hrefs: selectAll('a', offline).map((link) => link.properties['href']), text: toString(select('p', offline)!) };
}

test('with the site’s address known, links to its other pages become absolute; links within the essay and elsewhere stay', () => {
  const result = links(
    '<a href="#here">here</a> <a href="/sub/">home</a> <a href="../other/">other</a> <a href="https://example.org/x">out</a> <a href="mailto:a@example.org">mail</a> <a href="/sub/essays/on-time/#here">self</a>',
    { pageUrl: siteUrl, siteKnown: true },
  );
  expect(result.hrefs).toEqual([
    '#here',
    'https://essays.example/sub/',
    'https://essays.example/sub/essays/other/',
    'https://example.org/x',
    'mailto:a@example.org',
    '#here',
  ]);
});

test('without it, links to other pages of the site become their text, since a relative link would be dead in a file', () => {
  const result = links('<a href="/sub/">home</a>, <a href="../other/">other</a> and <a href="https://example.org/x">out</a>', {
    pageUrl: unknownSite,
    siteKnown: false,
  });
  expect(result.hrefs).toEqual(['https://example.org/x']);
  expect(result.text).toBe('home, other and out');
});

test('a link to an id outside the article, a script link and a link to the page itself become text', () => {
  const result = links('<a href="#main-content">skip</a> <a href="javascript:void(0)">js</a> <a href="/sub/essays/on-time/">self</a>', {
    pageUrl: siteUrl,
    siteKnown: true,
  });
  expect(result.hrefs).toEqual([]);
  expect(result.text).toBe('skip js self');
});

test('ARIA references to ids that are gone are dropped, and those that remain are kept', () => {
  const { article: offline } = offlineArticle(
    article(
      '<nav class="toc" aria-labelledby="toc-label gone"><p id="toc-label">Contents</p></nav><section aria-describedby="gone">x</section>',
    ),
    { pageUrl: siteUrl, siteKnown: true },
  );
  expect(select('nav', offline)?.properties['ariaLabelledBy']).toEqual(['toc-label']);
  expect(select('section', offline)?.properties['ariaDescribedBy']).toBeUndefined();
});

test('an image keeps one source, a path of the site, and each source is listed once for embedding', () => {
  const { article: offline, images } = offlineArticle(
    article(`<picture><source srcset="/sub/_astro/a.avif" type="image/avif"><img src="/sub/_astro/a.webp" srcset="/sub/_astro/a-2x.webp 2x" sizes="50vw" alt="A flag"></picture>
<img src="../../_astro/a.webp" alt="Again"><img src="data:image/png;base64,iVBORw0KGgo=" alt="Inline">`),
    { pageUrl: siteUrl, siteKnown: true },
  );
  expect(selectAll('picture, source', offline)).toEqual([]);
  expect(
    selectAll('img', offline).map((image) => [image.properties['src'], image.properties['srcSet'], image.properties['sizes']]),
  ).toEqual([
    ['/sub/_astro/a.webp', undefined, undefined],
    ['/sub/_astro/a.webp', undefined, undefined],
    ['data:image/png;base64,iVBORw0KGgo=', undefined, undefined],
  ]);
  expect(images).toEqual(['/sub/_astro/a.webp', 'data:image/png;base64,iVBORw0KGgo=']);
});

test('an image from another origin becomes its text alternative: neither download may make a request', () => {
  const { article: offline, images } = offlineArticle(
    article('<p><img src="https://cdn.example/a.png" alt="A chart of rainfall"><img src="https://cdn.example/b.png" alt=""></p>'),
    {
      pageUrl: siteUrl,
      siteKnown: true,
    },
  );
  expect(images).toEqual([]);
  expect(toHtml(select('p', offline)!)).toBe('<p><span class="image-alt">A chart of rainfall</span></p>');
});
