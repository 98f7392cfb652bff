import { expect, test } from 'vitest';
import { withBase } from '../../src/essay/base-links.ts';

test('a link from the site’s root gets the base path; any other link is left as written', () => {
  expect(withBase('/search/', '/reading-room/')).toBe('/reading-room/search/');
  expect(withBase('/essays/on-time/#the-clock', '/a/b/')).toBe('/a/b/essays/on-time/#the-clock');
  expect(withBase('/', '/reading-room/')).toBe('/reading-room/');
  for (const url of [
    '/reading-room/search/',
    '/reading-room',
    '../other/',
    '#notes',
    'https://example.org/',
    '//cdn.example/x',
    'mailto:a@b.c',
  ])
    expect(withBase(url, '/reading-room/'), url).toBe(url);
  expect(withBase('/search/', '/')).toBe('/search/');
});
