import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, inject, test } from 'vitest';
import { listEssaySlugs } from '../../src/publishing/pages.ts';
import { essayPath } from '../../src/site/urls.ts';
import { readBibliography } from '../../src/sources/bibliography.ts';
import { normalisedText, readPage } from '../support/html.ts';

// The structure fixture names two authors and gives both dates, in French; the notes fixture
// gives neither, in English. The component fixtures are built without SITE_URL, the sub-path
// site with it.
const componentsDir = inject('componentsSiteDir');
const structurePage = () => readPage(componentsDir, 'essays/structure/');
const notesPage = () => readPage(componentsDir, 'essays/notes/');

test('the byline is a block of its own in the header: the authors on one line, the dates and reading time on the next', () => {
  const byline = structurePage().querySelector('.essay-header .byline');
  expect([...(byline?.children ?? [])].map((line) => [line.className, normalisedText(line)])).toEqual([
    ['byline-authors', 'Par Camille Exemple et Jean Essai'],
    ['byline-details', expect.stringMatching(/^Publié le 1 mars 2025 · Mis à jour le 15 avril 2025 · \d+ min de lecture$/)],
  ]);
  expect([...(byline?.querySelectorAll('time') ?? [])].map((time) => time.getAttribute('datetime'))).toEqual(['2025-03-01', '2025-04-15']);
  expect(byline?.hasAttribute('data-pagefind-ignore')).toBe(true);
});

test('an essay without authors or dates shows neither, and nothing in their place: only the reading time', () => {
  const byline = notesPage().querySelector('.essay-header .byline');
  expect([...(byline?.children ?? [])].map((line) => [line.className, normalisedText(line)])).toEqual([
    ['byline-details', expect.stringMatching(/^\d+ min read$/)],
  ]);
  expect(notesPage().querySelector('article time')).toBeNull();
});

test('"Cite this essay" closes over a plain-text citation and BibTeX, in the essay’s language, from its frontmatter', () => {
  const cite = structurePage().querySelector('article details.cite-essay');
  expect(cite?.hasAttribute('open')).toBe(false);
  expect(normalisedText(cite?.querySelector('summary'))).toBe('Citer cet essai');
  expect([...(cite?.querySelectorAll('dt') ?? [])].map(normalisedText)).toEqual(['Texte', 'BibTeX', 'Pour un gestionnaire de références']);
  const [text, bibtex] = [...(cite?.querySelectorAll('dd') ?? [])];
  // No SITE_URL for this build: no address, and never an "accessed" date.
  expect(normalisedText(text)).toBe(
    'Camille Exemple et Jean Essai, « Structure fixture », Essays, 1 mars 2025 (mis à jour le 15 avril 2025).',
  );
  expect(bibtex?.querySelector('pre > code')?.textContent).toBe(
    [
      '@online{structure-2025,',
      '  author = {Camille Exemple and Jean Essai},',
      '  title = {{Structure fixture}},',
      '  organization = {Essays},',
      '  date = {2025-03-01},',
      '  note = {mis à jour le 15 avril 2025},',
      '}',
    ].join('\n'),
  );
});

test('without authors the citation names none, and the site does not stand in for them', () => {
  const cite = notesPage().querySelector('details.cite-essay');
  expect(normalisedText(cite?.querySelector('dd'))).toBe('“Notes fixture”, Essays.');
  expect(cite?.querySelector('code')?.textContent).not.toMatch(/author|date/);
});

test('with SITE_URL, each essay’s citation gives its canonical address', () => {
  const siteDir = inject('subPathSiteDir');
  const slugs = listEssaySlugs(siteDir);
  expect(slugs.length).toBeGreaterThan(0);
  for (const slug of slugs) {
    const page = readPage(siteDir, essayPath(slug));
    const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical, slug).toMatch(/^https:\/\//);
    const [text, bibtex] = [...page.querySelectorAll('details.cite-essay dd')];
    expect(normalisedText(text).endsWith(`. ${canonical}`), slug).toBe(true);
    expect(bibtex?.textContent, slug).toContain(`  url = {${canonical}},`);
  }
});

test('the citation is a reading aid of the web page: left out of search, the downloads and the feed', () => {
  const cite = structurePage().querySelector('details.cite-essay');
  expect(cite?.hasAttribute('data-pagefind-ignore')).toBe(true);
  expect(cite?.hasAttribute('data-reading-aid')).toBe(true);
  const epub = unzipSync(readFileSync(join(componentsDir, 'essays/structure/structure.epub')));
  const documents = Object.entries(epub).filter(([name]) => name.endsWith('.xhtml'));
  expect(documents.length).toBeGreaterThan(0);
  for (const [name, bytes] of documents) expect(strFromU8(bytes), name).not.toContain('cite-essay');
  expect(readFileSync(join(componentsDir, 'essays/structure/structure.html'), 'utf8')).not.toContain('<details class="cite-essay"');
  const feed = readFileSync(join(inject('subPathSiteDir'), 'feed.xml'), 'utf8');
  expect(feed).toContain('<content:encoded>');
  expect(feed).not.toMatch(/cite-essay|BibTeX/);
});

test('the files for a reference manager are beside each page, and Citation.js reads back from each what the essay gives, and nothing more', () => {
  const page = structurePage();
  const links = [...(page.querySelectorAll('details.cite-essay dd:last-of-type a[download]') ?? [])];
  expect(links.map((link) => [normalisedText(link), link.getAttribute('href')])).toEqual([
    ['BibTeX', 'cite.bib'],
    ['RIS', 'cite.ris'],
    ['CSL-JSON', 'cite.json'],
  ]);
  const folder = join(inject('componentsSiteDir'), 'essays/structure');
  for (const file of ['cite.bib', 'cite.ris', 'cite.json']) {
    const [item] = readBibliography(file, readFileSync(join(folder, file), 'utf8')).items;
    expect(item?.title, file).toBe('Structure fixture');
    expect(
      item?.author?.map((name) => name.literal ?? `${name.given} ${name.family}`),
      file,
    ).toEqual(['Camille Exemple', 'Jean Essai']);
    expect(item?.issued?.['date-parts']?.[0], file).toEqual([2025, 3, 1]);
    // No SITE_URL for this build: no address.
    expect(item?.URL, file).toBeUndefined();
  }
  // An essay that names no author gets none in its files either.
  const bare = readBibliography('cite.json', readFileSync(join(inject('componentsSiteDir'), 'essays/notes/cite.json'), 'utf8')).items[0];
  expect(bare?.author).toBeUndefined();
  expect(bare?.issued).toBeUndefined();
});
