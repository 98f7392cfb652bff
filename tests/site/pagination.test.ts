import { expect, test } from 'vitest';
import { listPagePath, paginate } from '../../src/site/pagination.ts';

test('page 1 is the home page; later pages are page/N/', () => {
  expect(listPagePath(1)).toBe('');
  expect(listPagePath(2)).toBe('page/2/');
});

test('items are split in order, each page knowing its neighbours and the count', () => {
  const pages = paginate(['a', 'b', 'c', 'd', 'e'], 2);
  expect(pages.map((page) => page.items)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  expect(pages.map(({ number, count, previous, next }) => ({ number, count, previous, next }))).toEqual([
    { number: 1, count: 3, previous: undefined, next: 'page/2/' },
    { number: 2, count: 3, previous: '', next: 'page/3/' },
    { number: 3, count: 3, previous: 'page/2/', next: undefined },
  ]);
});

test('a site without essays still has its home page; an exact fit makes no empty page', () => {
  expect(paginate([], 50)).toEqual([{ number: 1, count: 1, items: [], previous: undefined, next: undefined }]);
  expect(paginate(['a', 'b'], 2)).toHaveLength(1);
  expect(() => paginate(['a'], 0)).toThrow(/at least 1/);
});
