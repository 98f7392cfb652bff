import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readBibliography } from '../../src/sources/bibliography.ts';
import { bibliographyFixture } from '../support/bibliography.ts';

const fixture = (name: string) => readFileSync(bibliographyFixture(name), 'utf8');

const KEYS = [
  'hale2019',
  'ibarra2021',
  'nakamura2017',
  'ofr2022',
  'archive2024',
  'okafor2023',
  'lindqvist2016',
  'survey2020',
  'ivanova2015',
  'wang2018',
];

test('a BibTeX export and a CSL-JSON export of one library give the same keys, kinds and fields', () => {
  const bib = readBibliography('library.bib', fixture('library.bib'));
  const json = readBibliography('library.json', fixture('library.json'));
  expect(bib.problems).toEqual([]);
  expect(json.problems).toEqual([]);
  expect(bib.items.map((item) => item.id)).toEqual(KEYS);
  expect(json.items.map((item) => item.id)).toEqual(KEYS);
  const kinds = (items: typeof bib.items) => Object.fromEntries(items.map((item) => [item.id, item.type]));
  expect(kinds(bib.items)).toMatchObject({ hale2019: 'book', ibarra2021: 'article-journal', nakamura2017: 'chapter', ofr2022: 'report' });
  expect(kinds(json.items)).toMatchObject({
    archive2024: 'webpage',
    lindqvist2016: 'thesis',
    survey2020: 'dataset',
    okafor2023: 'article-newspaper',
  });
  const ibarra = bib.items.find((item) => item.id === 'ibarra2021');
  expect(ibarra?.DOI).toBe('10.5555/jcw.2021.0142');
  // Names in other scripts, and an organisation as one name.
  expect(bib.items.find((item) => item.id === 'ivanova2015')?.author).toEqual([{ family: 'Иванова', given: 'Мария' }]);
  expect(json.items.find((item) => item.id === 'ofr2022')?.author).toEqual([{ literal: 'Office for Fictional Research' }]);
});

test('an RIS export is read by its ID tags', () => {
  const ris = readBibliography('library.ris', fixture('library.ris'));
  expect(ris.problems).toEqual([]);
  expect(ris.items.map((item) => [item.id, item.type, item.DOI])).toEqual([
    ['hale2019', 'book', undefined],
    ['ibarra2021', 'article-journal', '10.5555/jcw.2021.0142'],
  ]);
});

test('a BibTeX syntax error is reported at its line and column in the .bib file', () => {
  const text = `${fixture('library.bib')}\n@misc{broken,\n  title = {Never closed\n`;
  const { items, problems } = readBibliography('refs/library.bib', text);
  expect(items).toEqual([]);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: 'refs/library.bib', line: text.split('\n').length });
  expect(problems[0]?.message).toMatch(/^the BIB does not parse: /);
  expect(problems[0]?.fix).toMatch(/close every \{ with a \}/);
});

test('a CSL-JSON file that is not JSON, or not a list, and a file of another kind are problems with a fix', () => {
  const broken = readBibliography('library.json', '[\n  { "id": "a", }\n]');
  expect(broken.problems[0]).toMatchObject({ file: 'library.json', line: 2 });
  expect(broken.problems[0]?.fix).toMatch(/CSL JSON/);
  expect(readBibliography('library.json', '{ "id": "a" }').problems[0]?.message).toBe(
    'a CSL-JSON bibliography is a list of entries ([ … ]).',
  );
  expect(readBibliography('library.txt', 'x').problems[0]?.message).toBe(
    'a bibliography must be a .bib, .json (CSL-JSON) or .ris file, not .txt.',
  );
});

test('an entry without a title or anyone behind it is a warning at its line; a URL that is not a web address is dropped, with an error', () => {
  const text =
    '@misc{first, author = {A, B}, title = {Fine}}\n\n@misc{untitled,\n  author = {C, D}\n}\n@misc{nobody, title = {Orphan}}\n@misc{script, title = {T}, author = {E, F}, url = {javascript:alert(1)}}';
  const { items, problems } = readBibliography('x.bib', text);
  expect(problems.map(({ line, severity, message }) => [line, severity, message])).toEqual([
    [3, 'warning', 'the entry "untitled" has no title.'],
    [6, 'warning', 'the entry "nobody" names no author, editor or publisher.'],
    [7, undefined, 'the entry "script" has the URL "javascript:alert(1)", which is not a web address.'],
  ]);
  expect(items.find((item) => item.id === 'script')?.URL).toBeUndefined();
});
