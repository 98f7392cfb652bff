import { unzipSync, strFromU8 } from 'fflate';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { DOMParser } from 'linkedom';
import { expect, test } from 'vitest';
import { contentDocument, epubArticle, isXmlName, xmlIds } from '../../src/offline/epub-content.ts';
import { navDocument, ncxDocument } from '../../src/offline/epub-navigation.ts';
import { accessibilityMetadata, epubIdentifier, modifiedDate, packageDocument, uuidV5 } from '../../src/offline/epub-package.ts';
import { fitStylesheet } from '../../src/offline/epub-stylesheet.ts';
import { buildEpub, type EpubInput } from '../../src/offline/epub.ts';
import { offlineArticle, readEssayPage, type EssayMetadata } from '../../src/offline/offline-article.ts';

const metadata: EssayMetadata = {
  slug: 'on-time',
  lang: 'fr',
  dir: 'ltr',
  title: 'Sur le temps',
  description: 'Pourquoi les horloges divergent.',
  authors: [],
  published: undefined,
  modified: undefined,
  canonical: undefined,
};

/** A built essay page's article, as the build renders one (reduced). */
const ARTICLE = `<article class="essay" data-pagefind-body><header class="essay-header"><h1>Sur le temps</h1>
<p class="downloads" data-reading-aid>Lire hors ligne</p></header>
<nav class="toc" aria-labelledby="toc-label"><details open><summary id="toc-label">Sommaire</summary><ol>
<li><a href="#2025-outlook">2025 outlook</a><ol><li><a href="#мир">Мир</a></li></ol></li><li><a href="#on-time.notes">Notes</a></li></ol></details></nav>
<script type="module" src="/_astro/toc.js"></script>
<div class="essay-body"><p lang="en">A claim.<sup class="note-ref"><a id="on-time.ref-1" href="#on-time.note-1" role="doc-noteref"><span class="visually-hidden">Note </span>1</a></sup><button data-reading-aid popovertarget="p">+</button></p>
<h2 id="2025-outlook" tabindex="-1">2025 outlook</h2>
<h3 id="мир" tabindex="-1">Мир</h3><p>See <a href="#2025-outlook">the outlook</a>.</p>
<p><img src="/_astro/a.webp" alt="A flag" loading="lazy" decoding="async" width="24" height="16"></p>
<section id="on-time.notes" class="notes" role="doc-endnotes" aria-labelledby="on-time.notes-heading"><h2 id="on-time.notes-heading">Notes</h2>
<ol><li id="on-time.note-1" value="1" tabindex="-1" class="note">The note.<span class="backlinks"><a href="#on-time.ref-1" role="doc-backlink"><span aria-hidden="true">↩</span><span class="visually-hidden">Back to reference 1</span></a></span></li></ol>
<h3 id="on-time.notes-sources">Sources</h3><ul class="sources"><li><span class="citation"><cite>An atlas</cite>.</span></li></ul></section></div></article>`;

function essay() {
  const html = `<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta name="description" content="Pourquoi les horloges divergent."></head><body><main>${ARTICLE}</main></body></html>`;
  const page = readEssayPage(html, 'on-time');
  const { article } = offlineArticle(page.article, { pageUrl: new URL('https://site.invalid/essays/on-time/'), siteKnown: false });
  return { page, article };
}

const xml = (source: string) => new DOMParser().parseFromString(source, 'text/xml') as unknown as Document;

test('a version 5 UUID matches RFC 4122 (as Python’s uuid.uuid5 computes it)', () => {
  expect(uuidV5('https://essays.example/reading/room/essays/on-time/', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(
    'fafb8a38-ff44-592c-be1c-f3f26d4b4bb5',
  );
  expect(uuidV5('essay-press:Essays/on-time', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe('55ac2a80-1855-527a-b93b-026fdac58a20');
});

test('the identifier is the same in every build, from the canonical URL, else from the site title and slug', () => {
  const canonical = 'https://essays.example/reading/room/essays/on-time/';
  expect(epubIdentifier({ canonical, siteTitle: 'Essays', slug: 'on-time' })).toBe('urn:uuid:fafb8a38-ff44-592c-be1c-f3f26d4b4bb5');
  expect(epubIdentifier({ canonical, siteTitle: 'Other title', slug: 'on-time' })).toBe('urn:uuid:fafb8a38-ff44-592c-be1c-f3f26d4b4bb5');
  expect(epubIdentifier({ canonical: undefined, siteTitle: 'Essays', slug: 'on-time' })).toBe(
    'urn:uuid:55ac2a80-1855-527a-b93b-026fdac58a20',
  );
  expect(epubIdentifier({ canonical: undefined, siteTitle: 'Essays', slug: 'on-space' })).not.toBe(
    epubIdentifier({ canonical: undefined, siteTitle: 'Essays', slug: 'on-time' }),
  );
});

test('dcterms:modified is the essay’s update, else its publication, else the build’s time', () => {
  const build = new Date('2026-05-05T10:11:12Z');
  expect(modifiedDate({ published: '2025-03-01', modified: '2025-04-15' }, build).toISOString()).toBe('2025-04-15T00:00:00.000Z');
  expect(modifiedDate({ published: '2025-03-01', modified: undefined }, build).toISOString()).toBe('2025-03-01T00:00:00.000Z');
  expect(modifiedDate({ published: undefined, modified: undefined }, build)).toBe(build);
});

test('ids that are not XML names get new, unique names; letters of every script are fine', () => {
  expect(['мир-и-война', '平和への道', 'on-time.note-1', '_x'].every(isXmlName)).toBe(true);
  expect(['2025-outlook', '-x', 'a:b', 'a b', ''].some(isXmlName)).toBe(false);
  expect(xmlIds(['2025-outlook', 'id-2025-outlook', 'a:b', 'мир', 'a b'])).toEqual(
    new Map([
      ['2025-outlook', 'id-2025-outlook-2'],
      ['a:b', 'a_3a_b'],
      ['a b', 'a_20_b'],
    ]),
  );
});

test('the EPUB article: no in-page contents, headings without self-links, notes as EPUB endnotes, no web-only attributes', () => {
  const { article: offline } = essay();
  const { article, renamedIds } = epubArticle(offline, new Map([['/_astro/a.webp', 'images/image-1.jpg']]));
  expect(select('nav', article)).toBeUndefined();
  expect(selectAll('h2, h3', article).map((heading) => heading.children.map((child) => child.type))).toEqual([
    ['text'],
    ['text'],
    ['text'],
    ['text'],
  ]);
  expect(select('a[role="doc-noteref"]', article)?.properties['epub:type']).toBe('noteref');
  expect(select('section', article)?.properties['epub:type']).toBe('endnotes');
  expect(selectAll('[epub\\:type="endnote"]', article).map((note) => note.properties['id'])).toEqual(['on-time.note-1']);
  // The sources list is part of the notes section, but its items are not notes.
  expect(select('.sources li', article)?.properties['epub:type']).toBeUndefined();
  expect(selectAll('[tabindex], [loading], [decoding], [popovertarget]', article)).toEqual([]);
  expect(select('p[lang]', article)?.properties['xmlLang']).toBe('en');
  expect(select('img', article)?.properties['src']).toBe('images/image-1.jpg');
  // The heading whose id starts with a digit is renamed, and the link to it follows.
  expect(renamedIds).toEqual(new Map([['2025-outlook', 'id-2025-outlook']]));
  expect(select('h2', article)?.properties['id']).toBe('id-2025-outlook');
  expect(select('a[href="#id-2025-outlook"]', article)).toBeDefined();
});

test('an image the package does not hold is an error, not a broken picture', () => {
  expect(() => epubArticle(essay().article, new Map())).toThrow('The image /_astro/a.webp is not in the EPUB.');
});

test('the content document is XHTML: XML declaration, namespaces, language three ways, self-closed empty elements', () => {
  const { article } = epubArticle(essay().article, new Map([['/_astro/a.webp', 'images/image-1.jpg']]));
  const source = contentDocument(article, metadata);
  expect(
    source.startsWith(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="fr" xml:lang="fr" dir="ltr">',
    ),
  ).toBe(true);
  expect(source).toContain('<link rel="stylesheet" type="text/css" href="style.css" />');
  expect(source).toMatch(/<img src="images\/image-1.jpg" alt="A flag" width="24" height="16" \/>/);
  expect(source).not.toContain('<script');
});

test('the epub: prefix is declared only in a document that uses it', () => {
  const plain: Element = { type: 'element', tagName: 'article', properties: {}, children: [{ type: 'text', value: 'Text.' }] };
  expect(contentDocument(plain, metadata)).not.toContain('xmlns:epub');
  const { article } = epubArticle(essay().article, new Map([['/_astro/a.webp', 'images/image-1.jpg']]));
  expect(contentDocument(article, metadata)).toContain('xmlns:epub="http://www.idpf.org/2007/ops"');
});

test('the navigation document lists the page’s contents, nested, with ids renamed as in the content document', () => {
  const { page } = essay();
  const source = navDocument({
    metadata,
    contents: page.contents,
    renamedIds: new Map([['2025-outlook', 'id-2025-outlook']]),
    notes: { id: 'on-time.notes', heading: 'Notes' },
  });
  const document = xml(source);
  const toc = document.querySelector('nav[epub\\:type="toc"]');
  expect(toc?.querySelector('h1')?.textContent).toBe('Sommaire');
  expect([...(toc?.querySelectorAll('a') ?? [])].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
    ['2025 outlook', 'essay.xhtml#id-2025-outlook'],
    ['Мир', 'essay.xhtml#мир'],
    ['Notes', 'essay.xhtml#on-time.notes'],
  ]);
  expect(toc?.querySelector('ol > li > ol > li > a')?.textContent).toBe('Мир');
  const landmarks = document.querySelector('nav[epub\\:type="landmarks"]');
  expect([...(landmarks?.querySelectorAll('a') ?? [])].map((link) => [link.getAttribute('epub:type'), link.getAttribute('href')])).toEqual([
    ['bodymatter', 'essay.xhtml'],
    ['endnotes', 'essay.xhtml#on-time.notes'],
  ]);
});

test('without contents, the table of contents has one entry: the essay', () => {
  const document = xml(navDocument({ metadata, contents: undefined, renamedIds: new Map(), notes: undefined }));
  expect([...document.querySelectorAll('nav[epub\\:type="toc"] a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
    ['Sur le temps', 'essay.xhtml'],
  ]);
  expect(document.querySelectorAll('nav[epub\\:type="landmarks"] a')).toHaveLength(1);
});

test('the NCX carries the publication’s identifier and the same entries, in play order', () => {
  const { page } = essay();
  const document = xml(
    ncxDocument({ metadata, contents: page.contents, renamedIds: new Map(), notes: undefined, identifier: 'urn:uuid:x' }),
  );
  expect(document.querySelector('meta[name="dtb:uid"]')?.getAttribute('content')).toBe('urn:uuid:x');
  expect(document.querySelector('meta[name="dtb:depth"]')?.getAttribute('content')).toBe('2');
  expect(
    [...document.querySelectorAll('navPoint')].map((point) => [
      point.getAttribute('playOrder'),
      point.querySelector('content')?.getAttribute('src'),
    ]),
  ).toEqual([
    ['1', 'essay.xhtml#2025-outlook'],
    ['2', 'essay.xhtml#мир'],
    ['3', 'essay.xhtml#on-time.notes'],
  ]);
});

function opf(overrides: Partial<EssayMetadata> = {}, images = 0) {
  return xml(
    packageDocument({
      metadata: { ...metadata, ...overrides },
      identifier: 'urn:uuid:55ac2a80-1855-527a-b93b-026fdac58a20',
      modified: new Date('2025-04-15T00:00:00Z'),
      manifest: [
        { id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
        { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
        { id: 'essay', href: 'essay.xhtml', mediaType: 'application/xhtml+xml' },
      ],
      spine: ['essay'],
      accessibility: { images, imagesWithoutAlt: 0, certifiedBy: 'Essays of Example' },
    }),
  );
}

const metas = (document: Document, property: string) =>
  [...document.querySelectorAll(`meta[property="${property}"]`)].map((meta) => meta.textContent);
const dc = (document: Document, name: string) => [...document.getElementsByTagName(`dc:${name}`)].map((element) => element.textContent);

test('the package document gives the essay’s title, language, description and identifier, and invents no author, date or source', () => {
  const document = opf();
  expect(document.documentElement.getAttribute('unique-identifier')).toBe('publication-id');
  expect(document.documentElement.getAttribute('xml:lang')).toBe('fr');
  expect(dc(document, 'identifier')).toEqual(['urn:uuid:55ac2a80-1855-527a-b93b-026fdac58a20']);
  expect(dc(document, 'title')).toEqual(['Sur le temps']);
  expect(dc(document, 'language')).toEqual(['fr']);
  expect(dc(document, 'description')).toEqual(['Pourquoi les horloges divergent.']);
  expect([...dc(document, 'creator'), ...dc(document, 'date'), ...dc(document, 'source')]).toEqual([]);
  expect(metas(document, 'dcterms:modified')).toEqual(['2025-04-15T00:00:00Z']);
  expect(document.querySelector('spine')?.getAttribute('toc')).toBe('ncx');
  expect(document.querySelector('spine')?.getAttribute('page-progression-direction')).toBeNull();
});

test('authors, the publication date and the canonical URL appear when the essay gives them', () => {
  const document = opf({
    authors: ['Ada Example', 'Grace Fixture'],
    published: '2025-03-01',
    canonical: 'https://essays.example/essays/on-time/',
  });
  expect(dc(document, 'creator')).toEqual(['Ada Example', 'Grace Fixture']);
  expect(dc(document, 'date')).toEqual(['2025-03-01']);
  expect(dc(document, 'source')).toEqual(['https://essays.example/essays/on-time/']);
});

test('a right-to-left essay turns its pages right to left', () => {
  expect(opf({ lang: 'he', dir: 'rtl' }).querySelector('spine')?.getAttribute('page-progression-direction')).toBe('rtl');
});

test('the accessibility metadata of EPUB Accessibility 1.1, in the package', () => {
  const document = opf();
  expect(metas(document, 'schema:accessMode')).toEqual(['textual']);
  expect(metas(document, 'schema:accessModeSufficient')).toEqual(['textual']);
  expect(metas(document, 'schema:accessibilityFeature')).toEqual([
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
  ]);
  expect(metas(document, 'schema:accessibilityHazard')).toEqual(['none']);
  expect(metas(document, 'dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.2 Level AA']);
  // A claim names who evaluated it (EPUB Accessibility 1.1): the site that publishes the essay.
  expect(metas(document, 'a11y:certifiedBy')).toEqual(['Essays of Example']);
  const summary = document.querySelector('meta[property="schema:accessibilitySummary"]');
  expect(summary?.getAttribute('xml:lang')).toBe('en');
  expect(summary?.textContent).toContain('It has no images.');
});

test('images add the visual mode, and alternative text only when every image has some', () => {
  const described = new Map(
    accessibilityMetadata({ images: 2, imagesWithoutAlt: 0, certifiedBy: 'Essays' }).map(([property, value]) => [
      `${property}=${value}`,
      true,
    ]),
  );
  expect([...described.keys()]).toEqual(
    expect.arrayContaining([
      'schema:accessMode=visual',
      'schema:accessModeSufficient=textual',
      'schema:accessModeSufficient=textual,visual',
      'schema:accessibilityFeature=alternativeText',
    ]),
  );
  const undescribed = accessibilityMetadata({ images: 2, imagesWithoutAlt: 1, certifiedBy: 'Essays' }).map(
    ([property, value]) => `${property}=${value}`,
  );
  expect(undescribed).not.toContain('schema:accessibilityFeature=alternativeText');
  expect(undescribed).not.toContain('schema:accessModeSufficient=textual');
  expect(undescribed).toContain('schema:accessModeSufficient=textual,visual');
});

test('the stylesheet and the article are fitted to each other: unstyled classes and unused rules go', () => {
  const article: Element = {
    type: 'element',
    tagName: 'article',
    properties: { className: ['essay'] },
    children: [{ type: 'element', tagName: 'p', properties: { className: ['note', 'unstyled'] }, children: [] }],
  };
  const css = `/* A comment. */\nh1 { font-size: 1.6em; }\n.note,\n.scenario { margin: 0; }\n.scenario-title { margin: 1em }\n[dir='rtl'] .note { margin-right: 1em; }`;
  expect(fitStylesheet(article, css)).toBe(
    'h1 {\n  font-size: 1.6em;\n}\n\n.note {\n  margin: 0;\n}\n\n[dir="rtl"] .note {\n  margin-right: 1em;\n}\n',
  );
  expect(article.properties['className']).toBeUndefined();
  expect((article.children[0] as Element).properties['className']).toEqual(['note']);
  expect(() => fitStylesheet(article, '@media print { .note { margin: 0 } }')).toThrow('no @-rules');
});

function epubInput(): EpubInput {
  const { page, article } = essay();
  return {
    metadata: page.metadata,
    article,
    contents: page.contents,
    images: new Map([['/_astro/a.webp', { bytes: new Uint8Array([0xff, 0xd8, 0xff]), mediaType: 'image/jpeg' }]]),
    identifier: epubIdentifier({ canonical: undefined, siteTitle: 'Essays', slug: 'on-time' }),
    modified: new Date('2025-04-15T00:00:00Z'),
    stylesheet: '.note { margin: 0; }\n.visually-hidden { width: 1px; }',
    siteTitle: 'Essays',
  };
}

test('the zip starts with the mimetype entry, stored, with no extra field', () => {
  const epub = buildEpub(epubInput());
  const view = new DataView(epub.buffer, epub.byteOffset, epub.byteLength);
  expect(view.getUint32(0, true)).toBe(0x04034b50);
  expect(view.getUint16(8, true)).toBe(0); // compression method: stored
  const nameLength = view.getUint16(26, true);
  expect(view.getUint16(28, true)).toBe(0); // extra field length
  expect(strFromU8(epub.subarray(30, 30 + nameLength))).toBe('mimetype');
  expect(strFromU8(epub.subarray(30 + nameLength, 30 + nameLength + 20))).toBe('application/epub+zip');
});

test('the package holds the documents, the stylesheet and each image, all in the manifest', () => {
  const files = unzipSync(buildEpub(epubInput()));
  expect(Object.keys(files)).toEqual([
    'mimetype',
    'META-INF/container.xml',
    'EPUB/package.opf',
    'EPUB/nav.xhtml',
    'EPUB/toc.ncx',
    'EPUB/essay.xhtml',
    'EPUB/style.css',
    'EPUB/images/image-1.jpg',
  ]);
  const manifest = [...xml(strFromU8(files['EPUB/package.opf']!)).querySelectorAll('manifest item')].map(
    (item) => `EPUB/${item.getAttribute('href')}`,
  );
  expect(manifest.sort()).toEqual(
    Object.keys(files)
      .filter((name) => name.startsWith('EPUB/') && name !== 'EPUB/package.opf')
      .sort(),
  );
  expect(strFromU8(files['META-INF/container.xml']!)).toContain('full-path="EPUB/package.opf"');
});

test('an unchanged essay gives the same bytes in every build', () => {
  expect(Buffer.from(buildEpub(epubInput())).equals(Buffer.from(buildEpub(epubInput())))).toBe(true);
});

test('an image type EPUB 3.2 cannot hold is refused (the build converts WebP and AVIF first)', () => {
  const input = epubInput();
  expect(() =>
    buildEpub({ ...input, images: new Map([['/_astro/a.webp', { bytes: new Uint8Array(), mediaType: 'image/webp' }]]) }),
  ).toThrow('image/webp');
});

test('the navigation document keeps the page’s marks on words in another language than the essay’s', () => {
  const arabic = { ...metadata, lang: 'ar', dir: 'rtl' as const, title: 'عن الساعات' };
  const { contents } = readEssayPage(
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>عن الساعات</title></head><body><article class="essay" data-pagefind-body><h1>عن الساعات</h1>
<nav class="toc"><details><summary id="toc-label"><bdi lang="en" dir="ltr">Contents</bdi><span class="toc-count">, <bdi lang="en" dir="ltr">2 sections</bdi></span></summary><ol>
<li><a href="#a">الأولى</a></li><li><a href="#s-1"><bdi lang="en" dir="ltr">Scenario 1</bdi>: يبقى</a></li></ol></details></nav></article></body></html>`,
    'al-saat',
  );
  const document = xml(navDocument({ metadata: arabic, contents, renamedIds: new Map(), notes: undefined }));
  expect(document.querySelector('#toc-heading')?.innerHTML).toBe('<bdi lang="en" dir="ltr">Contents</bdi>');
  expect(document.querySelector('title')?.textContent).toBe('عن الساعات');
  const links = [...document.querySelectorAll('nav[epub\\:type="toc"] a')];
  expect(links.map((link) => link.innerHTML)).toEqual(['الأولى', '<bdi lang="en" dir="ltr">Scenario 1</bdi>: يبقى']);
});
