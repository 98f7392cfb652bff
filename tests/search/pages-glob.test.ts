import { expect, test } from 'vitest';
import { pagesGlob } from '../../src/search/pages-glob.ts';

test('a glob names each page, or the one page alone', () => {
  expect(pagesGlob(['essays/a/index.html', 'essays/b/index.html'])).toBe('{essays/a/index.html,essays/b/index.html}');
  expect(pagesGlob(['essays/a/index.html'])).toBe('essays/a/index.html');
});

test('no glob for no pages, or for a path a glob would read as a pattern', () => {
  expect(pagesGlob([])).toBeUndefined();
  for (const path of [
    'essays/a,b/index.html',
    'essays/{a}/index.html',
    'essays/a*/index.html',
    'essays/[a]/index.html',
    'essays/a?/index.html',
    '!essays/index.html',
  ]) {
    expect(pagesGlob(['essays/x/index.html', path]), path).toBeUndefined();
  }
});
