import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { readBibliography } from '../../src/sources/bibliography.ts';
import { cslLocaleFor, formatCitations, safeCitationHtml } from '../../src/sources/format-citations.ts';
import { builtInStyle, defaultStyle } from '../../src/sources/styles.ts';
import { citationJsLoadedBy } from '../support/citation-js-loaded.ts';
import { citeprocBibliography, citeprocCitation } from '../support/citeproc.ts';
import { bibliographyFixture } from '../support/bibliography.ts';

const { items } = readBibliography('library.bib', readFileSync(bibliographyFixture('library.bib'), 'utf8'));
const text = (html: string) => (parseHTML(`<p>${html}</p>`).document.querySelector('p')?.textContent ?? '').trim();
const apa = builtInStyle('apa');
if (!apa) throw new Error('Citation.js carries APA.');

test('in the default style, each source cited first is the note citeproc-js gives it, and the sources list is its bibliography', () => {
  const cited = items.map((item) => ({ id: item.id }));
  const { notes, sources, locale } = formatCitations(items, cited, 'en', defaultStyle());
  expect(locale).toBe('en-US');
  expect(notes.map(text)).toEqual(items.map((item) => citeprocCitation(items, item.id, defaultStyle(), 'en-US')));
  expect(sources.map(text)).toEqual(citeprocBibliography(items, defaultStyle(), 'en-US'));
  // DOIs and URLs are links.
  expect(notes[1]).toContain('<a href="https://doi.org/10.5555/jcw.2021.0142">');
});

test('a source cited again is shortened as the style says: "Ibid." right after, a short note later, with its place', () => {
  const { notes } = formatCitations(
    items,
    [
      { id: 'hale2019', locator: '12', label: 'page' },
      { id: 'hale2019', locator: '3', label: 'chapter' },
      { id: 'ibarra2021' },
      { id: 'hale2019', locator: '40', label: 'page' },
    ],
    'en',
    defaultStyle(),
  );
  expect(text(notes[0] ?? '')).toBe(citeprocCitation(items, 'hale2019', defaultStyle(), 'en-US', { locator: '12', label: 'page' }));
  expect(text(notes[1] ?? '')).toBe('Ibid., chap. 3.');
  expect(text(notes[3] ?? '')).toBe('Hale and Osei, The Long Essay: Form and Argument, 40.');
});

test('another CSL style (APA) and another language (German) are citeproc-js’s own words', () => {
  const { notes, sources, locale } = formatCitations(items, [{ id: 'ibarra2021' }, { id: 'nakamura2017' }], 'de', apa);
  expect(locale).toBe('de-DE');
  expect(notes.map(text)).toEqual([
    citeprocCitation(items, 'ibarra2021', apa, 'de-DE'),
    citeprocCitation(items, 'nakamura2017', apa, 'de-DE'),
  ]);
  const cited = items.filter((item) => ['ibarra2021', 'nakamura2017'].includes(item.id));
  expect(sources.map(text)).toEqual(citeprocBibliography(cited, apa, 'de-DE'));
  const german = formatCitations(items, [{ id: 'archive2024' }], 'de', defaultStyle());
  expect(text(german.notes[0] ?? '')).toBe(citeprocCitation(items, 'archive2024', defaultStyle(), 'de-DE'));
  expect(text(german.notes[0] ?? '')).toContain('zugegriffen');
});

test('a language without a CSL locale falls back to English; a regional tag finds its language', () => {
  expect(cslLocaleFor('de-AT')).toBe('de-DE');
  expect(cslLocaleFor('fr')).toBe('fr-FR');
  expect(cslLocaleFor('ja')).toBeUndefined();
  expect(formatCitations(items, [{ id: 'hale2019' }], 'ja', defaultStyle()).locale).toBe('en-US');
});

test('what citeproc writes is made safe for the page: its inline styles become classes, and nothing else gets through', () => {
  expect(safeCitationHtml('<span style="font-variant:small-caps;">Name</span>')).toBe('<span class="csl-small-caps">Name</span>');
  expect(safeCitationHtml('<i>Title</i> <b onclick="x()">b</b><script>alert(1)</script>')).toBe('<i>Title</i> <b>b</b>');
  expect(safeCitationHtml('<a href="javascript:alert(1)">x</a> <a href="https://a.example/">y</a>')).toBe(
    '<a>x</a> <a href="https://a.example/">y</a>',
  );
});

test('an essay that cites nothing is formatted without loading Citation.js: most essays a rebuild compiles cite nothing', () => {
  const run = citationJsLoadedBy(`
    const { formatCitations } = await import('./src/sources/format-citations.ts');
    result = formatCitations([], [], 'en', { name: 'none', xml: '' });`);
  expect(run).toEqual({ loaded: [], result: { notes: [], sources: [] } });
});
