import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatAceViolations, runAce } from '../../scripts/lib/ace.ts';
import { runEpubcheck } from '../../scripts/lib/epubcheck.ts';
import { sourceSchema } from '../../src/authoring/essay-schema.ts';
import { readFrontmatter } from '../../src/authoring/problems.ts';
import { readBibliography } from '../../src/sources/bibliography.ts';
import { frontmatterSourceItem, type CslItem } from '../../src/sources/csl-item.ts';
import { builtInStyle, defaultStyle } from '../../src/sources/styles.ts';
import { buildSite } from '../support/build-site.ts';
import { citeprocBibliography, citeprocCitation } from '../support/citeproc.ts';
import { normalisedText, readPage } from '../support/html.ts';

/**
 * A site of two essays that cite a reference manager's exports by key: one a CSL-JSON file in
 * the default style, in English; one a BibTeX file in APA, in German. What the pages say is
 * what citeproc-js says of the same entries in the same style.
 */
const FIXTURES = new URL('../fixtures/bibliography/', import.meta.url);
const library = (name: string) => readBibliography(name, readFileSync(new URL(name, FIXTURES), 'utf8')).items;
const memo = () =>
  sourceSchema
    .array()
    .parse(readFrontmatter(readFileSync(new URL('essays/from-zotero.mdx', FIXTURES), 'utf8'))['sources'])
    .map(frontmatterSourceItem);
const pick = (items: CslItem[], ids: string[]) => items.filter((item) => ids.includes(item.id));

let siteDir = '';
let scratch = '';
beforeAll(() => {
  const build = buildSite({ ESSAYS_DIR: 'tests/fixtures/bibliography/essays' });
  if (build.status !== 0) throw new Error(`The bibliography site did not build:\n${build.output}`);
  siteDir = build.outDir;
  scratch = join(build.outDir, '..');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const notes = (slug: string) => [...readPage(siteDir, `essays/${slug}/`).querySelectorAll('section.notes > ol > li')];
const citation = (note: Element | undefined) => normalisedText(note?.querySelector('.citation'));
const sourcesList = (slug: string) =>
  [...readPage(siteDir, `essays/${slug}/`).querySelectorAll('section.notes .sources li')].map(normalisedText);

test('an essay citing a CSL-JSON export: full notes, "Ibid.", a short note, and the sources list, as citeproc-js words them', () => {
  const items = [...library('library.json'), ...memo()];
  const style = defaultStyle();
  const page = notes('from-zotero');
  expect(page).toHaveLength(6);
  expect(citation(page[0])).toBe(citeprocCitation(items, 'hale2019', style, 'en-US', { locator: '12', label: 'page' }));
  expect(citation(page[1])).toBe(citeprocCitation(items, 'ibarra2021', style, 'en-US'));
  expect(citation(page[2])).toBe('Ibid., 120.');
  expect(citation(page[3])).toBe(citeprocCitation(items, 'nakamura2017', style, 'en-US', { locator: '2', label: 'chapter' }));
  // The note's own words follow its source.
  expect(normalisedText(page[3])).toContain(`${citation(page[3])} The whole chapter is worth reading.`);
  expect(citation(page[4])).toBe('Hale and Osei, The Long Essay: Form and Argument, 40.');
  expect(citation(page[5])).toBe(citeprocCitation(items, 'memo', style, 'en-US'));
  expect(sourcesList('from-zotero')).toEqual(
    citeprocBibliography(pick(items, ['hale2019', 'ibarra2021', 'nakamura2017', 'memo']), style, 'en-US'),
  );
  // A DOI is a link.
  expect(page[1]?.querySelector('.citation a')?.getAttribute('href')).toBe('https://doi.org/10.5555/jcw.2021.0142');
});

test('an essay citing a BibTeX export in a second style, APA, in German', () => {
  const items = library('library.bib');
  const apa = builtInStyle('apa');
  if (!apa) throw new Error('Citation.js carries APA.');
  expect(notes('in-apa').map(citation)).toEqual([
    citeprocCitation(items, 'ibarra2021', apa, 'de-DE'),
    citeprocCitation(items, 'archive2024', apa, 'de-DE'),
  ]);
  expect(sourcesList('in-apa')).toEqual(citeprocBibliography(pick(items, ['ibarra2021', 'archive2024']), apa, 'de-DE'));
});

test('the EPUB and the single-file copy carry the same notes and sources, and epubcheck and Ace find nothing wrong', async () => {
  const dir = join(siteDir, 'essays/from-zotero');
  const onPage = notes('from-zotero').map(citation);
  const epub = unzipSync(readFileSync(join(dir, 'from-zotero.epub')));
  const content = strFromU8(epub['EPUB/essay.xhtml'] ?? new Uint8Array());
  const single = readFileSync(join(dir, 'from-zotero.html'), 'utf8');
  const flat = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
  for (const text of [...onPage, ...sourcesList('from-zotero')]) {
    expect(flat(content)).toContain(text);
    expect(flat(single)).toContain(text);
  }
  const faults = (await runEpubcheck(join(dir, 'from-zotero.epub'))).filter((message) =>
    ['FATAL', 'ERROR', 'WARNING'].includes(message.severity),
  );
  expect(faults).toEqual([]);
  expect(formatAceViolations((await runAce(join(dir, 'from-zotero.epub'))).violations)).toBe('');
});
