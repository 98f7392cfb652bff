import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser, parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { epubIdentifier } from '../../src/offline/epub-package.ts';
import { formatEpubcheckMessages, runEpubcheck, type EpubcheckMessage } from '../../scripts/lib/epubcheck.ts';
import { formatFileSize } from '../../src/offline/downloads.ts';
import { projectConfig } from '../support/site-config.ts';
import { buildSite } from '../support/build-site.ts';
import { normalisedText } from '../support/html.ts';

const { title: siteTitle } = projectConfig();

// A fourth site, of essays with images (WebP from Astro's pipeline), links to other pages,
// authors, dates and a right-to-left language, built with SITE_URL.
let imageSiteDir = '';
let imageSiteLog = '';
beforeAll(() => {
  const build = buildSite({ ESSAYS_DIR: 'tests/fixtures/offline-image', SITE_URL: 'https://essays.example' });
  if (build.status !== 0) throw new Error(`The image fixture site did not build:\n${build.output}`);
  imageSiteDir = build.outDir;
  imageSiteLog = build.output;
});

test('the build log says which essay languages search stems, and which (the fixtures’ Hebrew) it cannot', () => {
  expect(imageSiteLog).toMatch(
    /Search languages: stemmed en; without stemming he: there a search finds a word only as it is written, not its other forms\./,
  );
});
afterAll(() => {
  if (imageSiteDir) rmSync(join(imageSiteDir, '..'), { recursive: true, force: true });
});

const SITES: Array<[string, () => string]> = [
  ['the site', () => inject('siteDir')],
  ['the site under a sub-path', () => inject('subPathSiteDir')],
  ['the component fixtures', () => inject('componentsSiteDir')],
  ['the image fixtures', () => imageSiteDir],
];

/** Every essay of a built site: its slug and its page, parsed. */
function essays(siteDir: string): Array<{ slug: string; dir: string; page: Document }> {
  const root = join(siteDir, 'essays');
  return readdirSync(root)
    .filter((slug) => existsSync(join(root, slug, 'index.html')))
    .map((slug) => ({
      slug,
      dir: join(root, slug),
      page: parseHTML(readFileSync(join(root, slug, 'index.html'), 'utf8')).document as unknown as Document,
    }));
}

const parseXml = (source: string) => new DOMParser().parseFromString(source, 'text/xml') as unknown as Document;

function byId(document: Document | Element, id: string): Element | undefined {
  return [...document.querySelectorAll('[id]')].find((element) => element.getAttribute('id') === id);
}

function fragment(href: string | null): string {
  return decodeURIComponent((href ?? '').replace(/^[^#]*#/, ''));
}

/** An EPUB unzipped: its files, raw bytes, package document, navigation and content documents. */
function readEpub(file: string) {
  const bytes = readFileSync(file);
  const files = unzipSync(bytes);
  const text = (path: string) => {
    const entry = files[path];
    if (!entry) throw new Error(`${file} has no ${path}`);
    return strFromU8(entry);
  };
  const rootfile = parseXml(text('META-INF/container.xml')).querySelector('rootfile')?.getAttribute('full-path') ?? '';
  const folder = rootfile.replace(/[^/]+$/, '');
  const opf = parseXml(text(rootfile));
  const items = [...opf.querySelectorAll('manifest item')];
  const navHref = items.find((item) => (item.getAttribute('properties') ?? '').split(' ').includes('nav'))?.getAttribute('href');
  const spine = [...opf.querySelectorAll('spine itemref')].map((ref) =>
    items.find((item) => item.getAttribute('id') === ref.getAttribute('idref'))?.getAttribute('href'),
  );
  expect(spine).toHaveLength(1);
  return {
    bytes,
    files,
    folder,
    opf,
    items,
    nav: parseXml(text(folder + navHref)),
    contentHref: spine[0]!,
    content: parseXml(text(folder + spine[0])),
  };
}

/** The page's article as a reader of a download meets it: without web-only aids and script. */
function articleWithoutAids(page: Document, { withContents }: { withContents: boolean }): Element {
  const article = page.querySelector('article')!.cloneNode(true) as Element;
  for (const element of article.querySelectorAll(`[data-reading-aid], script${withContents ? '' : ', nav.toc'}`)) element.remove();
  return article;
}

test.each(SITES)('%s: every essay page offers its EPUB and HTML, and each link shows the size of its file', (_name, siteDir) => {
  const all = essays(siteDir());
  expect(all.length).toBeGreaterThan(0);
  for (const { slug, dir, page } of all) {
    const lang = page.documentElement.getAttribute('lang') ?? '';
    for (const format of ['epub', 'html']) {
      const link = page.querySelector(`p.downloads a[href$="/essays/${slug}/${slug}.${format}"]`);
      expect(link, `${slug}: the ${format} link`).not.toBeNull();
      expect(link?.hasAttribute('download')).toBe(true);
      const file = join(dir, `${slug}.${format}`);
      expect(existsSync(file), `${file} exists`).toBe(true);
      expect(link?.querySelector(`[data-download-size="${format}"]`)?.textContent).toBe(`, ${formatFileSize(statSync(file).size, lang)}`);
    }
  }
});

test.each(SITES)('%s: each EPUB starts with its mimetype entry, stored, with no extra field', (_name, siteDir) => {
  for (const { slug, dir } of essays(siteDir())) {
    const { bytes } = readEpub(join(dir, `${slug}.epub`));
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.readUInt16LE(28)).toBe(0);
    expect(bytes.subarray(30, 30 + bytes.readUInt16LE(26)).toString()).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip');
  }
});

test.each(SITES)('%s: each EPUB’s package gives what the page gives, no more, and the accessibility metadata', (_name, siteDir) => {
  for (const { slug, dir, page } of essays(siteDir())) {
    const { opf } = readEpub(join(dir, `${slug}.epub`));
    const dc = (name: string) => [...opf.getElementsByTagName(`dc:${name}`)].map((element) => element.textContent);
    const meta = (property: string) => [...opf.querySelectorAll(`meta[property="${property}"]`)].map((element) => element.textContent);
    const pageMeta = (selector: string) =>
      [...page.querySelectorAll(selector)].map((element) => element.getAttribute('content') ?? element.getAttribute('href'));
    const lang = page.documentElement.getAttribute('lang');
    const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;

    expect(dc('title')).toEqual([normalisedText(page.querySelector('article h1'))]);
    expect(dc('language')).toEqual([lang]);
    expect(opf.documentElement.getAttribute('xml:lang')).toBe(lang);
    expect(dc('description')).toEqual(pageMeta('meta[name="description"]'));
    expect(dc('creator')).toEqual(pageMeta('meta[name="author"]'));
    expect(dc('date')).toEqual(pageMeta('meta[property="article:published_time"]'));
    expect(dc('source')).toEqual(pageMeta('link[rel="canonical"]'));
    expect(dc('identifier')).toEqual([epubIdentifier({ canonical, siteTitle, slug })]);
    expect(meta('dcterms:modified')).toHaveLength(1);
    expect(meta('dcterms:modified')[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const updated = pageMeta('meta[property="article:modified_time"]')[0] ?? pageMeta('meta[property="article:published_time"]')[0];
    if (updated) expect(meta('dcterms:modified')).toEqual([`${updated}T00:00:00Z`]);

    const hasImages = page.querySelector('article img') !== null;
    expect(meta('schema:accessMode')).toEqual(hasImages ? ['textual', 'visual'] : ['textual']);
    expect(meta('schema:accessModeSufficient')).toContain('textual');
    expect(meta('schema:accessibilityFeature')).toEqual(
      expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'readingOrder', ...(hasImages ? ['alternativeText'] : [])]),
    );
    expect(meta('schema:accessibilityHazard')).toEqual(['none']);
    expect(meta('schema:accessibilitySummary')[0]?.length).toBeGreaterThan(40);
    expect(meta('dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.2 Level AA']);
  }
});

test.each(SITES)('%s: each EPUB’s table of contents is the page’s, entry for entry, each leading to the same heading', (_name, siteDir) => {
  for (const { slug, dir, page } of essays(siteDir())) {
    const { nav, content, contentHref } = readEpub(join(dir, `${slug}.epub`));
    const pageLinks = [...page.querySelectorAll('article nav.toc a')];
    const epubLinks = [...nav.querySelectorAll('nav[epub\\:type="toc"] a')];
    if (pageLinks.length === 0) {
      // A page without contents (no headings, no notes): the one entry is the essay.
      expect(epubLinks.map((link) => [normalisedText(link), link.getAttribute('href')])).toEqual([
        [normalisedText(page.querySelector('article h1')), contentHref],
      ]);
      continue;
    }
    // The page's label without the count it shows after it ("Contents, 6 sections").
    const summary = normalisedText(page.querySelector('article nav.toc summary'));
    const count = normalisedText(page.querySelector('article nav.toc .toc-count'));
    expect(nav.querySelector('nav[epub\\:type="toc"] h1')?.textContent).toBe(summary.slice(0, summary.length - count.length));
    expect(epubLinks.map(normalisedText)).toEqual(pageLinks.map(normalisedText));
    epubLinks.forEach((link, index) => {
      expect(link.getAttribute('href')?.startsWith(`${contentHref}#`)).toBe(true);
      const heading = byId(content, fragment(link.getAttribute('href')));
      const onPage = page.getElementById(fragment(pageLinks[index]!.getAttribute('href')));
      expect(heading, `${slug}: ${link.getAttribute('href')}`).toBeDefined();
      expect(normalisedText(heading)).toBe(normalisedText(onPage));
    });
    // The navigation document replaces the page's own contents block.
    expect(content.querySelector('nav')).toBeNull();
  }
});

test.each(SITES)(
  '%s: each EPUB’s notes are endnotes, every reference leads to its note and every back-link to a reference',
  (_name, siteDir) => {
    for (const { slug, dir, page } of essays(siteDir())) {
      const { content } = readEpub(join(dir, `${slug}.epub`));
      const references = [...content.querySelectorAll('a[epub\\:type~="noteref"]')];
      expect(references).toHaveLength(page.querySelectorAll('article a[role="doc-noteref"]').length);
      expect(content.querySelectorAll('[epub\\:type~="endnote"]')).toHaveLength(
        page.querySelectorAll('article [role="doc-endnotes"] > ol > li').length,
      );
      for (const reference of references) {
        expect(reference.getAttribute('role')).toBe('doc-noteref');
        const note = byId(content, fragment(reference.getAttribute('href')));
        expect(note?.getAttribute('epub:type'), `${slug}: ${reference.getAttribute('href')}`).toBe('endnote');
        const section = note?.parentElement?.parentElement;
        expect([section?.getAttribute('epub:type'), section?.getAttribute('role')]).toEqual(['endnotes', 'doc-endnotes']);
      }
      const backlinks = [...content.querySelectorAll('a[role="doc-backlink"]')];
      expect(backlinks).toHaveLength(page.querySelectorAll('article a[role="doc-backlink"]').length);
      for (const backlink of backlinks) {
        expect(
          byId(content, fragment(backlink.getAttribute('href')))?.getAttribute('epub:type'),
          `${slug}: ${backlink.getAttribute('href')}`,
        ).toBe('noteref');
      }
    }
  },
);

test.each(SITES)('%s: each EPUB holds the page’s whole article, in order, without its web-only aids', (_name, siteDir) => {
  for (const { slug, dir, page } of essays(siteDir())) {
    const { content } = readEpub(join(dir, `${slug}.epub`));
    expect(normalisedText(content.querySelector('body'))).toBe(normalisedText(articleWithoutAids(page, { withContents: false })));
    expect(content.documentElement.getAttribute('lang')).toBe(page.documentElement.getAttribute('lang'));
    expect(content.documentElement.getAttribute('xml:lang')).toBe(page.documentElement.getAttribute('lang'));
    expect(content.querySelectorAll('script, button, [popover], [tabindex], [data-reading-aid], [data-pagefind-body]')).toHaveLength(0);
  }
});

/**
 * epubcheck's only remarks, both "usage" (advice, not faults), that these EPUBs cannot
 * avoid: HTM-010 reports the NCX's namespace, which the NCX (the contents of EPUB 2
 * e-readers) must have; HTM-022 is a heuristic on spans per word, which essays dense in
 * short notes trip (each note reference carries a screen-reader-only "Note" label).
 */
function unexpected(messages: EpubcheckMessage[]): EpubcheckMessage[] {
  return messages.filter(
    (message) =>
      !(message.severity === 'USAGE' && message.id === 'HTM-010' && message.locations.every((location) => location.includes('toc.ncx'))) &&
      !(message.severity === 'USAGE' && message.id === 'HTM-022'),
  );
}

test.each(SITES)('%s: epubcheck finds no error, no warning and nothing else of note in any EPUB', async (_name, siteDir) => {
  const files = essays(siteDir()).map(({ slug, dir }) => join(dir, `${slug}.epub`));
  // Two at a time: each run is a Java start, mostly waiting on one core.
  for (let start = 0; start < files.length; start += 2) {
    const batch = files.slice(start, start + 2);
    const reports = await Promise.all(batch.map((file) => runEpubcheck(file)));
    batch.forEach((file, index) => expect(formatEpubcheckMessages(unexpected(reports[index]!)), `epubcheck on ${file}`).toBe(''));
  }
});

test.each(SITES)('%s: each single-file HTML has no script, requests nothing, and its policy hashes its one style', (_name, siteDir) => {
  for (const { slug, dir, page } of essays(siteDir())) {
    const source = readFileSync(join(dir, `${slug}.html`), 'utf8');
    const document = parseHTML(source).document as unknown as Document;
    expect(source.startsWith('<!doctype html>')).toBe(true);
    expect(document.documentElement.getAttribute('lang')).toBe(page.documentElement.getAttribute('lang'));
    expect(document.documentElement.getAttribute('dir')).toBe(page.documentElement.getAttribute('dir'));
    expect(document.querySelectorAll('script, iframe, object, embed, source, [srcset]')).toHaveLength(0);
    expect(source).not.toMatch(/data-pagefind|data-reading-aid|\son[a-z]+=/);
    expect([...document.querySelectorAll('[src]')].filter((element) => !element.getAttribute('src')?.startsWith('data:'))).toEqual([]);
    expect([...document.querySelectorAll('link')].map((link) => link.getAttribute('rel'))).toEqual(
      page.querySelector('link[rel="canonical"]') ? ['canonical'] : [],
    );
    const styles = [...document.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    const hash = createHash('sha256')
      .update(styles[0]!.textContent ?? '')
      .digest('base64');
    expect(policy).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(document.querySelector('main > article')).not.toBeNull();
    expect(document.querySelector('body > footer')?.textContent).toContain(siteTitle);
  }
});

// What only the fixtures have.

test('the notes fixture: 28 endnotes, and the source cited three times is one note with three back-links', () => {
  const { content } = readEpub(join(inject('componentsSiteDir'), 'essays/notes/notes.epub'));
  expect(content.querySelectorAll('[epub\\:type="endnote"]')).toHaveLength(28);
  const first = byId(content, 'notes.note-1');
  expect([...(first?.querySelectorAll('a[role="doc-backlink"]') ?? [])].map((link) => link.getAttribute('href'))).toEqual([
    '#notes.ref-1a',
    '#notes.ref-1b',
    '#notes.ref-1c',
  ]);
  expect([...content.querySelectorAll('a[epub\\:type="noteref"][href="#notes.note-1"]')]).toHaveLength(3);
  // The cited sources follow the notes, once each.
  expect(content.querySelectorAll('section[epub\\:type="endnotes"] ul > li')).toHaveLength(2);
});

test('the structure fixture: non-Latin headings in the navigation, scenarios numbered as on the page, in French', () => {
  const { nav, content, opf } = readEpub(join(inject('componentsSiteDir'), 'essays/structure/structure.epub'));
  const entries = [...nav.querySelectorAll('nav[epub\\:type="toc"] a')].map((link) => link.textContent);
  expect(entries).toEqual(expect.arrayContaining(['Мир и война', '平和への道', 'What’s next? (Part 1: “Plans” & C++)']));
  expect(nav.querySelector('nav[epub\\:type="toc"] li > ol a')?.textContent).toBe('Details');
  expect([...content.querySelectorAll('.scenario-title')].map(normalisedText)).toEqual([
    'Scénario 1: Calm seas',
    'Scénario 2: Storm',
    'Scénario 3: Drought',
    'Scénario 4: Flood',
    'Scénario 5: Balance',
    'Scénario 6: Drizzle',
  ]);
  // A reference lands on the scenario's title, a heading, which the navigation lists too.
  expect(
    byId(content, fragment(content.querySelector('a[href*="scenario-balance"]')?.getAttribute('href') ?? null))?.tagName.toLowerCase(),
  ).toBe('h3');
  expect(entries).toContain('Scénario 5: Balance');
  expect(opf.getElementsByTagName('dc:language')[0]?.textContent).toBe('fr');
});

test('the image fixture: WebP images become JPEG or PNG files of the package, with their text alternatives', () => {
  const { content, items, files, folder, opf } = readEpub(join(imageSiteDir, 'essays/pictures/pictures.epub'));
  const images = [...content.querySelectorAll('img')];
  expect(images.map((image) => image.getAttribute('alt'))).toEqual(['A blue flag with a white band across the middle', 'A red disc']);
  const types = images.map((image) =>
    items.find((item) => item.getAttribute('href') === image.getAttribute('src'))?.getAttribute('media-type'),
  );
  // The flag is opaque (JPEG); the disc is drawn on transparency (PNG keeps it).
  expect(types).toEqual(['image/jpeg', 'image/png']);
  for (const image of images) expect(files[folder + image.getAttribute('src')]?.byteLength).toBeGreaterThan(0);
  expect([...opf.getElementsByTagName('dc:creator')].map((creator) => creator.textContent)).toEqual(['Ada Example', 'Grace Fixture']);
  expect([...opf.querySelectorAll('meta[property="dcterms:modified"]')].map((meta) => meta.textContent)).toEqual(['2025-04-15T00:00:00Z']);
});

test('the image fixture: links to other pages of the site are absolute, and a heading id starting with a digit still works', () => {
  const { content } = readEpub(join(imageSiteDir, 'essays/pictures/pictures.epub'));
  const hrefs = [...content.querySelectorAll('a[href]')].map((link) => link.getAttribute('href'));
  expect(hrefs).toEqual(
    expect.arrayContaining(['https://essays.example/', 'https://essays.example/search/', 'https://example.org/outside']),
  );
  const inside = content.querySelector('a[href^="#id-2025"]');
  expect(byId(content, fragment(inside?.getAttribute('href') ?? null))?.tagName.toLowerCase()).toBe('h2');
  const html = parseHTML(readFileSync(join(imageSiteDir, 'essays/pictures/pictures.html'), 'utf8')).document;
  expect([...html.querySelectorAll('img')].map((image) => image.getAttribute('src')?.slice(0, 16))).toEqual([
    'data:image/webp;',
    'data:image/webp;',
  ]);
});

test('an essay with no headings and no notes: one entry in its contents, and no EPUB vocabulary declared where none is used', () => {
  const { nav, content } = readEpub(join(imageSiteDir, 'essays/plain/plain.epub'));
  expect([...nav.querySelectorAll('nav[epub\\:type="toc"] a')].map((link) => link.textContent)).toEqual(['A Plain Essay']);
  expect(content.documentElement.hasAttribute('xmlns:epub')).toBe(false);
  expect(nav.documentElement.getAttribute('xmlns:epub')).toBe('http://www.idpf.org/2007/ops');
});

test('a right-to-left essay: its pages turn right to left, and its documents say so', () => {
  const { opf, content, nav } = readEpub(join(imageSiteDir, 'essays/hebrew/hebrew.epub'));
  expect(opf.querySelector('spine')?.getAttribute('page-progression-direction')).toBe('rtl');
  expect([content.documentElement.getAttribute('dir'), nav.documentElement.getAttribute('dir')]).toEqual(['rtl', 'rtl']);
  expect(opf.getElementsByTagName('dc:language')[0]?.textContent).toBe('he');
});
