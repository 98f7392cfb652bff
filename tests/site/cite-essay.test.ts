import { expect, test } from 'vitest';
import { bibtexEntry, bibtexKey, citationText, escapeBibtex, type EssayCitationFacts } from '../../src/site/cite-essay.ts';

const full: EssayCitationFacts = {
  slug: 'on-time',
  title: 'On Time',
  authors: ['Ada Example', 'Grace Fixture'],
  siteTitle: 'The Reading Room',
  published: new Date('2025-03-01'),
  updated: new Date('2025-04-15'),
  url: 'https://essays.example/essays/on-time/',
  lang: 'en',
};

const bare: EssayCitationFacts = { slug: 'on-time', title: 'On Time', siteTitle: 'Essays', lang: 'en' };

test('the plain text gives authors, title, site, dates and address, in the style of the essay’s sources', () => {
  expect(citationText(full)).toBe(
    'Ada Example and Grace Fixture, “On Time”, The Reading Room, March 1, 2025 (updated April 15, 2025). https://essays.example/essays/on-time/',
  );
});

test('the plain text leaves out what the essay does not give, and invents no author, date or address', () => {
  expect(citationText(bare)).toBe('“On Time”, Essays.');
  expect(citationText({ ...bare, updated: new Date('2025-04-15') })).toBe('“On Time”, Essays, updated April 15, 2025.');
  expect(citationText({ ...bare, authors: [] })).toBe('“On Time”, Essays.');
});

test('the plain text is in the essay’s language: its “and”, quotation marks and dates', () => {
  expect(citationText({ ...full, lang: 'fr' })).toBe(
    'Ada Example et Grace Fixture, « On Time », The Reading Room, 1 mars 2025 (mis à jour le 15 avril 2025). https://essays.example/essays/on-time/',
  );
  expect(citationText({ ...full, lang: 'de', url: undefined })).toBe(
    'Ada Example und Grace Fixture, „On Time“, The Reading Room, 1. März 2025 (aktualisiert am 15. April 2025).',
  );
});

test('the BibTeX entry is an @online entry keyed by slug and year, with every field the essay gives', () => {
  expect(bibtexEntry(full)).toBe(`@online{on-time-2025,
  author = {Ada Example and Grace Fixture},
  title = {{On Time}},
  organization = {The Reading Room},
  date = {2025-03-01},
  note = {updated April 15, 2025},
  url = {https://essays.example/essays/on-time/},
}`);
});

test('without authors the entry has no author field, not the site in their place; without dates, no date and a key without a year', () => {
  expect(bibtexEntry(bare)).toBe(`@online{on-time,
  title = {{On Time}},
  organization = {Essays},
}`);
  expect(bibtexEntry({ ...bare, updated: new Date('2024-12-31') })).toContain('date = {2024-12-31}');
  expect(bibtexKey({ slug: 'on-time', updated: new Date('2024-12-31') })).toBe('on-time-2024');
});

test('LaTeX’s special characters are escaped; other characters are kept as written', () => {
  expect(escapeBibtex('R&D: 50% of $100 #1 a_b ~ x^2 \\ {braces}')).toBe(
    'R\\&D: 50\\% of \\$100 \\#1 a\\_b \\textasciitilde{} x\\textasciicircum{}2 \\textbackslash{} \\textbraceleft{}braces\\textbraceright{}',
  );
  expect(escapeBibtex('Émile Zoë, Мир, 平和')).toBe('Émile Zoë, Мир, 平和');
  const entry = bibtexEntry({ ...bare, title: 'Profit & Loss {draft}', siteTitle: 'R&D_Notes' });
  expect(entry).toContain('title = {{Profit \\& Loss \\textbraceleft{}draft\\textbraceright{}}},');
  expect(entry).toContain('organization = {R\\&D\\_Notes},');
  // Every brace of the entry is paired, as BibTeX needs to read it.
  expect(entry.split('{').length).toBe(entry.split('}').length);
});

test('a name BibTeX would split or turn around (a comma, an "and") is kept whole', () => {
  const entry = bibtexEntry({ ...bare, authors: ['Smith, Jones and Partners', 'Ada Example', 'Anderson Grand'] });
  expect(entry).toContain('author = {{Smith, Jones and Partners} and Ada Example and Anderson Grand},');
});

test('the key keeps only letters, digits and hyphens, whatever the slug', () => {
  expect(bibtexKey({ slug: 'notes/café-au-lait', published: new Date('2025-01-01') })).toBe('notes-cafe-au-lait-2025');
  expect(bibtexKey({ slug: 'мир-и-война' })).toBe('essay');
});
