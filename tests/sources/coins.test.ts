import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readBibliography } from '../../src/sources/bibliography.ts';
import { coinsContext } from '../../src/sources/coins.ts';
import { bibliographyFixture } from '../support/bibliography.ts';

const { items } = readBibliography('library.json', readFileSync(bibliographyFixture('library.json'), 'utf8'));
const context = (id: string) => new URLSearchParams(coinsContext(items.find((item) => item.id === id) ?? { id, type: 'document' }));

test('a journal article is an OpenURL article: its title, journal, volume, pages, date, DOI and every author', () => {
  const article = context('ibarra2021');
  expect(article.get('ctx_ver')).toBe('Z39.88-2004');
  expect(article.get('rft_val_fmt')).toBe('info:ofi/fmt:kev:mtx:journal');
  expect(article.get('rft.atitle')).toBe('Footnotes and Trust in Public Argument');
  expect(article.get('rft.jtitle')).toBe('Journal of Civic Writing');
  expect([article.get('rft.volume'), article.get('rft.issue'), article.get('rft.pages'), article.get('rft.date')]).toEqual([
    '14',
    '2',
    '115-138',
    '2021',
  ]);
  expect(article.getAll('rft_id')).toEqual(['info:doi/10.5555/jcw.2021.0142']);
  expect(article.getAll('rft.au')).toEqual(['Ibarra, Lucía']);
});

test('a book and a chapter are OpenURL books; a web page is Dublin Core, with its address; names in other scripts survive', () => {
  const book = context('hale2019');
  expect([book.get('rft.genre'), book.get('rft.btitle'), book.get('rft.pub'), book.get('rft.place')]).toEqual([
    'book',
    'The Long Essay: Form and Argument',
    'Harbour Press',
    'Edinburgh',
  ]);
  expect(book.getAll('rft.au')).toEqual(['Hale, Miriam', 'Osei, Kwame']);
  const chapter = context('nakamura2017');
  expect([chapter.get('rft.genre'), chapter.get('rft.atitle'), chapter.get('rft.btitle')]).toEqual([
    'bookitem',
    'Margins as Evidence',
    'Reading the Page',
  ]);
  const page = context('archive2024');
  expect([page.get('rft_val_fmt'), page.get('rft.title'), page.get('rft.date')]).toEqual([
    'info:ofi/fmt:kev:mtx:dc',
    'How We Keep Web Pages',
    '2024-02-10',
  ]);
  expect(page.getAll('rft_id')).toEqual(['https://archive.example/keeping']);
  expect(page.getAll('rft.creator')).toEqual(['The Example Archive']);
  expect(context('ivanova2015').get('rft.btitle')).toBe('Примечания и доверие');
  expect(context('ivanova2015').getAll('rft.au')).toEqual(['Иванова, Мария']);
});
